package org.nvmexpress.discoverd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command: {@code bin/nvme-discoverd --simulate examples/lab --exit-after SPAN}
 * in a process of its own, queried while it runs by {@code bin/nvme-discoverctl} over the socket it
 * names, ending with the controllers table.
 */
final class SimulateLauncherIT {
    private static final Path BASEDIR = Path.of(System.getProperty("project.basedir", "."));
    private static final Pattern SOCKET = Pattern.compile("status --socket (\\S+)");

    @Test
    void theLabRunsQueriedWhileItRunsAndEndsWithItsControllersTable() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(bin("nvme-discoverd"), "--simulate", "examples/lab", "--exit-after", "25s")
                .directory(BASEDIR.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().remove("JOURNAL_STREAM");
        Process daemon = pb.start();
        List<String> out = new ArrayList<>();
        String socket = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(daemon.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                out.add(line);
                Matcher m = SOCKET.matcher(line);
                if (socket == null && m.find()) {
                    socket = m.group(1);
                    assertThat(ctl("status", "--socket", socket)).contains("Connector: builtin").contains("Controllers: ");
                    assertThat(ctl("controllers", "--socket", socket, "--state", "foreign"))
                            .contains("nqn.2024-01.com.example:vol6").contains("1 controller listed.");
                }
            }
        }
        assertThat(daemon.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(daemon.exitValue()).isZero();
        assertThat(socket).as("the socket it names, in %s", out).isNotNull();
        String table = String.join("\n", out);
        assertThat(table).contains("17 controllers listed.");
        for (String state : List.of("connected", "excluded", "foreign", "parked")) {
            assertThat(table).contains("  " + state + "  ");
        }
    }

    @Test
    void aFabricFileWithErrorsIsRefusedNamingEachProblem(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("fabric.json"), "{\"ports\": [{\"name\": \"a\", \"transport\": \"tcp\","
                + " \"traddr\": \"10.0.0.1\", \"trsvcid\": \"44x0\"}], \"subsytems\": []}");
        Process p = new ProcessBuilder(bin("nvme-discoverd"), "--simulate", dir.toString(), "--exit-after", "1s")
                .directory(BASEDIR.toFile()).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(err).contains("ports[0].trsvcid").contains("subsytems");
    }

    private static String bin(String command) {
        return BASEDIR.resolve("bin").resolve(command).toString();
    }

    private static String ctl(String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(bin("nvme-discoverctl")));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).directory(BASEDIR.toFile()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(text).isZero();
        return text;
    }
}
