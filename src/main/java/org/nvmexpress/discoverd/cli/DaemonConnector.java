package org.nvmexpress.discoverd.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.nvmexpress.discoverd.varlink.VarlinkCalls;
import org.nvmexpress.discoverd.varlink.VarlinkClient;

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

    /** The connector the shipped tool uses: the varlink client on the unix socket. */
    static DaemonConnector builtIn() {
        return VarlinkClient::connect;
    }
}
