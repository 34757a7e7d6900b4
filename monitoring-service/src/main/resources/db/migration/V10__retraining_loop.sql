-- The retraining loop: a policy per endpoint, its runs (one under way at most), and every
-- decision made, with its reason and the figures it was made on.
create table retraining_policy (
    project                  text not null,
    endpoint                 text not null,
    enabled                  boolean not null,
    trigger_alerts           text[] not null default '{}',
    trigger_new_records      bigint not null,
    shadow_share             int not null,
    shadow_min_samples       int not null,
    canary_weight            int not null,
    canary_min_samples       int not null,
    promote_margin           double precision not null,
    rollback_margin          double precision not null,
    max_error_rate_increase  double precision not null,
    max_latency_ratio        double precision not null,
    stage_timeout_seconds    int not null,
    -- the hyperparameters the retraining job overrides, as JSON ({"epochs": 5, ...})
    overrides                text not null default '{}',
    updated_at               timestamptz not null default now(),
    primary key (project, endpoint)
);

create table retraining_run (
    id                  text primary key,
    project             text not null,
    endpoint            text not null,
    stage               text not null,
    model_name          text not null,
    champion_version    bigint not null,
    challenger_version  bigint not null default 0,
    dataset             text not null,
    dataset_version     bigint not null default 0,
    job_id              text not null default '',
    started_at          timestamptz not null,
    stage_started_at    timestamptz not null,
    finished_at         timestamptz
);
create unique index retraining_run_under_way on retraining_run (project, endpoint) where finished_at is null;
create index retraining_run_by_endpoint on retraining_run (project, endpoint, started_at desc);

create table decision (
    id                  text primary key,
    project             text not null,
    endpoint            text not null,
    run_id              text not null default '',
    action              text not null,
    reason              text not null,
    figures             text not null default '{}',
    model_name          text not null default '',
    champion_version    bigint not null default 0,
    challenger_version  bigint not null default 0,
    decided_at          timestamptz not null default now()
);
create index decision_by_endpoint on decision (project, endpoint, decided_at desc);
create index decision_by_project on decision (project, decided_at desc);
