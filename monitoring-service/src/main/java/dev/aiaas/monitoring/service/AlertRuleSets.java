package dev.aiaas.monitoring.service;

import static dev.aiaas.errors.SqlWork.run;

import dev.aiaas.errors.DomainException;
import dev.aiaas.errors.Names;
import dev.aiaas.monitoring.config.MonitoringConfig;
import dev.aiaas.monitoring.model.AlertRule;
import dev.aiaas.monitoring.storage.AlertRuleStore;
import dev.aiaas.monitoring.storage.AlertStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Each endpoint's alert rules, set by the project's admins. An endpoint may have rules before its
 * first prediction. A rule kept by name keeps its alert's progress; a rule removed forgets it.
 */
@ApplicationScoped
public class AlertRuleSets {

    @Inject
    AlertRuleStore rules;

    @Inject
    AlertStore alerts;

    @Inject
    MonitoringConfig config;

    /**
     * Replaces the rules of the endpoint of {@code project} with those {@code read} builds.
     *
     * @throws DomainException INVALID_ARGUMENT for a name that breaks the rule, too many rules, two
     *                         of one name, or a rule that cannot be read
     */
    @Transactional
    public List<AlertRule> set(String project, String endpoint, Supplier<List<AlertRule>> read) {
        Names.require("endpoint name", endpoint);
        List<AlertRule> valid;
        try {
            valid = read.get();
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("alert rules of endpoint '" + endpoint + "': " + e.getMessage());
        }
        if (valid.size() > config.alerts().maxRules()) {
            throw DomainException.invalid("endpoint '" + endpoint + "' may have at most " + config.alerts().maxRules()
                    + " alert rules, not " + valid.size());
        }
        Set<String> names = new HashSet<>();
        for (AlertRule rule : valid) {
            if (!names.add(rule.name())) {
                throw DomainException.invalid("two alert rules of endpoint '" + endpoint + "' are named '"
                        + rule.name() + "': give each its own name");
            }
        }
        run(() -> {
            rules.replace(project, endpoint, valid);
            alerts.forgetProgressExcept(project, endpoint, List.copyOf(names));
            return null;
        });
        return valid;
    }

    /** The rules of a named endpoint of {@code project}; none when never set. */
    public List<AlertRule> get(String project, String endpoint) {
        Names.require("endpoint name", endpoint);
        return run(() -> rules.rules(project, endpoint));
    }
}
