package dev.aiaas.testing;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The configuration of a single-node KRaft cluster: one process that is both broker and
 * controller, listening on 127.0.0.1 only, with every internal topic at replication factor 1.
 */
final class KafkaBrokerProperties {

    /** Partitions of a topic created without an explicit count. */
    static final int DEFAULT_PARTITIONS = 3;

    /**
     * Partitions of the internal offsets and transaction topics. The default (50) makes the first
     * consumer group wait for fifty partitions to load, which costs seconds per test JVM.
     */
    private static final int INTERNAL_TOPIC_PARTITIONS = 5;

    private KafkaBrokerProperties() {
    }

    static Properties of(int brokerPort, int controllerPort, Path logDir) {
        String broker = "PLAINTEXT://127.0.0.1:" + brokerPort;
        String controller = "CONTROLLER://127.0.0.1:" + controllerPort;
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", broker + "," + controller);
        p.setProperty("advertised.listeners", broker);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());

        p.setProperty("num.partitions", Integer.toString(DEFAULT_PARTITIONS));
        p.setProperty("default.replication.factor", "1");
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", Integer.toString(INTERNAL_TOPIC_PARTITIONS));
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", Integer.toString(INTERNAL_TOPIC_PARTITIONS));
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.num.partitions", Integer.toString(INTERNAL_TOPIC_PARTITIONS));
        p.setProperty("group.initial.rebalance.delay.ms", "0");

        // Two cores are shared with builds and other servers: keep the thread count small.
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "2");
        p.setProperty("num.recovery.threads.per.data.dir", "1");
        p.setProperty("background.threads", "2");
        return p;
    }
}
