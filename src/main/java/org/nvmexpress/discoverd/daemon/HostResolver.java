package org.nvmexpress.discoverd.daemon;

import java.net.UnknownHostException;

/**
 * The port that turns a configured host name into the address the daemon connects to (reference
 * §2.3, {@code resolve_traddr}). Only tcp and rdma connections are ever resolved; fc and loop
 * addresses are not host names (reference §15 item 20, see
 * {@link org.nvmexpress.discoverd.config.ResolvedConnection#needsResolution()}).
 *
 * <p>Blocking (DNS): call it from a worker, never from the loop, and post the result back.
 * Production adapter: {@link SystemHostResolver}; tests use a map.
 */
@FunctionalInterface
public interface HostResolver {

    /**
     * The first address {@code hostName} resolves to, IPv4 or IPv6, in canonical numeric form
     * ({@link org.nvmexpress.discoverd.tid.NumericAddress#canonical()}), as the C daemon's
     * {@code getaddrinfo(AF_UNSPEC)} first result rendered by {@code inet_ntop}. Numeric text is
     * returned canonicalised without any lookup.
     *
     * @throws UnknownHostException when the name does not resolve (now); the message says why
     */
    String resolve(String hostName) throws UnknownHostException;
}
