package dev.aiaas.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** What the figures were measured on: cores, processor, memory, operating system and JDK. */
record MachineInfo(int cores, String processor, String memory, String os, String jdk) {

    static MachineInfo current() {
        return new MachineInfo(Runtime.getRuntime().availableProcessors(),
                procLine("/proc/cpuinfo", "model name").orElse("processor unknown"),
                procLine("/proc/meminfo", "MemTotal").map(MachineInfo::gibibytes).orElse("memory unknown"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.runtime.version"));
    }

    String describe() {
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
