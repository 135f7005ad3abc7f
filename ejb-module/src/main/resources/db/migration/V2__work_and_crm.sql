-- Business data: work (projects, tasks, comments, checkpoints, notes), CRM (companies, contacts,
-- interactions, deals) and the outbox of domain events. Portable between H2 2.x and PostgreSQL.
-- Every record carries its workspace, who created/updated it when, and a version for optimistic
-- locking. References stay inside one workspace; the services check that, the keys guard it.

alter table workspace add column time_zone varchar(64) default 'UTC' not null;

create table project (
    id           uuid          not null primary key,
    workspace_id uuid          not null references workspace (id),
    name         varchar(200)  not null,
    company_id   uuid,
    status       varchar(16)   not null,
    created_at   timestamp(6) with time zone not null,
    created_by   varchar(255)  not null,
    updated_at   timestamp(6) with time zone not null,
    updated_by   varchar(255)  not null,
    version      integer       not null
);
create index project_by_workspace on project (workspace_id, name);

create table task (
    id           uuid          not null primary key,
    workspace_id uuid          not null references workspace (id),
    title        varchar(200)  not null,
    description  varchar(100000),
    status       varchar(16)   not null,
    priority     varchar(16)   not null,
    due_date     date,
    project_id   uuid          references project (id),
    ai_suggested boolean       not null,
    approved     boolean       not null,
    created_at   timestamp(6) with time zone not null,
    created_by   varchar(255)  not null,
    updated_at   timestamp(6) with time zone not null,
    updated_by   varchar(255)  not null,
    version      integer       not null
);
create index task_by_workspace_due on task (workspace_id, due_date);
create index task_by_project on task (project_id);

create table task_assignee (
    task_id      uuid          not null references task (id) on delete cascade,
    user_id      varchar(255)  not null,
    username     varchar(255)  not null,
    display_name varchar(255)  not null,
    primary key (task_id, user_id)
);
create index task_assignee_by_user on task_assignee (user_id);

create table task_comment (
    id           uuid          not null primary key,
    workspace_id uuid          not null references workspace (id),
    task_id      uuid          not null references task (id) on delete cascade,
    author_id           varchar(255) not null,
    author_username     varchar(255) not null,
    author_display_name varchar(255) not null,
    content      varchar(100000) not null,
    created_at   timestamp(6) with time zone not null,
    created_by   varchar(255)  not null,
    updated_at   timestamp(6) with time zone not null,
    updated_by   varchar(255)  not null,
    version      integer       not null
);
create index task_comment_by_task on task_comment (task_id, created_at);

create table checkpoint (
    id           uuid          not null primary key,
    workspace_id uuid          not null references workspace (id),
    project_id   uuid          not null references project (id),
    title        varchar(200)  not null,
    due_on       date          not null,
    ai_suggested boolean       not null,
    approved     boolean       not null,
    created_at   timestamp(6) with time zone not null,
    created_by   varchar(255)  not null,
    updated_at   timestamp(6) with time zone not null,
    updated_by   varchar(255)  not null,
    version      integer       not null
);
create index checkpoint_by_project on checkpoint (project_id, due_on);

create table note (
    id           uuid          not null primary key,
    workspace_id uuid          not null references workspace (id),
    title        varchar(200)  not null,
    content      varchar(100000),
    project_id   uuid          references project (id),
    created_at   timestamp(6) with time zone not null,
    created_by   varchar(255)  not null,
    updated_at   timestamp(6) with time zone not null,
    updated_by   varchar(255)  not null,
    version      integer       not null
);
create index note_by_workspace on note (workspace_id, updated_at);

create table company (
    id           uuid          not null primary key,
    workspace_id uuid          not null references workspace (id),
    name         varchar(200)  not null,
    website      varchar(2000),
    industry     varchar(200),
    created_at   timestamp(6) with time zone not null,
    created_by   varchar(255)  not null,
    updated_at   timestamp(6) with time zone not null,
    updated_by   varchar(255)  not null,
    version      integer       not null
);
create index company_by_workspace on company (workspace_id, name);

alter table project add constraint project_company foreign key (company_id) references company (id);

create table contact (
    id                 uuid          not null primary key,
    workspace_id       uuid          not null references workspace (id),
    name               varchar(200)  not null,
    company_id         uuid          references company (id),
    email              varchar(320),
    phone              varchar(40),
    lead_score         integer,
    owner_id           varchar(255),
    owner_username     varchar(255),
    owner_display_name varchar(255),
    created_at         timestamp(6) with time zone not null,
    created_by         varchar(255)  not null,
    updated_at         timestamp(6) with time zone not null,
    updated_by         varchar(255)  not null,
    version            integer       not null
);
create index contact_by_workspace on contact (workspace_id, name);
create index contact_by_company on contact (company_id);

create table interaction (
    id           uuid          not null primary key,
    workspace_id uuid          not null references workspace (id),
    contact_id   uuid          not null references contact (id) on delete cascade,
    kind         varchar(16)   not null,
    summary      varchar(100000) not null,
    occurred_at  timestamp(6) with time zone not null,
    created_at   timestamp(6) with time zone not null,
    created_by   varchar(255)  not null,
    updated_at   timestamp(6) with time zone not null,
    updated_by   varchar(255)  not null,
    version      integer       not null
);
create index interaction_by_contact on interaction (contact_id, occurred_at);

create table deal (
    id             uuid          not null primary key,
    workspace_id   uuid          not null references workspace (id),
    title          varchar(200)  not null,
    company_id     uuid          not null references company (id),
    contact_id     uuid          references contact (id) on delete set null,
    amount         numeric(19, 2) not null,
    currency       varchar(3)    not null,
    stage          varchar(16)   not null,
    expected_close date,
    closed_at      timestamp(6) with time zone,
    created_at     timestamp(6) with time zone not null,
    created_by     varchar(255)  not null,
    updated_at     timestamp(6) with time zone not null,
    updated_by     varchar(255)  not null,
    version        integer       not null
);
create index deal_by_workspace on deal (workspace_id, stage);
create index deal_by_company on deal (company_id);

-- Domain events written in the same transaction as the change they describe; agents and the
-- change feed read them in id order.
create table outbox_event (
    id             bigint generated by default as identity primary key,
    workspace_id   uuid          not null,
    event_type     varchar(64)   not null,
    record_type    varchar(64)   not null,
    record_id      varchar(255)  not null,
    audience       varchar(16)   not null,
    payload        varchar(200000) not null,
    actor_id       varchar(255)  not null,
    occurred_at    timestamp(6) with time zone not null,
    request_id     varchar(64)
);
create index outbox_event_by_workspace on outbox_event (workspace_id, id);
create index outbox_event_by_time on outbox_event (occurred_at);
