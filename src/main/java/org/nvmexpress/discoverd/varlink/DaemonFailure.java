package org.nvmexpress.discoverd.varlink;

/**
 * The daemon failed a command in a way its contract does not name (a bug on the loop's side).
 * The client's connection is closed and the failure logged with its cause; other clients and
 * the server carry on.
 */
final class DaemonFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DaemonFailure(String method, Throwable cause) {
        super(method + " failed inside the daemon: " + cause, cause);
    }
}
