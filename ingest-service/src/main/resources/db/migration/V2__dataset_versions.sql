-- Sealed, immutable dataset versions: what SealVersion wrote to the object store.
create table dataset_version (
    dataset       text not null references dataset (name),
    version       bigint not null,
    row_count     bigint not null,
    -- SHA-256 of the parts' SHA-256 hex strings concatenated in order (as in the manifest)
    sha256        text not null,
    manifest_key  text not null,
    -- [{"key", "sha256", "sizeBytes", "rows"}] in order
    parts         jsonb not null,
    created_at    timestamptz not null default now(),
    primary key (dataset, version)
);
