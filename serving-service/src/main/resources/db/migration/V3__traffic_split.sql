-- Traffic between versions: beside its main binding (the champion) an endpoint may bind a
-- challenger, which answers challenger_weight percent of requests (by routing key), and a shadow,
-- which gets a copy of shadow_share percent of them and answers only the prediction log. Both are
-- versions of the deployment's model, each by alias (followed like the main one) or fixed
-- version. Existing deployments have neither and send everything to the champion.

alter table deployment add column challenger_alias text;
alter table deployment add column challenger_version bigint;
alter table deployment add column challenger_weight integer not null default 0;
alter table deployment add column shadow_alias text;
alter table deployment add column shadow_version bigint;
alter table deployment add column shadow_share integer not null default 0;

alter table deployment add constraint deployment_challenger_alias_or_version
    check (challenger_alias is null or challenger_version is null);
alter table deployment add constraint deployment_shadow_alias_or_version
    check (shadow_alias is null or shadow_version is null);
alter table deployment add constraint deployment_challenger_weight
    check (challenger_weight between 0 and 100
        and (challenger_weight = 0 or challenger_alias is not null or challenger_version is not null));
alter table deployment add constraint deployment_shadow_share
    check (shadow_share between 0 and 100
        and (shadow_share = 0 or shadow_alias is not null or shadow_version is not null));
