package org.nvmexpress.discoverd.daemon;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.nvmexpress.discoverd.config.FabricsConfig;
import org.nvmexpress.discoverd.config.ResolvedConnection;

/**
 * The last-good policy of the fabrics configuration, per file (reference §15 items 17, 23): a
 * file that has an error now is left out of what was read, and the connections it had the last
 * time it was good stay in its place; every other file applies as it is now. At start-up there is
 * no last good content: a broken file contributes nothing until it is fixed, and the rest applies.
 * When the main file is the broken one, the top-level parameter scopes stay the last good ones too.
 *
 * <p>Pure; no I/O.
 */
final class FabricsLastGood {
    private FabricsLastGood() {
    }

    /** {@code fresh}, with each rejected file's connections taken from {@code lastGood}. */
    static FabricsConfig merge(FabricsConfig fresh, FabricsConfig lastGood, String mainFile) {
        if (fresh.rejectedFiles().isEmpty()) {
            return fresh;
        }
        Set<String> rejected = Set.copyOf(fresh.rejectedFiles());
        List<ResolvedConnection> connections = new ArrayList<>();
        for (String file : fresh.files()) {
            FabricsConfig from = rejected.contains(file) ? lastGood : fresh;
            for (ResolvedConnection c : from.connections()) {
                if (c.file().equals(file)) {
                    connections.add(c);
                }
            }
        }
        boolean mainRejected = rejected.contains(mainFile);
        return new FabricsConfig(fresh.files(), fresh.rejectedFiles(), fresh.diagnostics(), connections,
                mainRejected ? lastGood.topDcParams() : fresh.topDcParams(),
                mainRejected ? lastGood.topIocParams() : fresh.topIocParams());
    }

    /** How many connections {@code config} has from {@code file}. */
    static int connectionsOf(FabricsConfig config, String file) {
        return (int) config.connections().stream().filter(c -> c.file().equals(file)).count();
    }
}
