-- Training jobs: the durable queue (workers take jobs announced on aiaas.training.jobs).
create table job (
    id               text primary key,
    -- Client idempotency key: a second submit with the same key returns the first job.
    request_id       text unique,
    spec             jsonb not null,
    state            text not null,
    epoch            int not null default 0,
    created_at       timestamptz not null default now(),
    started_at       timestamptz,
    finished_at      timestamptz,
    error            text not null default '',
    evaluation       jsonb,
    model_version    bigint not null default 0,
    device           text not null default ''
);
create index job_by_state on job (state, created_at);

-- Progress of each job, in order: state changes and finished epochs (WatchJob replays it).
create table job_event (
    id          bigserial primary key,
    job_id      text not null references job (id),
    state       text not null,
    epoch       int not null default 0,
    train_loss  double precision,
    metrics     jsonb not null default '{}',
    message     text not null default '',
    at          timestamptz not null default now()
);
create index job_event_by_job on job_event (job_id, id);

create table outbox (
    id            bigserial primary key,
    topic         text not null,
    event_key     text not null,
    payload       bytea not null,
    created_at    timestamptz not null default now(),
    published_at  timestamptz
);
create index outbox_pending on outbox (id) where published_at is null;
