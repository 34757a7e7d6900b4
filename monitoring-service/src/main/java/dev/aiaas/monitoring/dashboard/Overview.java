package dev.aiaas.monitoring.dashboard;

import dev.aiaas.monitoring.config.MonitoringConfig;
import dev.aiaas.monitoring.service.TrafficRecorder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A project's overview: the endpoints serving deploys and those monitoring counted traffic of (an
 * undeployed endpoint still has its history; a deployed one may have had no traffic yet), and the
 * registry's models. A peer that is away leaves its part out and says why; monitoring's own part
 * is always there.
 */
@ApplicationScoped
public class Overview {

    @Inject
    EndpointCatalog deployments;

    @Inject
    ModelCatalog models;

    @Inject
    TrafficRecorder traffic;

    @Inject
    MonitoringConfig config;

    public OverviewView of(String project) {
        int most = config.dashboard().maxEndpoints();
        Set<String> monitored = new HashSet<>(traffic.endpoints(project, most));
        Section<EndpointCatalog.Deployed> deployed = deployments.deployments(project);
        Map<String, OverviewView.Endpoint> endpoints = new TreeMap<>();
        for (EndpointCatalog.Deployed endpoint : deployed.items()) {
            endpoints.put(endpoint.endpoint(), new OverviewView.Endpoint(endpoint.endpoint(),
                    monitored.contains(endpoint.endpoint()), endpoint.deployment()));
        }
        for (String endpoint : monitored) {
            endpoints.putIfAbsent(endpoint, new OverviewView.Endpoint(endpoint, true, null));
        }
        return new OverviewView(project,
                new Section<>(endpoints.values().stream().limit(most).toList(), deployed.unavailable()),
                models.models(project));
    }
}
