package dev.aiaas.serving.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.serving.protocol.InferenceResponses;
import dev.aiaas.serving.protocol.RestJson;
import dev.aiaas.serving.protocol.TensorCodec;
import dev.aiaas.serving.service.Deployments;
import dev.aiaas.serving.service.InferenceCalls;
import dev.aiaas.serving.service.ServerState;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** The Open Inference Protocol's REST edge: health, metadata and inference. */
@Path("/v2")
@Produces(MediaType.APPLICATION_JSON)
public class InferenceResource {

    @Inject
    ServerState server;

    @Inject
    Deployments deployments;

    @Inject
    InferenceCalls calls;

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
        deployments.acquire(model, "").release();
        return health("ready", true);
    }

    @GET
    @Path("/models/{model}")
    public Map<String, Object> modelMetadata(@PathParam("model") String model) {
        var view = deployments.get(model);
        return Map.of("name", view.endpoint(), "versions", List.of(Long.toString(view.servingVersion())),
                "platform", "aiaas_djl_pytorch");
    }

    @POST
    @Path("/models/{model}/infer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    public ObjectNode infer(@PathParam("model") String model, JsonNode body) {
        return infer(model, "", body);
    }

    @POST
    @Path("/models/{model}/versions/{version}/infer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    public ObjectNode inferVersion(@PathParam("model") String model, @PathParam("version") String version,
            JsonNode body) {
        return infer(model, version, body);
    }

    private ObjectNode infer(String model, String version, JsonNode body) {
        ModelInferRequest request = RestJson.toRequest(model, version, body);
        return RestJson.toJson(InferenceResponses.encode(request,
                calls.call(model, version, request.getId(), () -> TensorCodec.decode(request))));
    }

    /** The protocol answers health with the status code: 200 for true, 503 for false. */
    private static Response health(String key, boolean value) {
        return Response.status(value ? 200 : 503).entity(Map.of(key, value)).build();
    }
}
