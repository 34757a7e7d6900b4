-- Where ingest stands in each partition of a topic it consumes: every record before
-- next_offset is stored or dead-lettered. Moved in the transaction that stores the records,
-- so a redelivered record is recognised and changes nothing; the consumer seeks here when it
-- is given the partition.
create table consumed_position (
    topic        text not null,
    partition    integer not null,
    next_offset  bigint not null,
    updated_at   timestamptz not null default now(),
    primary key (topic, partition)
);

-- A client's upload (UploadRecords or ImportFile with an upload id): how far its records are
-- stored. A retried stream with the same id skips the records before records_seen.
create table upload (
    dataset       text not null references dataset (name),
    upload_id     text not null,
    records_seen  bigint not null default 0,
    accepted      bigint not null default 0,
    updated_at    timestamptz not null default now(),
    primary key (dataset, upload_id)
);
