-- Every state-changing call of every service, from aiaas.audit (CallAudited), kept for listing.
create table audit_event (
    event_id              text primary key,
    occurred_at           timestamptz not null,
    service               text not null,
    method                text not null,
    principal             text not null,
    principal_is_service  boolean not null,
    project               text not null,
    request               text not null,
    outcome               text not null,
    outcome_message       text not null,
    trace_id              text not null
);
create index audit_event_by_project on audit_event (project, occurred_at desc, event_id desc);
