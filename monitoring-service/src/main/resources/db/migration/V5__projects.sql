-- Projects are the unit of isolation: an endpoint's traffic windows and drift samples belong to
-- the endpoint's project, and an endpoint name is unique within its project only (two projects
-- may each serve an endpoint "iris", counted apart). Rows from before projects move into
-- "default", the project of a prediction log record and of a call that names none.
-- processed_event needs no project: event ids are unique across projects. audit_event already
-- names its project (V4).

alter table window_stats      add column project text not null default 'default';
alter table prediction_sample add column project text not null default 'default';

alter table window_stats drop constraint window_stats_pkey;
alter table window_stats add primary key (project, endpoint, window_start);

-- A drift report: the newest samples of one endpoint of one project.
drop index prediction_sample_by_endpoint;
create index prediction_sample_by_endpoint on prediction_sample (project, endpoint, id desc);
-- The *_by_age indexes stay as they are: retention deletes every project's old rows at once.

-- From now on every row names its project: an insert that forgets it fails.
alter table window_stats      alter column project drop default;
alter table prediction_sample alter column project drop default;
