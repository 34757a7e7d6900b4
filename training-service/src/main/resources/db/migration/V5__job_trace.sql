-- The trace context of the SubmitJob call: the worker's training span continues that trace,
-- whichever worker runs the job and however late.
alter table job add column traceparent text;
