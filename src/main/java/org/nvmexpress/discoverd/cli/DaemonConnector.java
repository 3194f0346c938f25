package org.nvmexpress.discoverd.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.nvmexpress.discoverd.varlink.VarlinkCalls;

/**
 * How the commands that talk to the daemon ({@code status}, {@code controllers}, {@code monitor}, …)
 * open its varlink socket, so that tests hand them a fake daemon.
 */
@FunctionalInterface
interface DaemonConnector {

    /**
     * A connection to the varlink service listening on {@code socket}.
     *
     * @throws IOException when there is none; a missing socket file or a refused connection means
     *                     the daemon is not running ({@link DaemonCall} tells the two apart from
     *                     other failures)
     */
    VarlinkCalls connect(Path socket) throws IOException;

    /**
     * The connector the shipped tool uses. The varlink client ({@code VarlinkClient}) is built in
     * parallel; until it is on this branch the tool says so instead of pretending to have talked to
     * the daemon.
     */
    static DaemonConnector builtIn() {
        // PLUG-IN POINT: replace the next line with `return VarlinkClient::connect;` once VarlinkClient exists.
        return DaemonConnector::clientNotBuiltIn;
    }

    private static VarlinkCalls clientNotBuiltIn(Path socket) throws IOException {
        throw new IOException("cannot talk to " + socket + ": this build has no varlink client"
                + " (VarlinkClient is not built in yet)");
    }
}
