-- Tags people give knowledge documents, to narrow searches (filter { tags }).
create table knowledge_document_tag (
    document_id  uuid        not null references knowledge_document (id) on delete cascade,
    tag          varchar(50) not null,
    primary key (document_id, tag)
);
