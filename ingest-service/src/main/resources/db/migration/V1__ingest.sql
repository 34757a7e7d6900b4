-- Datasets and their open (not yet sealed) records.
create table dataset (
    name            text primary key,
    description     text not null default '',
    -- {"columns": [{"name", "kind", "nullable", "shape"}], "labelColumn"}
    schema_json     jsonb not null,
    latest_version  bigint not null default 0,
    created_at      timestamptz not null default now()
);

-- Accepted, validated records waiting for the next seal: column -> typed value
-- (images as base64 text).
create table open_record (
    id           bigserial primary key,
    dataset      text not null references dataset (name),
    payload      jsonb not null,
    received_at  timestamptz not null default now()
);
create index open_record_by_dataset on open_record (dataset, id);

create table outbox (
    id            bigserial primary key,
    topic         text not null,
    event_key     text not null,
    payload       bytea not null,
    created_at    timestamptz not null default now(),
    published_at  timestamptz
);
create index outbox_pending on outbox (id) where published_at is null;
