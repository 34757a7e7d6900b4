-- A training job registers at most one version of a model: CreateModelVersion with a job id
-- that already registered one returns that version (a retried registration changes nothing).
create unique index model_version_by_training_job on model_version (model_name, training_job_id)
    where training_job_id <> '';
