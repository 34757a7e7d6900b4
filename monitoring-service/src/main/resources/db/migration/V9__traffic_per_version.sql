-- Every figure per model version and role (serving's traffic split): a window per endpoint,
-- version and role; the endpoint's own figures add up the versions that answered clients
-- (champion and challenger). Windows from before keep an empty model name and version 0.
alter table window_stats add column model_name    text   not null default '';
alter table window_stats add column model_version bigint not null default 0;
alter table window_stats add column role          text   not null default 'champion'
    check (role in ('champion', 'challenger', 'shadow'));
alter table window_stats drop constraint window_stats_pkey;
alter table window_stats add primary key (project, endpoint, window_start, model_name, model_version, role);

-- A request's served answer (champion's or challenger's) and its shadow's answer are kept side by
-- side, so the shadow can be compared with what clients got on the same requests.
alter table prediction add column role text not null default 'champion'
    check (role in ('champion', 'challenger', 'shadow'));
alter table prediction drop constraint prediction_pkey;
create unique index prediction_once on prediction (project, endpoint, request_id, (role = 'shadow'));
create index prediction_shadow_by_time on prediction (project, endpoint, received_at, request_id)
    where role = 'shadow';
