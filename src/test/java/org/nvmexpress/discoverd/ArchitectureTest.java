package org.nvmexpress.discoverd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package arrows of ARCHITECTURE §3 point down: a package may use only packages of a lower rank
 * (STYLE §7 rule 1), and every package states its contract in {@code package-info.java}. Sub-packages
 * (those of {@code kernel}) count as their top-level package towards other packages, and have their
 * own ranks towards each other.
 */
final class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/org/nvmexpress/discoverd");
    /** The package part of a reference: lower-case segments, up to the first class name. */
    private static final Pattern PROJECT_REFERENCE =
            Pattern.compile("org\\.nvmexpress\\.discoverd\\.([a-z]\\w*(?:\\.[a-z]\\w*)*)");

    /** Lower rank = further down. Equal ranks may not use each other. */
    private static final Map<String, Integer> RANK = Map.ofEntries(
            Map.entry("tid", 0),
            Map.entry("fs", 0),
            Map.entry("ini", 1),
            Map.entry("registry", 2),
            Map.entry("exclusion", 2),
            Map.entry("config", 3),
            Map.entry("nbft", 3),
            Map.entry("dlp", 3),
            Map.entry("kernel", 4),
            Map.entry("systemd", 5),
            Map.entry("mdns", 5),
            Map.entry("daemon", 6),
            Map.entry("sim", 7),
            Map.entry("varlink", 7),
            Map.entry("cli", 8));

    /**
     * Ranks inside one top-level package, same rule: the shared {@code kernel} package at the bottom,
     * the concerns above it, and the connector above sysfs because it asks whether a connection is
     * already up; the simulated host above the description of its fabric.
     */
    private static final Map<String, Integer> SUB_RANK = Map.ofEntries(
            Map.entry("kernel", 0),
            Map.entry("kernel.sysfs", 1),
            Map.entry("kernel.uevent", 1),
            Map.entry("kernel.admin", 1),
            Map.entry("kernel.fc", 1),
            Map.entry("kernel.fabrics", 2),
            Map.entry("sim.fabric", 0),
            Map.entry("sim", 1));

    @Test
    void everyPackageIsKnownAndHasItsContract() throws IOException {
        for (Path dir : packageDirectories()) {
            String name = packageOf(dir);
            assertThat(RANK).as("package %s is not in ARCHITECTURE §3", name).containsKey(topLevel(name));
            if (name.contains(".")) {
                assertThat(SUB_RANK).as("sub-package %s has no rank", name).containsKey(name);
            }
            assertThat(dir.resolve("package-info.java")).as("contract of package %s", name).exists();
        }
    }

    /** STYLE §7 rule 2: the README's source map names every package and an entry class that exists. */
    @Test
    void readmeSourceMapCoversEveryPackage() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Pattern row = Pattern.compile("^\\| `([\\w.]+)` \\|.*\\| `(\\w+)` \\|$", Pattern.MULTILINE);
        Map<String, String> entries = new HashMap<>();
        Matcher m = row.matcher(readme);
        while (m.find()) {
            entries.put(m.group(1), m.group(2));
        }
        for (Path dir : packageDirectories()) {
            String name = packageOf(dir);
            assertThat(entries).as("README source map row for package %s", name).containsKey(name);
            assertThat(dir.resolve(entries.get(name) + ".java")).as("entry class of %s", name).exists();
        }
    }

    @Test
    void arrowsPointDown() throws IOException {
        List<String> upward = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String from = packageOf(file.getParent());
                Matcher m = PROJECT_REFERENCE.matcher(Files.readString(file));
                while (m.find()) {
                    String to = m.group(1);
                    if (!to.equals(from) && pointsUpOrSideways(from, to)) {
                        upward.add(file + ": " + from + " -> " + to);
                    }
                }
            }
        }
        assertThat(upward).as("references that point up or sideways").isEmpty();
    }

    /** Whether {@code from} may not use {@code to}; unknown packages are left to the contract test. */
    private static boolean pointsUpOrSideways(String from, String to) {
        String fromTop = topLevel(from);
        String toTop = topLevel(to);
        if (!fromTop.equals(toTop)) {
            return RANK.containsKey(toTop) && RANK.containsKey(fromTop) && RANK.get(toTop) >= RANK.get(fromTop);
        }
        return SUB_RANK.containsKey(to) && SUB_RANK.containsKey(from) && SUB_RANK.get(to) >= SUB_RANK.get(from);
    }

    /** Every directory under {@link #MAIN} that holds Java files, sub-packages included. */
    private static List<Path> packageDirectories() throws IOException {
        try (Stream<Path> dirs = Files.walk(MAIN)) {
            return dirs.filter(Files::isDirectory).filter(dir -> !dir.equals(MAIN)).toList();
        }
    }

    /** {@code kernel/sysfs} becomes {@code kernel.sysfs}. */
    private static String packageOf(Path dir) {
        return MAIN.relativize(dir).toString().replace(dir.getFileSystem().getSeparator(), ".");
    }

    private static String topLevel(String pkg) {
        int dot = pkg.indexOf('.');
        return dot < 0 ? pkg : pkg.substring(0, dot);
    }
}
