-- People stay in charge of what agents change. A workspace's own action policy rules come before
-- the built-in defaults (which live in code); each decides AUTO, APPROVE or DENY for the agent
-- writes it matches. Lists are stored comma-separated: their elements are names without commas.
create table action_policy_rule (
    id                  uuid           not null primary key,
    workspace_id        uuid           not null references workspace (id),
    name                varchar(200)   not null,
    priority            integer        not null,
    agents              varchar(2000),
    tools               varchar(2000),
    operations          varchar(200),
    record_types        varchar(2000),
    fields              varchar(2000),
    new_values          varchar(2000),
    amount_at_least     numeric(19, 2),
    amount_currency     varchar(3),
    confidence_below    double precision,
    requesters          varchar(200),
    decision            varchar(16)    not null,
    deciders            varchar(16)    not null,
    expires_after_minutes integer,
    created_at          timestamp(6) with time zone not null,
    created_by          varchar(255)   not null,
    updated_at          timestamp(6) with time zone not null,
    updated_by          varchar(255)   not null,
    version             integer        not null
);
create index action_policy_rule_by_workspace on action_policy_rule (workspace_id, priority);

-- An agent write held for a person: what, why, the change as before/after, who asked, where it
-- came from, until when it may be decided, and how it ended. The version makes deciding and
-- applying compare-and-set. Arguments and states are sized for the largest record a tool writes
-- (a task's 100 kB description) and the limit on a call's arguments.
create table approval_request (
    id               uuid           not null primary key,
    workspace_id     uuid           not null references workspace (id),
    agent            varchar(64)    not null,
    tool             varchar(64)    not null,
    operation        varchar(16)    not null,
    arguments        varchar(200000) not null,
    arguments_hash   varchar(64)    not null,
    rationale        varchar(2000),
    confidence       double precision,
    record_type      varchar(64),
    record_id        uuid,
    record_version   integer,
    record_label     varchar(500),
    before_state     varchar(250000),
    after_state      varchar(250000),
    changed_fields   varchar(2000),
    requester_kind   varchar(16)    not null,
    requested_by     varchar(255)   not null,
    requester_ref    varchar(255),
    run_id           varchar(200),
    thread_id        varchar(200),
    tool_call_id     varchar(200),
    rule_id          varchar(64)    not null,
    rule_name        varchar(200)   not null,
    deciders         varchar(16)    not null,
    state            varchar(16)    not null,
    expires_at       timestamp(6) with time zone not null,
    decided_by       varchar(255),
    decided_at       timestamp(6) with time zone,
    decision_comment varchar(2000),
    edited_arguments varchar(200000),
    result           varchar(40000),
    failure_reason   varchar(2000),
    finished_at      timestamp(6) with time zone,
    claimed_by       varchar(200),
    reported         boolean        not null,
    created_at       timestamp(6) with time zone not null,
    created_by       varchar(255)   not null,
    updated_at       timestamp(6) with time zone not null,
    updated_by       varchar(255)   not null,
    version          integer        not null
);
create index approval_request_by_state on approval_request (workspace_id, state, created_at);
create index approval_request_by_thread on approval_request (workspace_id, thread_id, reported);
create index approval_request_due on approval_request (state, expires_at);

-- Every agent write the policy decided, for the oversight figures (auto-applied, held, denied).
create table agent_action (
    id           uuid          not null primary key,
    workspace_id uuid          not null references workspace (id),
    agent        varchar(64)   not null,
    tool         varchar(64)   not null,
    decision     varchar(16)   not null,
    rule_id      varchar(64)   not null,
    run_id       varchar(200),
    approval_id  uuid,
    decided_at   timestamp(6) with time zone not null
);
create index agent_action_by_time on agent_action (workspace_id, decided_at);

-- Who or what asked for a run: a person chatting, a schedule, an event trigger or an outside agent.
alter table agent_run add column requester_kind varchar(16) default 'CHAT' not null;
