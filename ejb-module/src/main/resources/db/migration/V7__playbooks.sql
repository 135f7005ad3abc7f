-- Execution plans people keep: plan mode caches the plans it makes as the workspace's playbooks,
-- which can be run again. Steps are JSON (agent, prompt template id, variables, earlier steps).
create table playbook (
    id           uuid           not null primary key,
    workspace_id uuid           not null references workspace (id),
    name         varchar(200)   not null,
    request      varchar(2000)  not null,
    steps        varchar(20000) not null,
    created_by   varchar(255)   not null,
    created_at   timestamp(6) with time zone not null,
    version      integer        not null
);
create index playbook_by_workspace on playbook (workspace_id, created_at);
