package org.nvmexpress.discoverd.systemd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stand-in for {@code nvme} that the daemon's connection units run ({@code nvme-path}), so no
 * test ever sends a packet: it answers the {@code connect --help} probe of {@code connector = auto}
 * as nvme-cli 3.0 does (it mentions {@code --owner}, so nvme-cli is chosen), and for every other call
 * appends {@code VERB UNIT ARGV} to {@value #LOG} in the stage, UNIT being the stem of the
 * {@code --devid-file} name ({@code -} when there is none). {@code connect} then sleeps and exits
 * with a chosen status, logging {@code exit UNIT} before it does.
 *
 * <p>The probe answers without logging: it runs inside the daemon's own sandbox, where the stage is
 * read-only (ProtectSystem=strict).
 */
final class FakeNvme {
    /** The log's name in the stage directory. */
    static final String LOG = "nvme.log";

    private FakeNvme() {
    }

    /** The script: {@code connect} takes {@code connectSeconds}, then exits {@code connectStatus}. */
    static String script(int connectSeconds, int connectStatus) {
        String log = DaemonService.INSIDE + "/" + LOG;
        return """
                #!/bin/sh
                if [ "$1" = connect ] && [ "$2" = --help ]; then
                  echo '  --owner=<owner>   owner of the connection (the nvme-cli 3.0 option the probe looks for)'
                  exit 0
                fi
                unit=-
                for a in "$@"; do
                  case $a in --devid-file=*) unit=${a##*/}; unit=${unit%%.devid} ;; esac
                done
                # One short line per write: O_APPEND keeps the lines of concurrent units whole.
                echo "$1 $unit $*" >> %1$s
                [ "$1" = connect ] || exit 0
                sleep %2$d
                echo "exit $unit" >> %1$s
                exit %3$d
                """.formatted(log, connectSeconds, connectStatus);
    }

    /** The log's lines, in the order they were appended; empty before the first call. */
    static List<String> lines(Path stage) throws IOException {
        Path log = stage.resolve(LOG);
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    /** How many times {@code connect} ran, per unit stem. */
    static Map<String, Integer> connectsPerUnit(List<String> lines) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String line : lines) {
            String[] words = line.split(" ", 3);
            if (words[0].equals("connect") && words.length > 1) {
                counts.merge(words[1], 1, Integer::sum);
            }
        }
        return counts;
    }

    /** The most {@code connect}s running at once (begun, not yet {@code exit}ed), in append order. */
    static int maxConcurrentConnects(List<String> lines) {
        int running = 0;
        int max = 0;
        for (String line : lines) {
            if (line.startsWith("connect ")) {
                max = Math.max(max, ++running);
            } else if (line.startsWith("exit ")) {
                running--;
            }
        }
        return max;
    }
}
