package dev.aiaas.monitoring.dashboard;

/** JSON has no NaN or infinity: a figure that is not a number is sent as null ("none"). */
final class JsonNumbers {

    private JsonNumbers() {
    }

    static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
