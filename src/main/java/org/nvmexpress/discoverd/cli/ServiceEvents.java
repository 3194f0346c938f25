package org.nvmexpress.discoverd.cli;

import java.util.Optional;

/** Where {@link ServiceLoop} waits for its next event: signals in production, a script in tests. */
interface ServiceEvents {

    /**
     * The next event, waiting at most {@code timeoutNanos} ({@code Long.MAX_VALUE}: without limit);
     * empty when the time ran out first.
     */
    Optional<ServiceEvent> next(long timeoutNanos) throws InterruptedException;
}
