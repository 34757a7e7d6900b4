-- Projects are the unit of isolation: every training job, with its progress, belongs to one
-- project, and a project sees only its own jobs. Jobs from before projects move into "default",
-- the project of a call that names none. Leases and checkpoints are columns of the job and go
-- with it.
-- Job ids stay unique across projects (job-<UUID>), so a job id alone never names two jobs; every
-- read still filters by project too. A request id (the client's idempotency key) is unique within
-- its project only: another project's submit with the same key is a submit of its own, never an
-- answer with this project's job.
-- The outbox needs no project: the event it holds names the project in its header.

alter table job       add column project text not null default 'default';
alter table job_event add column project text not null default 'default';

-- The foreign key goes first: it depends on the key rebuilt below.
alter table job_event drop constraint job_event_job_id_fkey;

alter table job drop constraint job_pkey;
alter table job add primary key (project, id);
alter table job add constraint job_id_key unique (id);

alter table job drop constraint job_request_id_key;
alter table job add constraint job_request_id_key unique (project, request_id);

alter table job_event add foreign key (project, job_id) references job (project, id);
drop index job_event_by_job;
create index job_event_by_job on job_event (project, job_id, id);

-- ListJobs: a project's jobs, optionally of one state, newest first.
drop index job_by_state;
create index job_by_project on job (project, created_at desc);
create index job_by_state on job (project, state, created_at desc);
-- job_lease and job_announced stay as they are: the reaper and the sweeper look at every
-- project's jobs at once.

-- From now on every row names its project: an insert that forgets it fails.
alter table job       alter column project drop default;
alter table job_event alter column project drop default;
