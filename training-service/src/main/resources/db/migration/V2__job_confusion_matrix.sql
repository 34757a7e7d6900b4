-- The test-split confusion matrix of a finished classifier job: {"labels": [...], "counts": [...]},
-- counts row-major, row = true class. Null until the job succeeds, and for regression.
alter table job add column confusion_matrix jsonb;
