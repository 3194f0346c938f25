package org.nvmexpress.discoverd.varlink;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log of misbehaving clients: each client's connection reports at most one line (why it
 * was closed), and across clients the first {@link #LOGGED_IN_FULL} are logged, then every
 * {@link #THEN_EVERY}th with the running count, so a client reconnecting in a loop cannot fill
 * the journal.
 */
final class ClientProblems {
    static final int LOGGED_IN_FULL = 20;
    static final int THEN_EVERY = 100;
    private static final Logger LOG = LoggerFactory.getLogger(VarlinkServer.class);

    private final AtomicLong reported = new AtomicLong();

    /** {@code subject} first, as every log line (STYLE §7 rule 12). */
    void report(String subject, String problem) {
        long n = reported.incrementAndGet();
        if (n <= LOGGED_IN_FULL) {
            LOG.warn("{} - {}", subject, problem);
        } else if (n % THEN_EVERY == 0) {
            LOG.warn("{} - {} ({} client problems so far, most not logged)", subject, problem, n);
        }
    }

    long count() {
        return reported.get();
    }
}
