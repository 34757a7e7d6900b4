package dev.aiaas.cli;

import com.google.protobuf.ProtocolMessageEnum;
import dev.aiaas.proto.common.v1.Task;
import dev.aiaas.proto.training.v1.Device;
import dev.aiaas.proto.training.v1.JobState;
import dev.aiaas.proto.training.v1.ModelFamily;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A protobuf enum as an option value, in any case, without the values that only the wire
 * knows ({@code *_UNSPECIFIED}, {@code UNRECOGNIZED}); also lists those names for help and
 * completion.
 */
public abstract class ProtoEnumConverter<E extends Enum<E> & ProtocolMessageEnum> implements ITypeConverter<E>,
        Iterable<String> {

    private final Class<E> type;
    private final Set<E> only;

    protected ProtoEnumConverter(Class<E> type) {
        this(type, null);
    }

    /** Only the values in {@code only}: an option that takes some of an enum's values. */
    protected ProtoEnumConverter(Class<E> type, Set<E> only) {
        this.type = type;
        this.only = only;
    }

    @Override
    public E convert(String value) {
        String wanted = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(wanted) && usable(e)).findFirst()
                .orElseThrow(() -> new TypeConversionException("'" + value + "' is not one of " + names()));
    }

    /** The values a user may give, in lower case. */
    public List<String> names() {
        return Arrays.stream(type.getEnumConstants()).filter(this::usable)
                .map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    public Iterator<String> iterator() {
        return names().iterator();
    }

    private boolean usable(E value) {
        return !value.name().endsWith("_UNSPECIFIED") && !value.name().equals("UNRECOGNIZED")
                && (only == null || only.contains(value));
    }

    /** {@code --family}: mlp, cnn, lstm, gru, autoencoder, … */
    public static final class Family extends ProtoEnumConverter<ModelFamily> {
        public Family() {
            super(ModelFamily.class);
        }
    }

    /** {@code --task}: classification, regression, anomaly, recommendation. */
    public static final class TaskKind extends ProtoEnumConverter<Task> {
        public TaskKind() {
            super(Task.class);
        }
    }

    /** {@code --device}: auto, cpu, gpu. */
    public static final class DeviceKind extends ProtoEnumConverter<Device> {
        public DeviceKind() {
            super(Device.class);
        }
    }

    /** {@code --state} of a job. */
    public static final class State extends ProtoEnumConverter<JobState> {
        public State() {
            super(JobState.class);
        }
    }
}
