-- Registry state. Versions are immutable: only their tags change after creation.
create table registered_model (
    name            text primary key,
    description     text not null default '',
    tags            jsonb not null default '{}',
    latest_version  bigint not null default 0,
    created_at      timestamptz not null default now()
);

create table model_version (
    model_name      text not null references registered_model (name),
    version         bigint not null,
    family          text not null,
    description     text not null default '',
    tags            jsonb not null default '{}',
    signature       jsonb not null default '{}',
    metrics         jsonb not null default '{}',
    dataset         text not null default '',
    dataset_version bigint not null default 0,
    pipeline        text not null default '',
    training_job_id text not null default '',
    code_version    text not null default '',
    created_at      timestamptz not null default now(),
    primary key (model_name, version)
);

create table model_artifact (
    model_name  text not null,
    version     bigint not null,
    role        text not null,
    object_key  text not null,
    sha256      char(64) not null,
    size_bytes  bigint not null,
    primary key (model_name, version, role),
    foreign key (model_name, version) references model_version (model_name, version)
);

create table model_alias (
    model_name  text not null references registered_model (name),
    alias       text not null,
    version     bigint not null,
    updated_at  timestamptz not null default now(),
    primary key (model_name, alias),
    foreign key (model_name, version) references model_version (model_name, version)
);

-- Every move of an alias; version is null when the change deleted it.
create table alias_history (
    id                bigserial primary key,
    model_name        text not null references registered_model (name),
    alias             text not null,
    version           bigint,
    previous_version  bigint,
    changed_at        timestamptz not null default now()
);
create index alias_history_by_model on alias_history (model_name, alias, id desc);

create table outbox (
    id            bigserial primary key,
    topic         text not null,
    event_key     text not null,
    payload       bytea not null,
    created_at    timestamptz not null default now(),
    published_at  timestamptz
);
create index outbox_pending on outbox (id) where published_at is null;
