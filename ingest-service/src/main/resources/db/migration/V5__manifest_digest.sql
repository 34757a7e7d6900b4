-- The SHA-256 of a version's manifest, recorded when its seal commits; readers verify the
-- manifest against it (and against DatasetVersionSealed.manifest_sha256), never against the
-- object's own metadata. Empty for versions sealed before manifests were digested.
alter table dataset_version add column manifest_sha256 text not null default '';
