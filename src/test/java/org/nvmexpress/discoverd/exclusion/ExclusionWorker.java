package org.nvmexpress.discoverd.exclusion;

import java.nio.file.Path;

/**
 * A child process for {@link ExclusionListsConcurrencyTest}: adds {@code count} entries of its own
 * to one list, removing every even-numbered one right after adding it, then exits. What should be
 * left is exactly its odd-numbered entries.
 *
 * <p>Arguments: {@code ROOT LIST WORKER-ID COUNT}.
 */
final class ExclusionWorker {
    private ExclusionWorker() {
    }

    static String entry(int worker, int i) {
        return "nqn=nqn.2024-01.org.example:worker-" + worker + ";trsvcid=" + i;
    }

    public static void main(String[] args) {
        ExclusionLists lists = new ExclusionLists(Path.of(args[0]));
        ListName list = new ListName(args[1]);
        int worker = Integer.parseInt(args[2]);
        int count = Integer.parseInt(args[3]);
        try {
            for (int i = 0; i < count; i++) {
                lists.add(list, entry(worker, i));
                if (i % 2 == 0) {
                    lists.remove(list, entry(worker, i));
                }
            }
        } catch (ExclusionException e) {
            System.err.println("worker " + worker + ": " + e.getMessage());
            System.exit(1);
        }
    }
}
