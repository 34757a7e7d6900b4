package dev.aiaas.models.recommend;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiaas.ml.interactions.Interactions;
import dev.aiaas.models.RealData;
import java.io.IOException;
import java.util.List;

/** {@code flights-20k.json} as implicit feedback: each flight an event of its origin (user) and destination (item). */
final class FlightRoutes {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Flight(String origin, String destination) {
    }

    private FlightRoutes() {
    }

    static List<Flight> read() throws IOException {
        return new ObjectMapper().readValue(RealData.file("flights-20k.json").toFile(), new TypeReference<>() { });
    }

    /** Every route once per origin and destination, weighted as asked. */
    static Interactions interactions(Interactions.Weighting weighting) throws IOException {
        List<Flight> flights = read();
        return Interactions.fromEvents(flights.stream().map(Flight::origin).toList(),
                flights.stream().map(Flight::destination).toList(), weighting);
    }
}
