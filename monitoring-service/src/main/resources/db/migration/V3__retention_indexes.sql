-- The retention job deletes by age: find the old rows without reading whole tables.
create index processed_event_by_age on processed_event (processed_at);
create index prediction_sample_by_age on prediction_sample (received_at);
create index window_stats_by_age on window_stats (window_start);
