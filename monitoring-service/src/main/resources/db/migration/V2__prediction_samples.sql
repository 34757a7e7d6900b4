-- Raw input features of logged predictions, kept for drift against the training baseline.
create table prediction_sample (
    id              bigserial primary key,
    endpoint        text not null,
    model_name      text not null,
    model_version   bigint not null,
    received_at     timestamptz not null,
    feature_names   text[] not null,
    -- Row-major, feature_count values per row.
    features        double precision[] not null,
    feature_count   int not null,
    profile_key     text not null,
    profile_sha256  text not null
);
create index prediction_sample_by_endpoint on prediction_sample (endpoint, id desc);
