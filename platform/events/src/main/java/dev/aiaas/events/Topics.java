package dev.aiaas.events;

import dev.aiaas.errors.Projects;
import java.util.List;
import java.util.Map;

/** Every Kafka topic of the platform: the only place their names are written. */
public final class Topics {

    /**
     * Records to ingest into the default project's datasets, from any Kafka producer; key = dataset.
     * Another project's records go to its own topic ({@link #ingestRecords(String)}), so that the
     * broker's ACLs decide who may write into which project.
     */
    public static final String INGEST_RECORDS = "aiaas.ingest.records";
    /**
     * The regular expression of every topic of records to ingest: {@value #INGEST_RECORDS} and
     * {@value #INGEST_RECORDS}{@code .<project>}, nothing else (not the dead-letter topic). Ingest
     * subscribes with it, so a project's topic is read once the consumer next refreshes its metadata.
     */
    public static final String INGEST_RECORDS_PATTERN = "aiaas\\.ingest\\.records(\\..+)?";
    /**
     * Records of the intake topics that were refused, unchanged, with the reason in headers:
     * records to ingest ({@value #INGEST_RECORDS}…) and ground truth ({@value #INGEST_FEEDBACK}),
     * so that a producer of either watches one topic for what it got wrong.
     */
    public static final String INGEST_DLQ = "aiaas.ingest.dlq";
    /**
     * Ground truth of served requests from any Kafka producer (an aiaas.monitoring.v1.GroundTruth in
     * protobuf binary; key = the request id; the project in the {@value Projects#HEADER} header,
     * the default project without one), joined by monitoring to the request's prediction. Refused
     * records go to {@value #INGEST_DLQ}.
     */
    public static final String INGEST_FEEDBACK = "aiaas.ingest.feedback";
    /** DatasetVersionSealed. */
    public static final String INGEST_EVENTS = "aiaas.ingest.events";
    /** DatasetPrepared. */
    public static final String PREPROCESS_EVENTS = "aiaas.preprocess.events";
    /** Sealed-dataset events preprocess could not prepare, unchanged, with the reason in headers. */
    public static final String PREPROCESS_DLQ = "aiaas.preprocess.dlq";
    /** TrainingJobQueued: the work queue of the training workers' consumer group. */
    public static final String TRAINING_JOBS = "aiaas.training.jobs";
    /** RegistryEvent: every change of a model, version, alias or tag. */
    public static final String REGISTRY_EVENTS = "aiaas.registry.events";
    /** PredictionLogged, sampled, written off the request path. */
    public static final String SERVING_PREDICTIONS = "aiaas.serving.predictions";
    /** Prediction-log records monitoring could not read, unchanged, with the reason in headers. */
    public static final String MONITORING_DLQ = "aiaas.monitoring.dlq";
    /** Alerts raised by monitoring. */
    public static final String MONITORING_ALERTS = "aiaas.monitoring.alerts";
    /** Every state-changing call of every service (CallAudited); monitoring keeps them. */
    public static final String AUDIT = "aiaas.audit";
    /**
     * Roles granted in projects (GrantChanged), key = {@code <project>/<subject>}; compacted, so
     * that it keeps each key's latest record and every service reads the whole directory from it.
     */
    public static final String ACCESS_GRANTS = "aiaas.access.grants";

    /*
     * Every dead-letter topic is written by the consuming channel's dead-letter queue (a nack),
     * so letters carry one vocabulary of headers: SmallRye's, added to the record's own.
     */
    /** Header of a dead-lettered record that says why it was refused. */
    public static final String DLQ_REASON_HEADER = "dead-letter-reason";
    /** Header of a dead-lettered record naming the topic it came from. */
    public static final String DLQ_SOURCE_TOPIC_HEADER = "dead-letter-topic";
    /** Header of a dead-lettered record naming the partition it came from. */
    public static final String DLQ_SOURCE_PARTITION_HEADER = "dead-letter-partition";
    /** Header of a dead-lettered record giving its offset in that partition. */
    public static final String DLQ_SOURCE_OFFSET_HEADER = "dead-letter-offset";

    private static final List<TopicSpec> ALL = List.of(
            new TopicSpec(INGEST_RECORDS, 3),
            new TopicSpec(AUDIT, 3),
            new TopicSpec(INGEST_DLQ, 1),
            new TopicSpec(INGEST_FEEDBACK, 3),
            new TopicSpec(INGEST_EVENTS, 1),
            new TopicSpec(PREPROCESS_EVENTS, 1),
            new TopicSpec(PREPROCESS_DLQ, 1),
            new TopicSpec(TRAINING_JOBS, 3),
            new TopicSpec(REGISTRY_EVENTS, 1),
            new TopicSpec(SERVING_PREDICTIONS, 3),
            new TopicSpec(MONITORING_DLQ, 1),
            new TopicSpec(MONITORING_ALERTS, 1),
            TopicSpec.compacted(ACCESS_GRANTS));

    private Topics() {
    }

    /**
     * The topic of records to ingest into {@code project}'s datasets: {@value #INGEST_RECORDS} for
     * the default project, {@value #INGEST_RECORDS}{@code .<project>} for any other.
     */
    public static String ingestRecords(String project) {
        return Projects.DEFAULT.equals(project) ? INGEST_RECORDS : INGEST_RECORDS + "." + project;
    }

    /** Every topic with its partition count. */
    public static List<TopicSpec> all() {
        return ALL;
    }

    /**
     * The key of {@code subject}'s grant in {@code project} on {@value #ACCESS_GRANTS}: a project
     * name holds no '/', so the key names one grant.
     */
    public static String grantKey(String project, String subject) {
        return project + "/" + subject;
    }

    /**
     * A topic, how many partitions it is created with, and its own topic settings (beyond the
     * replication every topic gets).
     */
    public record TopicSpec(String name, int partitions, Map<String, String> configs) {

        public TopicSpec {
            configs = Map.copyOf(configs);
        }

        public TopicSpec(String name, int partitions) {
            this(name, partitions, Map.of());
        }

        /**
         * A topic whose records are the latest state of their keys: one partition, so that it is
         * read in the order written, and compacted, so that it keeps each key's latest record.
         */
        public static TopicSpec compacted(String name) {
            return new TopicSpec(name, 1, Map.of("cleanup.policy", "compact"));
        }
    }
}
