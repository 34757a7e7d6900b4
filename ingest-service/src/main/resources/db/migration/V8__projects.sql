-- Projects, the unit of isolation: every dataset belongs to one project and its name is unique
-- within it; its open records, uploads and versions belong to the same project. Rows from before
-- move into "default". Keys lead with the project, so that every read of a project's datasets is
-- an index range and two projects may hold datasets of the same name.
alter table dataset add column project text not null default 'default';
alter table open_chunk add column project text not null default 'default';
alter table upload add column project text not null default 'default';
alter table dataset_version add column project text not null default 'default';

alter table open_chunk drop constraint open_chunk_dataset_fkey;
alter table upload drop constraint upload_dataset_fkey;
alter table dataset_version drop constraint dataset_version_dataset_fkey;

alter table dataset drop constraint dataset_pkey;
alter table dataset add constraint dataset_pkey primary key (project, name);

alter table upload drop constraint upload_pkey;
alter table upload add constraint upload_pkey primary key (project, dataset, upload_id);

alter table dataset_version drop constraint dataset_version_pkey;
alter table dataset_version add constraint dataset_version_pkey primary key (project, dataset, version);

alter table open_chunk add constraint open_chunk_dataset_fkey
    foreign key (project, dataset) references dataset (project, name);
alter table upload add constraint upload_dataset_fkey
    foreign key (project, dataset) references dataset (project, name);
alter table dataset_version add constraint dataset_version_dataset_fkey
    foreign key (project, dataset) references dataset (project, name);

drop index open_chunk_by_dataset;
create index open_chunk_by_dataset on open_chunk (project, dataset, id);

-- from now on every row names its project: none can forget it
alter table dataset alter column project drop default;
alter table open_chunk alter column project drop default;
alter table upload alter column project drop default;
alter table dataset_version alter column project drop default;
