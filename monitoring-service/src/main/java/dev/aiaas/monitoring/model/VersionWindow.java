package dev.aiaas.monitoring.model;

/** The traffic one model version in one role got at an endpoint in one stored window. */
public record VersionWindow(VersionKey version, TrafficWindow window) {
}
