package dev.aiaas.monitoring.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One part of the overview: what could be gathered, and why the rest could not when a peer was
 * away ({@code unavailable}, absent when all is there).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Section<T>(List<T> items, String unavailable) {

    public Section {
        items = List.copyOf(items);
    }

    static <T> Section<T> of(List<T> items) {
        return new Section<>(items, null);
    }
}
