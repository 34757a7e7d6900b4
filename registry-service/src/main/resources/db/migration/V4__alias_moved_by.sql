-- Who moved an alias: the caller's token subject (a user, or the training service registering
-- a job's model). Moves recorded before identities existed keep an empty name.
alter table alias_history add column moved_by text not null default '';
