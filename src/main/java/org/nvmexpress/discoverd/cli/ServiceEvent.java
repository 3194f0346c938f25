package org.nvmexpress.discoverd.cli;

/** What the outside world asks of the running daemon; posted by signal handlers, handled by {@link ServiceLoop}. */
sealed interface ServiceEvent {

    /** SIGHUP: re-read the configuration. */
    record Reload() implements ServiceEvent {
    }

    /**
     * SIGTERM or SIGINT: shut down.
     *
     * @param signal the signal's name, for the log ({@code SIGTERM})
     */
    record Stop(String signal) implements ServiceEvent {
    }
}
