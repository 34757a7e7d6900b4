-- When ingest seals a dataset's open data by itself (SetAutoSeal, service/AutoSealer): once it
-- holds auto_seal_max_open_rows rows, or once its oldest open row is auto_seal_max_age_seconds
-- old; 0 turns a limit off, both 0 (every dataset from before) turn auto-sealing off. The age of
-- the oldest open row is that of the dataset's oldest open_chunk (received_at, since V7).
alter table dataset add column auto_seal_max_open_rows bigint not null default 0
    check (auto_seal_max_open_rows >= 0);
alter table dataset add column auto_seal_max_age_seconds bigint not null default 0
    check (auto_seal_max_age_seconds >= 0);
