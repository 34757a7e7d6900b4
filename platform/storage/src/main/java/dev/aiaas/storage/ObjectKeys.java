package dev.aiaas.storage;

import dev.aiaas.errors.Projects;
import java.util.Locale;

/**
 * The one object-key layout of the platform (docs/architecture.md, "Storage contract"). Every
 * service builds its keys here and nowhere else:
 *
 * <pre>
 * [projects/{project}/]                                the project's root: none for "default"
 * datasets/{dataset}/v{n}/{seal}/part-00000.jsonl      a sealed version's records (ingest)
 * datasets/{dataset}/v{n}/{seal}/manifest.json         its manifest: aiaas.ingest.v1.DatasetVersion
 * prepared/{dataset}/v{n}/sealed.json                  the committed seal, as preprocess received it
 * prepared/{dataset}/v{n}/{pipeline}/prepared.json     the prepared manifest: aiaas.preprocess.v1.PreparedDataset
 * prepared/{dataset}/v{n}/{pipeline}/{spec}/…          its tensors, transform and profile
 * models/{model}/{job}/…                               a trained model's artifacts (training)
 * training/checkpoints/{job}/epoch-0003.params         a running job's checkpoints
 * </pre>
 *
 * <p>{@code {seal}} is a fresh id per seal attempt, so an attempt that rolls back never writes
 * over the objects of one that committed; {@code {spec}} is the start of the pipeline spec's
 * SHA-256, so other steps under the same pipeline name never share tensors. Names are checked by
 * the services against the platform's name rule before they get here; this class refuses only
 * what would break the layout (an empty segment, a '/', "." or "..").
 */
public final class ObjectKeys {

    public static final String DATASET_MANIFEST = "manifest.json";
    public static final String SEAL_RECEIPT = "sealed.json";
    public static final String PREPARED_MANIFEST = "prepared.json";
    public static final String MODEL_PARAMETERS = "model.params";
    public static final String MODEL_SPEC = "model-spec.json";
    public static final String TRANSFORM = "transform.json";
    public static final String PROFILE = "profile.json";

    /** Characters of the pipeline spec's SHA-256 that name its folder. */
    static final int SPEC_FOLDER_LENGTH = 16;

    private ObjectKeys() {
    }

    /** The folder of one seal of a dataset version. */
    public static String sealedVersion(String project, String dataset, long version, String sealId) {
        return datasetVersion(project, dataset, version) + segment("seal id", sealId) + "/";
    }

    /** The manifest of one seal of a dataset version. */
    public static String datasetManifest(String project, String dataset, long version, String sealId) {
        return sealedVersion(project, dataset, version, sealId) + DATASET_MANIFEST;
    }

    /** Part {@code index} (0-based) of a sealed version, under its folder. */
    public static String datasetPart(String sealedVersionFolder, int index) {
        if (index < 0) {
            throw new IllegalArgumentException("part index must be 0 or more, was " + index);
        }
        return folder(sealedVersionFolder) + String.format(Locale.ROOT, "part-%05d.jsonl", index);
    }

    /** Where preprocess records the committed seal of a dataset version it received. */
    public static String sealReceipt(String project, String dataset, long version) {
        return preparedVersion(project, dataset, version) + SEAL_RECEIPT;
    }

    /** The manifest of a dataset version prepared with a pipeline: written last, it means "complete". */
    public static String preparedManifest(String project, String dataset, long version, String pipeline) {
        return preparedPipeline(project, dataset, version, pipeline) + PREPARED_MANIFEST;
    }

    /** The folder of the tensors, transform and profile prepared with a pipeline spec. */
    public static String preparedOutput(String project, String dataset, long version, String pipeline,
            String specSha256) {
        if (specSha256 == null || specSha256.length() < SPEC_FOLDER_LENGTH) {
            throw new IllegalArgumentException("pipeline spec digest must be a SHA-256 hex string, was " + specSha256);
        }
        return preparedPipeline(project, dataset, version, pipeline)
                + segment("spec digest", specSha256.substring(0, SPEC_FOLDER_LENGTH)) + "/";
    }

    /** The folder of the artifacts of a model trained by one job. */
    public static String modelArtifacts(String project, String model, String jobId) {
        return root(project) + "models/" + segment("model name", model) + "/" + segment("job id", jobId) + "/";
    }

    /** The folder of a running job's checkpoints. */
    public static String checkpoints(String project, String jobId) {
        return root(project) + "training/checkpoints/" + segment("job id", jobId) + "/";
    }

    /** The checkpoint written after {@code epoch}. */
    public static String checkpoint(String project, String jobId, int epoch) {
        return checkpoints(project, jobId) + String.format(Locale.ROOT, "epoch-%04d.params", epoch);
    }

    /**
     * Where a project's objects start: {@code projects/{project}/}, except for the default
     * project, whose objects keep the layout from before projects (so its existing keys stay valid).
     */
    private static String root(String project) {
        return Projects.DEFAULT.equals(project) ? "" : "projects/" + segment("project", project) + "/";
    }

    private static String datasetVersion(String project, String dataset, long version) {
        return root(project) + "datasets/" + segment("dataset name", dataset) + "/" + versionSegment(version) + "/";
    }

    private static String preparedVersion(String project, String dataset, long version) {
        return root(project) + "prepared/" + segment("dataset name", dataset) + "/" + versionSegment(version) + "/";
    }

    private static String preparedPipeline(String project, String dataset, long version, String pipeline) {
        return preparedVersion(project, dataset, version) + segment("pipeline name", pipeline) + "/";
    }

    private static String versionSegment(long version) {
        if (version < 1) {
            throw new IllegalArgumentException("dataset version must be 1 or more, was " + version);
        }
        return "v" + version;
    }

    private static String folder(String prefix) {
        if (prefix == null || prefix.isEmpty() || !prefix.endsWith("/")) {
            throw new IllegalArgumentException("a folder key ends with '/', was " + prefix);
        }
        return prefix;
    }

    private static String segment(String what, String value) {
        if (value == null || value.isEmpty() || value.indexOf('/') >= 0 || value.equals(".") || value.equals("..")) {
            throw new IllegalArgumentException(what + " '" + value + "' cannot be part of an object key");
        }
        return value;
    }
}
