-- The trace context of the change an event announces (sent as the record's traceparent
-- header), and events Kafka refused for good: parked with the reason, out of the way of the
-- events after them.
alter table outbox add column traceparent text;
alter table outbox add column parked_at timestamptz;
alter table outbox add column park_reason text;
drop index outbox_pending;
create index outbox_pending on outbox (id) where published_at is null and parked_at is null;
