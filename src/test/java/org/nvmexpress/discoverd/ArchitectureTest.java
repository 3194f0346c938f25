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
 * (STYLE §7 rule 1), and every package states its contract in {@code package-info.java}.
 */
final class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/org/nvmexpress/discoverd");
    private static final Pattern PROJECT_REFERENCE = Pattern.compile("org\\.nvmexpress\\.discoverd\\.(\\w+)");

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
            Map.entry("systemd", 4),
            Map.entry("daemon", 5),
            Map.entry("sim", 6),
            Map.entry("varlink", 6),
            Map.entry("cli", 7));

    @Test
    void everyPackageIsKnownAndHasItsContract() throws IOException {
        try (Stream<Path> dirs = Files.list(MAIN)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                String name = dir.getFileName().toString();
                assertThat(RANK).as("package %s is not in ARCHITECTURE §3", name).containsKey(name);
                assertThat(dir.resolve("package-info.java")).as("contract of package %s", name).exists();
            }
        }
    }

    /** STYLE §7 rule 2: the README's source map names every package and an entry class that exists. */
    @Test
    void readmeSourceMapCoversEveryPackage() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Pattern row = Pattern.compile("^\\| `(\\w+)` \\|.*\\| `(\\w+)` \\|$", Pattern.MULTILINE);
        Map<String, String> entries = new HashMap<>();
        Matcher m = row.matcher(readme);
        while (m.find()) {
            entries.put(m.group(1), m.group(2));
        }
        try (Stream<Path> dirs = Files.list(MAIN)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                String name = dir.getFileName().toString();
                assertThat(entries).as("README source map row for package %s", name).containsKey(name);
                assertThat(dir.resolve(entries.get(name) + ".java")).as("entry class of %s", name).exists();
            }
        }
    }

    @Test
    void arrowsPointDown() throws IOException {
        List<String> upward = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String from = MAIN.relativize(file).getName(0).toString();
                Matcher m = PROJECT_REFERENCE.matcher(Files.readString(file));
                while (m.find()) {
                    String to = m.group(1);
                    if (!to.equals(from) && RANK.containsKey(to) && RANK.get(to) >= RANK.get(from)) {
                        upward.add(file + ": " + from + " -> " + to);
                    }
                }
            }
        }
        assertThat(upward).as("references that point up or sideways").isEmpty();
    }
}
