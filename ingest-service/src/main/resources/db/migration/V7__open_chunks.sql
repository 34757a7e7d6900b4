-- Open records are stored a batch at a time: one row per stored batch (a Kafka poll, a chunk of
-- an upload) holding its records as the part lines the seal writes, so intake costs the database
-- one row per batch instead of one per record, and the seal copies lines instead of re-rendering
-- every record. Lines are JSON objects with the schema's columns in schema order, missing values
-- left out, each ended by a line feed.
create table open_chunk (
    id           bigserial primary key,
    dataset      text not null references dataset (name),
    row_count    integer not null check (row_count > 0),
    lines        text not null,
    received_at  timestamptz not null default now()
);
-- written once and read once by the seal: not worth compressing
alter table open_chunk alter column lines set storage external;
create index open_chunk_by_dataset on open_chunk (dataset, id);

-- records still open from before: each becomes a chunk of one line, in arrival order
insert into open_chunk (dataset, row_count, lines, received_at)
select r.dataset, 1,
       '{' || coalesce((
           select string_agg(to_json(c.spec ->> 'name')::text || ':' || (r.payload::jsonb -> (c.spec ->> 'name'))::text,
                             ',' order by c.position)
           from dataset d, jsonb_array_elements(d.schema_json -> 'columns') with ordinality as c(spec, position)
           where d.name = r.dataset
             and jsonb_typeof(r.payload::jsonb -> (c.spec ->> 'name')) is distinct from 'null'
             and r.payload::jsonb ? (c.spec ->> 'name')), '') || E'}\n',
       r.received_at
from open_record r
order by r.id;

drop table open_record;
