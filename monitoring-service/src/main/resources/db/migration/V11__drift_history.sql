-- Drift over time: a snapshot of an endpoint's drift report each time DriftHistory finds sampled
-- traffic newer than the last one. Features and prediction drift are kept as JSON (read whole,
-- never queried into): per feature its kind, method, statistic, p-value (null for a distance),
-- threshold, PSI and verdict. Deleted with the traffic windows' retention.
create table drift_snapshot (
    id                bigserial primary key,
    project           text not null,
    endpoint          text not null,
    taken_at          timestamptz not null,
    -- the newest prediction_sample id when it was taken: a newer sample makes the next one due
    newest_sample_id  bigint not null,
    model_name        text not null,
    model_version     bigint not null,
    sample_rows       bigint not null,
    drift_share       double precision not null,
    drifted           boolean not null,
    features          text not null,
    prediction        text
);
create index drift_snapshot_by_endpoint on drift_snapshot (project, endpoint, taken_at desc);
create index drift_snapshot_by_age on drift_snapshot (taken_at);
