-- Drift on every feature type: a sampled request keeps its categorical inputs (PredictionLogged
-- fields 18-20, "" for a missing value) and the model's answers (predicted classes of a
-- classifier, predicted values otherwise) beside its numeric inputs, and its row count, which a
-- sample with categorical inputs only cannot derive from the numeric ones. Rows from before have
-- none of them: their categorical and prediction drift simply has no data.
alter table prediction_sample add column categorical_names    text[] not null default '{}';
alter table prediction_sample add column categorical_features text[] not null default '{}';
alter table prediction_sample add column predicted_classes    int[]  not null default '{}';
alter table prediction_sample add column predicted_values     real[] not null default '{}';
alter table prediction_sample add column row_count            int    not null default 0;
update prediction_sample set row_count = cardinality(features) / greatest(feature_count, 1);

-- Prediction drift reads a model version's oldest samples as its baseline, and counts its rows.
create index prediction_sample_by_version on prediction_sample (project, endpoint, model_name, model_version, id);

-- How each endpoint's drift is judged (SetDriftPolicy); null: the default (DriftPolicy in
-- platform/ml). One row per endpoint of a project, set by its editors: no retention needed.
create table drift_policy (
    project                text not null,
    endpoint               text not null,
    numeric_method         text,
    numeric_threshold      double precision,
    categorical_method     text,
    categorical_threshold  double precision,
    drift_share            double precision,
    updated_at             timestamptz not null default now(),
    primary key (project, endpoint)
);
