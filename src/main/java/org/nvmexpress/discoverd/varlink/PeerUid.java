package org.nvmexpress.discoverd.varlink;

import java.io.IOException;
import java.util.OptionalInt;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketCredentials;

/**
 * Who is at the other end of an accepted connection: the seam where authorization learns the
 * caller's uid, so a test can present uid 1000 without changing users.
 */
@FunctionalInterface
public interface PeerUid {

    /** The peer's uid, or empty when the kernel does not say. */
    OptionalInt of(AFUNIXSocket socket) throws IOException;

    /**
     * The kernel's answer ({@code SO_PEERCRED}). junixsocket reports an unknown uid as -1; that is
     * "nobody", never root (STYLE §8, sentinels).
     */
    PeerUid SO_PEERCRED = socket -> {
        AFUNIXSocketCredentials credentials = socket.getPeerCredentials();
        long uid = credentials == null ? -1 : credentials.getUid();
        return uid < 0 || uid > Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of((int) uid);
    };
}
