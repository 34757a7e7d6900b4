-- Per-endpoint traffic aggregated into fixed windows. Latency is kept as a histogram of
-- log-spaced buckets (see LatencyHistogram) so percentiles can be merged across windows.
create table window_stats (
    endpoint         text not null,
    window_start     timestamptz not null,
    request_count    bigint not null default 0,
    error_count      bigint not null default 0,
    row_count        bigint not null default 0,
    latency_buckets  bigint[] not null,
    primary key (endpoint, window_start)
);

-- Events already counted: the prediction log is delivered at least once.
create table processed_event (
    event_id      text primary key,
    processed_at  timestamptz not null default now()
);
