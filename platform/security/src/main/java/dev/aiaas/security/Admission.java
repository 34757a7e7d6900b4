package dev.aiaas.security;

/**
 * A call let in: who is calling and the project it is for (empty for a service that named
 * none: services act in any project).
 */
public record Admission(Caller caller, String project) {
}
