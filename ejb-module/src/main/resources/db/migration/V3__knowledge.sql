-- The knowledge base: documents a workspace uploads, their original bytes, and the passages
-- (chunks) they are cut into for search. Portable between H2 2.x and PostgreSQL.

create table knowledge_document (
    id             uuid          not null primary key,
    workspace_id   uuid          not null references workspace (id),
    title          varchar(200)  not null,
    file_name      varchar(255)  not null,
    source_url     varchar(2000),
    media_type     varchar(100)  not null,
    size_bytes     bigint        not null,
    checksum       varchar(64)   not null,
    status         varchar(16)   not null,
    chunks_done    integer       not null,
    chunks_total   integer       not null,
    failure        varchar(1000),
    created_at     timestamp(6) with time zone not null,
    created_by     varchar(255)  not null,
    updated_at     timestamp(6) with time zone not null,
    updated_by     varchar(255)  not null,
    version        integer       not null,
    constraint knowledge_document_checksum unique (workspace_id, checksum)
);
create index knowledge_document_by_workspace on knowledge_document (workspace_id, created_at);

create table knowledge_document_content (
    document_id  uuid  not null primary key references knowledge_document (id) on delete cascade,
    bytes        bytea not null
);

create table knowledge_chunk (
    id           uuid          not null primary key,
    workspace_id uuid          not null,
    document_id  uuid          not null references knowledge_document (id) on delete cascade,
    ordinal      integer       not null,
    content      varchar(4000) not null,
    section      varchar(500),
    page         integer,
    embedding       real array,
    embedding_model varchar(100)
);
create index knowledge_chunk_by_document on knowledge_chunk (document_id, ordinal);
