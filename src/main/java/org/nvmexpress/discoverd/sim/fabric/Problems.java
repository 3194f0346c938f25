package org.nvmexpress.discoverd.sim.fabric;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems found in one fabric file: the first {@link FabricFileException#MAX_LISTED} kept,
 * the rest only counted, so a file with a million bad entries costs a counter, not a million
 * messages. Single use, one thread.
 */
final class Problems {
    private final List<FabricFileException.Problem> listed = new ArrayList<>();
    private int total;

    void add(String path, String message) {
        if (total < FabricFileException.MAX_LISTED) {
            listed.add(new FabricFileException.Problem(path, message));
        }
        total++;
    }

    boolean isEmpty() {
        return total == 0;
    }

    int total() {
        return total;
    }

    FabricFileException exception(String file) {
        return new FabricFileException(file, listed, total);
    }
}
