-- Open records are written once and read once, by the seal, as text: jsonb's parsing into its
-- binary form on every insert (and back to text on the seal) cost the database most of its CPU
-- during Kafka intake. The service validates every record against the schema before storing it.
alter table open_record alter column payload type text using payload::text;
