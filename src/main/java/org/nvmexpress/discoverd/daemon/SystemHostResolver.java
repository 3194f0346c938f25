package org.nvmexpress.discoverd.daemon;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;
import org.nvmexpress.discoverd.tid.NumericAddress;

/**
 * The production {@link HostResolver}: the system resolver through {@link InetAddress#getAllByName}
 * (so {@code /etc/hosts}, DNS and whatever {@code nsswitch.conf} names), first result.
 *
 * <p>The order of the results is the JVM's: {@code getaddrinfo}'s own order (RFC 6724, what the C
 * daemon takes) only with {@code -Djava.net.preferIPv6Addresses=system}, which the launcher sets;
 * otherwise Java puts IPv4 addresses first. Numeric text never reaches {@code InetAddress}: it is
 * canonicalised by {@link NumericAddress} (keeping a scope, as the TID's canonical form does), so a
 * literal never causes a lookup. A resolved address is rendered from its bytes, so no IPv6 scope id
 * appears (as with {@code inet_ntop}).
 *
 * <p>Blocking; stateless and thread-safe.
 */
public final class SystemHostResolver implements HostResolver {

    @Override
    public String resolve(String hostName) throws UnknownHostException {
        Objects.requireNonNull(hostName, "hostName");
        Optional<String> numeric = NumericAddress.canonicalise(hostName);
        if (numeric.isPresent()) {
            return numeric.get();
        }
        if (hostName.isEmpty()) {
            throw new UnknownHostException("empty host name");
        }
        InetAddress[] addresses = InetAddress.getAllByName(hostName);
        if (addresses.length == 0) {
            throw new UnknownHostException(hostName + ": no address");
        }
        return new NumericAddress(addresses[0].getAddress(), null).canonical();
    }
}
