-- A running job is held by one worker under a lease it renews; a job whose lease ran out is
-- re-queued (its worker vanished) and resumes from its last checkpoint.
alter table job add column worker_id text;
alter table job add column lease_expires_at timestamptz;
-- How many times a worker has taken the job (a reaped job counts again when re-taken).
alter table job add column attempts int not null default 0;
-- When the job was last announced on aiaas.training.jobs; a QUEUED job announced long ago
-- is announced again.
alter table job add column announced_at timestamptz not null default now();
-- The parameters after the last finished epoch, in the object store.
alter table job add column checkpoint_epoch int not null default 0;
alter table job add column checkpoint_key text;
alter table job add column checkpoint_sha256 text;

create index job_lease on job (lease_expires_at) where state = 'RUNNING';
create index job_announced on job (announced_at) where state = 'QUEUED';
