-- Projects are the unit of isolation: every deployment belongs to one, and an endpoint name is
-- unique within its project only (two projects may each deploy an endpoint "iris", each bound to
-- a model of its own project). Deployments from before projects move into "default", the
-- project of a call that names none.

alter table deployment add column project text not null default 'default';

alter table deployment drop constraint deployment_pkey;
alter table deployment add primary key (project, endpoint);

-- From now on every row names its project: an insert that forgets it fails.
alter table deployment alter column project drop default;
