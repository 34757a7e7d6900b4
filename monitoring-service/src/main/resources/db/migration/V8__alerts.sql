-- Alert rules per endpoint (SetAlertRules), each rule's hysteresis progress, and every firing
-- with its resolution. Rules: at most monitoring.alerts.max-rules per endpoint, set by admins.
create table alert_rule (
    project            text not null,
    endpoint           text not null,
    name               text not null,
    kind               text not null,
    threshold          double precision not null,
    baseline_accuracy  double precision not null,
    min_samples        int not null,
    for_evaluations    int not null,
    clear_evaluations  int not null,
    severity           text not null,
    primary key (project, endpoint, name)
);

-- Where each rule's alert is, kept so that a restart neither forgets a firing alert nor starts
-- counting breaches again; alert_id names the firing one.
create table alert_progress (
    project     text not null,
    endpoint    text not null,
    rule        text not null,
    state       text not null,
    breaches    int not null,
    clears      int not null,
    alert_id    text,
    updated_at  timestamptz not null default now(),
    primary key (project, endpoint, rule)
);

create table alert (
    id              text primary key,
    project         text not null,
    endpoint        text not null,
    rule            text not null,
    kind            text not null,
    severity        text not null,
    state           text not null,
    fired_value     double precision not null,
    resolved_value  double precision not null default 0,
    threshold       double precision not null,
    summary         text not null,
    description     text not null,
    starts_at       timestamptz not null,
    ends_at         timestamptz
);
create index alert_by_project on alert (project, starts_at desc);
