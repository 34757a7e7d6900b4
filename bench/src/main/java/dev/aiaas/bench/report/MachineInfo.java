package dev.aiaas.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** What the figures were measured on: cores, processor, memory, operating system and JDK. */
public record MachineInfo(int cores, String processor, String memory, String os, String jdk) {

    public static MachineInfo current() {
        return new MachineInfo(Runtime.getRuntime().availableProcessors(),
                procLine("/proc/cpuinfo", "model name").orElse("processor unknown"),
                procLine("/proc/meminfo", "MemTotal").map(MachineInfo::gibibytes).orElse("memory unknown"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.runtime.version"));
    }

    /** {@code Run 2026-12-01 18:36 UTC with `bench/run` on 2 cores (…), …}: the first line of a results section. */
    public String runLine(ZonedDateTime when, String command) {
        return "Run " + when.withZoneSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern(
                "yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)) + " with `" + command + "` on " + describe() + ".";
    }

    /**
     * The machine's one-minute load average now (runnable processes, from /proc/loadavg), or NaN
     * where unknown: on a shared machine, what else was running shows here.
     */
    public static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    public String describe() {
        return cores + " cores (" + processor + "), " + memory + " memory, " + os + "; JDK " + jdk
                + " for the benchmark and every service JVM";
    }

    private static Optional<String> procLine(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** {@code 24576000 kB} as {@code 23.4 GiB}. */
    private static String gibibytes(String meminfo) {
        try {
            long kib = Long.parseLong(meminfo.replace("kB", "").strip());
            return String.format(Locale.ROOT, "%.1f GiB", kib / (1024.0 * 1024.0));
        } catch (NumberFormatException e) {
            return meminfo;
        }
    }
}
