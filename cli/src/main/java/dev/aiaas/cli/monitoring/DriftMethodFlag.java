package dev.aiaas.cli.monitoring;

import dev.aiaas.cli.ProtoEnumConverter;
import dev.aiaas.proto.monitoring.v1.DriftMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A drift policy's method as an option value: those the proto allows for the kind of feature, or
 * {@code auto} (unset: chosen by the sample's size).
 */
abstract class DriftMethodFlag extends ProtoEnumConverter<DriftMethod> {

    static final String AUTO = "auto";

    DriftMethodFlag(Set<DriftMethod> allowed) {
        super(DriftMethod.class, allowed);
    }

    @Override
    public DriftMethod convert(String value) {
        return value.strip().toLowerCase(Locale.ROOT).equals(AUTO) ? DriftMethod.DRIFT_METHOD_UNSPECIFIED
                : super.convert(value);
    }

    @Override
    public List<String> names() {
        List<String> names = new ArrayList<>(super.names().stream().map(name -> name.replace('_', '-')).toList());
        names.add(AUTO);
        return names;
    }

    /** {@code --numeric}: psi, ks, wasserstein, jensen-shannon or auto. */
    static final class Numeric extends DriftMethodFlag {
        Numeric() {
            super(Set.of(DriftMethod.KS, DriftMethod.WASSERSTEIN, DriftMethod.PSI, DriftMethod.JENSEN_SHANNON));
        }
    }

    /** {@code --categorical}: psi, chi-square, jensen-shannon or auto. */
    static final class Categorical extends DriftMethodFlag {
        Categorical() {
            super(Set.of(DriftMethod.CHI_SQUARE, DriftMethod.JENSEN_SHANNON, DriftMethod.PSI));
        }
    }

    /** How a method reads in a table: {@code chi-square}, or {@code auto} when unset. */
    static String name(DriftMethod method) {
        return method == DriftMethod.DRIFT_METHOD_UNSPECIFIED || method == DriftMethod.UNRECOGNIZED ? AUTO
                : method.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
