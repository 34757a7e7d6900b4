package dev.aiaas.serving.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiaas.proto.inference.InferParameter;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelStatisticsResponse;
import dev.aiaas.serving.config.ServingConfig;
import dev.aiaas.serving.protocol.ModelMetadataView;
import dev.aiaas.serving.protocol.RequestLimits;
import dev.aiaas.serving.protocol.RestJson;
import dev.aiaas.serving.protocol.RestRequestReader;
import dev.aiaas.serving.protocol.StatisticsView;
import dev.aiaas.serving.service.EndpointUse;
import dev.aiaas.serving.service.InferenceCalls;
import dev.aiaas.serving.service.ServedEndpoints;
import dev.aiaas.serving.service.ServerState;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The Open Inference Protocol's REST edge: health, metadata, inference and statistics, for a
 * model and for one of its versions. A model is an endpoint of the caller's project
 * ({@link CallerProject}, set by {@link BearerTokenFilter}), passed explicitly to the service
 * layer; another project's endpoint is 404 like a missing one. Server health and metadata are
 * the server's, over every project. Inference runs without holding a request thread: the
 * body is admitted and queued, and the answer is written when the model's worker completes it.
 */
@Path("/v2")
@Produces(MediaType.APPLICATION_JSON)
public class InferenceResource {

    /** A request parameter (microseconds, as Triton names it) that shortens the REST timeout. */
    private static final String TIMEOUT_PARAMETER = "timeout";

    @Inject
    ServerState server;

    @Inject
    ServedEndpoints endpoints;

    @Inject
    CallerProject caller;

    @Inject
    InferenceCalls calls;

    @Inject
    ServingConfig config;

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
        return modelReady(model, "");
    }

    @GET
    @Path("/models/{model}/versions/{version}/ready")
    public Response modelReady(@PathParam("model") String model, @PathParam("version") String version) {
        endpoints.acquire(caller.get(), model, version).release();
        return health("ready", true);
    }

    @GET
    @Path("/models/{model}")
    public ObjectNode modelMetadata(@PathParam("model") String model) {
        return modelMetadata(model, "");
    }

    @GET
    @Path("/models/{model}/versions/{version}")
    public ObjectNode modelMetadata(@PathParam("model") String model, @PathParam("version") String version) {
        EndpointUse use = endpoints.acquire(caller.get(), model, version);
        try {
            return RestJson.metadata(ModelMetadataView.of(model, use.model()));
        } finally {
            use.release();
        }
    }

    @POST
    @Path("/models/{model}/infer")
    @Consumes(MediaType.WILDCARD)
    public CompletionStage<ObjectNode> infer(@PathParam("model") String model, byte[] body) {
        return infer(model, "", body);
    }

    @POST
    @Path("/models/{model}/versions/{version}/infer")
    @Consumes(MediaType.WILDCARD)
    public CompletionStage<ObjectNode> infer(@PathParam("model") String model, @PathParam("version") String version,
            byte[] body) {
        ModelInferRequest request = new RestRequestReader(RequestLimits.of(config.limits())).read(body, model, version);
        return calls.call(caller.get(), request, deadlineNanos(request)).thenApply(RestJson::inference);
    }

    @GET
    @Path("/models/stats")
    public ObjectNode statistics() {
        return statistics("", "");
    }

    @GET
    @Path("/models/{model}/stats")
    public ObjectNode statistics(@PathParam("model") String model) {
        return statistics(model, "");
    }

    @GET
    @Path("/models/{model}/versions/{version}/stats")
    public ObjectNode statistics(@PathParam("model") String model, @PathParam("version") String version) {
        return RestJson.statistics(ModelStatisticsResponse.newBuilder()
                .addAllModelStats(endpoints.statistics(caller.get(), model, version).stream()
                        .map(s -> StatisticsView.of(s.endpoint(), s.version(), s.figures())).toList())
                .build());
    }

    /** The configured REST timeout, or the request's {@code parameters.timeout} (µs) when shorter. */
    private long deadlineNanos(ModelInferRequest request) {
        long timeout = config.requestTimeout().toNanos();
        InferParameter asked = request.getParametersOrDefault(TIMEOUT_PARAMETER, null);
        if (asked != null && asked.getParameterChoiceCase() == InferParameter.ParameterChoiceCase.INT64_PARAM
                && asked.getInt64Param() > 0) {
            timeout = Math.min(timeout, asked.getInt64Param() * 1000);
        }
        return System.nanoTime() + timeout;
    }

    /** The protocol answers health with the status code: 200 for true, 503 for false. */
    private static Response health(String key, boolean value) {
        return Response.status(value ? 200 : 503).entity(Map.of(key, value)).build();
    }
}
