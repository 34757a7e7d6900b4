package dev.aiaas.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Reads one topic from its start and goes on reading it, handing every record to a handler in
 * the order of its partition, on a thread of its own: how a service keeps its copy of a
 * compacted topic's state (the access grants). It joins no consumer group and commits nothing,
 * so every instance of every service reads the whole topic. {@link #caughtUp()} says whether it
 * has read everything the topic held when it started; a record the handler refuses is logged
 * with its offset and the reason, and reading goes on.
 */
public final class TopicReplay implements AutoCloseable {

    /** What is done with each record, in order. */
    @FunctionalInterface
    public interface Handler {
        /**
         * @param key   the record's key
         * @param value its value; null for a tombstone
         */
        void apply(String key, byte[] value) throws Exception;
    }

    private static final Logger LOG = Logger.getLogger(TopicReplay.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final String topic;
    private final Handler handler;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private final AtomicLong read = new AtomicLong();
    private volatile boolean running = true;
    private volatile boolean caughtUp;
    private volatile Map<TopicPartition, Long> ends;

    private TopicReplay(KafkaConnection connection, String topic, String clientId, Handler handler) {
        this.topic = topic;
        this.handler = handler;
        this.consumer = new KafkaConsumer<>(connection.clientConfig(Map.of(
                ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class)));
        this.thread = new Thread(this::run, "replay-" + topic);
        this.thread.setDaemon(true);
    }

    /** Starts reading {@code topic} from its start, as {@code clientId}. */
    public static TopicReplay start(KafkaConnection connection, String topic, String clientId, Handler handler) {
        TopicReplay replay = new TopicReplay(connection, topic, clientId, handler);
        replay.thread.start();
        return replay;
    }

    /** Whether every record the topic held when reading began has been handled. */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** Records handled (or refused) so far. */
    public long recordsRead() {
        return read.get();
    }

    /** Stops reading and waits for the reading thread to end. */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (running) {
                try {
                    if (ends == null) {
                        assign();
                    } else {
                        poll();
                    }
                } catch (WakeupException stopping) {
                    return;
                } catch (RuntimeException e) {
                    LOG.warnf("reading %s failed (%s); trying again in %s", topic, e.getMessage(), RETRY);
                    pause();
                }
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void assign() {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        if (partitions == null || partitions.isEmpty()) {
            LOG.infof("topic %s does not exist yet; waiting for it", topic);
            pause();
            return;
        }
        List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(assigned);
        consumer.seekToBeginning(assigned);
        ends = consumer.endOffsets(assigned);
        checkCaughtUp();
    }

    private void poll() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
            try {
                handler.apply(record.key(), record.value());
            } catch (Exception refused) {
                LOG.warnf("skipped the record at %s-%d offset %d (key %s): %s", topic, record.partition(),
                        record.offset(), record.key(), refused.getMessage());
            }
            read.incrementAndGet();
        }
        if (!caughtUp) {
            checkCaughtUp();
        }
    }

    private void checkCaughtUp() {
        caughtUp = ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private void pause() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            running = false;
            Thread.currentThread().interrupt();
        }
    }
}
