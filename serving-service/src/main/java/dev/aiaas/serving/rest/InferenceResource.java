package dev.aiaas.serving.rest;

import dev.aiaas.serving.service.ModelRepository;
import dev.aiaas.serving.service.ServerState;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** The Open Inference Protocol's REST edge (health and metadata). */
@Path("/v2")
@Produces(MediaType.APPLICATION_JSON)
public class InferenceResource {

    @Inject
    ServerState server;

    @Inject
    ModelRepository repository;

    @GET
    public Map<String, Object> serverMetadata() {
        return Map.of("name", server.name(), "version", server.version(), "extensions", ServerState.EXTENSIONS);
    }

    @GET
    @Path("/health/live")
    public Response live() {
        return health("live", server.live());
    }

    @GET
    @Path("/health/ready")
    public Response ready() {
        return health("ready", server.ready());
    }

    @GET
    @Path("/models/{model}/ready")
    public Response modelReady(@PathParam("model") String model) {
        return health("ready", "READY".equals(repository.require(model, "").state()));
    }

    @GET
    @Path("/models/{model}")
    public Map<String, Object> modelMetadata(@PathParam("model") String model) {
        var loaded = repository.require(model, "");
        return Map.of("name", loaded.name(), "versions", List.of(loaded.version()));
    }

    /** The protocol answers health with the status code: 200 for true, 503 for false. */
    private static Response health(String key, boolean value) {
        return Response.status(value ? 200 : 503).entity(Map.of(key, value)).build();
    }
}
