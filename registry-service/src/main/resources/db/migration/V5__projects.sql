-- Projects are the unit of isolation: every registered model, with its versions, artifacts,
-- aliases and alias history, belongs to one project, and a model name is unique within its
-- project only (two projects may each have a model "iris"). Rows from before projects move
-- into "default", the project of a call that names none.
-- The outbox needs no project: the event it holds names the project in its header.

alter table registered_model add column project text not null default 'default';
alter table model_version    add column project text not null default 'default';
alter table model_artifact   add column project text not null default 'default';
alter table model_alias      add column project text not null default 'default';
alter table alias_history    add column project text not null default 'default';

-- The foreign keys go first: they depend on the keys rebuilt below.
alter table model_version  drop constraint model_version_model_name_fkey;
alter table model_artifact drop constraint model_artifact_model_name_version_fkey;
alter table model_alias    drop constraint model_alias_model_name_fkey;
alter table model_alias    drop constraint model_alias_model_name_version_fkey;
alter table alias_history  drop constraint alias_history_model_name_fkey;

alter table registered_model drop constraint registered_model_pkey;
alter table registered_model add primary key (project, name);

alter table model_version drop constraint model_version_pkey;
alter table model_version add primary key (project, model_name, version);
alter table model_version add foreign key (project, model_name) references registered_model (project, name);

alter table model_artifact drop constraint model_artifact_pkey;
alter table model_artifact add primary key (project, model_name, version, role);
alter table model_artifact add foreign key (project, model_name, version)
    references model_version (project, model_name, version);

alter table model_alias drop constraint model_alias_pkey;
alter table model_alias add primary key (project, model_name, alias);
alter table model_alias add foreign key (project, model_name) references registered_model (project, name);
alter table model_alias add foreign key (project, model_name, version)
    references model_version (project, model_name, version);

alter table alias_history add foreign key (project, model_name) references registered_model (project, name);
drop index alias_history_by_model;
create index alias_history_by_model on alias_history (project, model_name, alias, id desc);

-- A training job registers at most one version of a model of its project.
drop index model_version_by_training_job;
create unique index model_version_by_training_job on model_version (project, model_name, training_job_id)
    where training_job_id <> '';

-- From now on every row names its project: an insert that forgets it fails.
alter table registered_model alter column project drop default;
alter table model_version    alter column project drop default;
alter table model_artifact   alter column project drop default;
alter table model_alias      alter column project drop default;
alter table alias_history    alter column project drop default;
