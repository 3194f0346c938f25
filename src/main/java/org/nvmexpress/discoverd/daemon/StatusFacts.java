package org.nvmexpress.discoverd.daemon;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * What the status interface's {@code Status} shows besides the controllers, as the passes leave it:
 * the inputs of the last pass carried out and when the last reload ended. Loop-confined (written
 * when a pass ends, read when a snapshot is built).
 */
final class StatusFacts {
    private final DaemonInfo info;
    private final long startedUSec;
    /** The browser's view, read when a snapshot is built (it changes with every announcement, not with passes). */
    private final Supplier<MdnsDiscovery.Browsing> browsing;
    private Optional<DaemonInputs> inputs = Optional.empty();
    private OptionalLong lastReloadUSec = OptionalLong.empty();

    StatusFacts(DaemonInfo info, long startedUSec, Supplier<MdnsDiscovery.Browsing> browsing) {
        this.info = Objects.requireNonNull(info, "info");
        this.startedUSec = startedUSec;
        this.browsing = Objects.requireNonNull(browsing, "browsing");
    }

    /** A pass was carried out with {@code value}; {@code reloadUSec} when it was a reload. */
    void passEnded(DaemonInputs value, OptionalLong reloadUSec) {
        inputs = Optional.of(value);
        if (reloadUSec.isPresent()) {
            lastReloadUSec = reloadUSec;
        }
    }

    Snapshots.Facts facts() {
        return new Snapshots.Facts(info, startedUSec, inputs, lastReloadUSec, browsing.get());
    }
}
