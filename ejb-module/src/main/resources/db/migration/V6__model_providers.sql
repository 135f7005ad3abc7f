-- Bring your own AI: each workspace's model providers (API keys sealed with the master key, see
-- io.steward.secret), its model settings and budgets, per-agent settings, and the usage of every
-- model call. Portable between H2 2.x and PostgreSQL.

create table model_provider (
    id                 uuid          not null primary key,
    workspace_id       uuid          not null references workspace (id),
    name               varchar(60)   not null,
    kind               varchar(32)   not null,
    base_url           varchar(500),
    default_model      varchar(200)  not null,
    secret_ciphertext  varchar(4000),
    secret_key_id      varchar(16),
    secret_hint        varchar(8),
    created_at         timestamp(6) with time zone not null,
    updated_at         timestamp(6) with time zone not null,
    version            integer       not null,
    constraint model_provider_name unique (workspace_id, name)
);
create index model_provider_by_key on model_provider (secret_key_id);

create table workspace_ai_settings (
    workspace_id              uuid     not null primary key references workspace (id),
    default_provider_id       uuid     references model_provider (id),
    monthly_token_budget      bigint,
    members_may_choose_model  boolean  not null,
    version                   integer  not null
);

create table agent_settings (
    id                    uuid          not null primary key,
    workspace_id          uuid          not null references workspace (id),
    agent                 varchar(64)   not null,
    provider_id           uuid          references model_provider (id),
    model                 varchar(200),
    disabled_tools        varchar(2000) not null,
    instructions          varchar(8000),
    monthly_token_budget  bigint,
    version               integer       not null,
    constraint agent_settings_agent unique (workspace_id, agent)
);

create table model_usage (
    id             uuid          not null primary key,
    workspace_id   uuid          not null references workspace (id),
    run            uuid          references agent_run (id) on delete set null,
    agent          varchar(64)   not null,
    model          varchar(200)  not null,
    provider_id    uuid,
    user_id        varchar(255)  not null,
    input_tokens   bigint        not null,
    output_tokens  bigint        not null,
    estimated      boolean       not null,
    called_at      timestamp(6) with time zone not null
);
create index model_usage_by_time on model_usage (workspace_id, called_at);
