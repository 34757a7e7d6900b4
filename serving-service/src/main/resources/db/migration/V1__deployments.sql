-- Serving's desired state: which endpoints exist and what they serve. Every replica loads
-- every row at start and reconciles with it; the loaded models themselves live in memory.
create table deployment (
    endpoint            text primary key,
    model_name          text not null,
    alias               text,
    version             bigint,
    max_batch_size      integer not null,
    max_queue_delay_us  integer not null,
    max_queue_size      integer not null,
    instances           integer not null,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    constraint deployment_alias_or_version check ((alias is null) <> (version is null))
);
