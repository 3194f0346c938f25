package org.nvmexpress.discoverd.exclusion;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A child process for {@link ExclusionListsConcurrencyTest}: makes the changes its standard input
 * asks for, one line each ({@code add I} or {@code remove I}, of its own entry {@code I}), and
 * answers each with the line {@link #DONE} on standard output; on a failure it says why on standard
 * error and exits 1. It exits 0 at the end of its input. The test decides when each change starts,
 * so how fast this JVM starts or runs never matters.
 *
 * <p>Arguments: {@code ROOT LIST WORKER-ID}.
 */
final class ExclusionWorker {
    /** The answer to one change; prefixed, so a JVM warning on standard output is not taken for one. */
    static final String DONE = "exclusion-worker: done";

    private ExclusionWorker() {
    }

    static String entry(int worker, int i) {
        return "nqn=nqn.2024-01.org.example:worker-" + worker + ";trsvcid=" + i;
    }

    public static void main(String[] args) throws IOException {
        ExclusionLists lists = new ExclusionLists(Path.of(args[0]));
        ListName list = new ListName(args[1]);
        int worker = Integer.parseInt(args[2]);
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            for (String command = commands.readLine(); command != null; command = commands.readLine()) {
                String[] words = command.split(" ");
                String entry = entry(worker, Integer.parseInt(words[1]));
                if (words[0].equals("add")) {
                    lists.add(list, entry);
                } else {
                    lists.remove(list, entry);
                }
                System.out.println(DONE);
                System.out.flush();
            }
        } catch (ExclusionException e) {
            System.err.println("worker " + worker + ": " + e.getMessage());
            System.exit(1);
        }
    }
}
