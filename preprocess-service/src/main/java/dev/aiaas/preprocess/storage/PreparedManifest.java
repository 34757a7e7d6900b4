package dev.aiaas.preprocess.storage;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.JsonFormat;
import dev.aiaas.preprocess.model.PreparedOutput;
import dev.aiaas.preprocess.model.PreparedOutput.StoredObject;
import dev.aiaas.preprocess.service.PreparedCatalog;
import dev.aiaas.proto.common.v1.ArtifactRef;
import dev.aiaas.proto.preprocess.v1.PipelineSpec;
import dev.aiaas.proto.preprocess.v1.PreparedDataset;
import dev.aiaas.proto.preprocess.v1.Split;
import dev.aiaas.proto.preprocess.v1.SplitSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Arrays;

/**
 * The manifest of a prepared dataset: the {@code aiaas.preprocess.v1.PreparedDataset}
 * message in protobuf's JSON form, written last so that its presence means "complete".
 */
@ApplicationScoped
public class PreparedManifest {

    @Inject
    PreparedWriter writer;

    /** Writes the manifest and returns its JSON. */
    public String write(PreparedOutput output) {
        var request = output.request();
        var split = request.split();
        Instant now = Instant.now();
        PreparedDataset.Builder manifest = PreparedDataset.newBuilder()
                .setDataset(request.dataset())
                .setDatasetVersion(request.datasetVersion())
                .setPipeline(PipelineSpec.newBuilder().setName(request.pipeline())
                        .setSplit(Split.newBuilder().setTrain(split.train()).setValidation(split.validation())
                                .setTest(split.test()).setSeed(split.seed()).setStratify(split.stratify())))
                .addAllFeatureNames(output.fitted().featureNames())
                .addAllInputShape(Arrays.stream(output.fitted().inputShape()).asLongStream().boxed().toList())
                .addAllClassLabels(output.fitted().classLabels())
                .setTransform(ref("transform", output.transform()))
                .setProfile(ref("profile", output.profile()))
                .setCreatedAt(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()));
        for (PreparedOutput.SplitOutput s : output.splits()) {
            manifest.addSplits(SplitSummary.newBuilder().setName(s.name()).setRows(s.rows())
                    .setTensors(ref("tensors", s.tensors())));
        }
        String json = print(manifest.build());
        writer.writeJson(PreparedCatalog.prefix(request.dataset(), request.datasetVersion(), request.pipeline())
                + PreparedCatalog.MANIFEST, json);
        return json;
    }

    private static ArtifactRef ref(String role, StoredObject object) {
        return ArtifactRef.newBuilder().setRole(role).setKey(object.key()).setSha256(object.sha256())
                .setSizeBytes(object.sizeBytes()).build();
    }

    private static String print(PreparedDataset manifest) {
        try {
            return JsonFormat.printer().print(manifest);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("could not write the prepared manifest", e);
        }
    }
}
