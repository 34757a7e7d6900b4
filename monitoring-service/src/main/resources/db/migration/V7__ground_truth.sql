-- Ground truth and the quality of answers. Each answered request's answer is kept once per request
-- (a redelivered prediction log record changes nothing), each request's ground truth once (the
-- first wins), and the two are joined when a quality report reads them, so either may come first.
-- Both are deleted once older than monitoring.ground-truth.horizon (the retention job).
create table prediction (
    project           text not null,
    endpoint          text not null,
    request_id        text not null,
    model_name        text not null,
    model_version     bigint not null,
    received_at       timestamptz not null,
    -- CLASSIFICATION: predicted_labels, one per row; VALUES: predicted_values, predicted_width per row.
    task              text not null check (task in ('CLASSIFICATION', 'VALUES')),
    row_count         int not null,
    predicted_labels  text[] not null default '{}',
    predicted_values  real[] not null default '{}',
    predicted_width   int not null default 0,
    primary key (project, endpoint, request_id)
);
-- A quality report pages through an endpoint's answers of a time range, newest first.
create index prediction_by_time on prediction (project, endpoint, received_at, request_id);
create index prediction_by_age on prediction (received_at);

create table ground_truth (
    project      text not null,
    endpoint     text not null,
    request_id   text not null,
    -- Exactly one of them is non-empty: labels judge a classifier, values any other model.
    true_labels  text[] not null default '{}',
    true_values  double precision[] not null default '{}',
    observed_at  timestamptz not null,
    received_at  timestamptz not null default now(),
    primary key (project, endpoint, request_id)
);
create index ground_truth_by_age on ground_truth (received_at);
