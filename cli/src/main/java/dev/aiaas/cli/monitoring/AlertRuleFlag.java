package dev.aiaas.cli.monitoring;

import dev.aiaas.cli.ProtoEnumConverter;
import dev.aiaas.proto.monitoring.v1.AlertKind;
import dev.aiaas.proto.monitoring.v1.AlertRule;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --rule NAME:KIND[:THRESHOLD]}: an alert rule's name, kind and threshold, the threshold
 * checked against its kind's range (see the AlertRule message). The flags shared by every rule
 * are laid over it by {@link AlertRulesCommand}.
 */
final class AlertRuleFlag implements ITypeConverter<AlertRule> {

    private static final Kinds KINDS = new Kinds();

    @Override
    public AlertRule convert(String text) {
        String[] parts = text.strip().split(":", -1);
        if (parts.length < 2 || parts.length > 3 || parts[0].isBlank()) {
            throw new TypeConversionException("'" + text + "' is not NAME:KIND[:THRESHOLD], e.g. slow:latency-p99:0.25 "
                    + "or drifted:drift");
        }
        AlertKind kind = KINDS.convert(parts[1]);
        Double threshold = parts.length == 3 ? number(parts[2], text) : null;
        String wrong = wrongThreshold(kind, threshold);
        if (wrong != null) {
            throw new TypeConversionException("'" + text + "': " + wrong);
        }
        return AlertRule.newBuilder().setName(parts[0]).setKind(kind).setThreshold(threshold == null ? 0 : threshold)
                .build();
    }

    /** What is wrong with the threshold for the kind; null when it is right. */
    private static String wrongThreshold(AlertKind kind, Double threshold) {
        return switch (kind) {
            case DRIFT -> threshold == null ? null : "a drift rule takes no threshold: the endpoint's drift policy "
                    + "decides (aiaas drift policy)";
            case ACCURACY -> threshold == null || (threshold >= 0 && threshold < 1) ? null : "the accuracy margin "
                    + "below --baseline-accuracy is in [0, 1), not " + threshold;
            case LATENCY_P99 -> threshold != null && threshold > 0 && Double.isFinite(threshold) ? null : "give the "
                    + "p99 latency in seconds above which it fires, e.g. slow:latency-p99:0.25";
            case ERROR_RATE -> share(threshold) ? null : "give the share of failed requests, in (0, 1), above which "
                    + "it fires, e.g. errors:error-rate:0.05";
            case TRAFFIC_DROP -> share(threshold) ? null : "give the share of the hour before's requests, in (0, 1), "
                    + "below which it fires, e.g. quiet:traffic-drop:0.5";
            default -> "no such kind";
        };
    }

    private static boolean share(Double threshold) {
        return threshold != null && threshold > 0 && threshold < 1;
    }

    private static double number(String value, String text) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "': the threshold '" + value + "' is not a number");
        }
    }

    /** A kind as users write it: {@code latency-p99}. */
    static String name(AlertKind kind) {
        return kind == AlertKind.ALERT_KIND_UNSPECIFIED || kind == AlertKind.UNRECOGNIZED ? "-"
                : kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kinds: drift, accuracy, latency-p99, error-rate, traffic-drop. */
    static final class Kinds extends ProtoEnumConverter<AlertKind> {
        Kinds() {
            super(AlertKind.class);
        }

        @Override
        public List<String> names() {
            return super.names().stream().map(name -> name.replace('_', '-')).toList();
        }
    }
}
