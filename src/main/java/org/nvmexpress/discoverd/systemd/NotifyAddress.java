package org.nvmexpress.discoverd.systemd;

import java.net.SocketException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * Where {@code $NOTIFY_SOCKET} says the service manager listens: a unix datagram socket, either a
 * file ({@code /run/systemd/notify}) or, with a leading {@code @}, a name in the abstract namespace
 * ({@code @/org/freedesktop/systemd1/notify/…}). systemd also passes {@code vsock:} addresses to
 * virtual machines; this daemon does not run in one, so those are not supported.
 *
 * @param abstractName true for the abstract namespace ({@code @name}); then {@code name} excludes the {@code @}
 * @param name         the file path, or the abstract name; never empty, never with NUL
 */
public record NotifyAddress(boolean abstractName, String name) {

    public NotifyAddress {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("notify socket name is empty or has a NUL: '" + name + "'");
        }
        if (!abstractName && !name.startsWith("/")) {
            throw new IllegalArgumentException("notify socket path is not absolute: '" + name + "'");
        }
    }

    /** The address {@code value} (the variable's content) names, or empty when it is not a unix socket. */
    public static Optional<NotifyAddress> parse(String value) {
        if (value.length() > 1 && value.startsWith("@") && value.indexOf('\0') < 0) {
            return Optional.of(new NotifyAddress(true, value.substring(1)));
        }
        if (value.startsWith("/") && value.indexOf('\0') < 0) {
            return Optional.of(new NotifyAddress(false, value));
        }
        return Optional.empty();
    }

    /** The junixsocket address to send to. */
    AFUNIXSocketAddress socketAddress() throws SocketException {
        return abstractName ? AFUNIXSocketAddress.inAbstractNamespace(name) : AFUNIXSocketAddress.of(Path.of(name));
    }

    /** As in the environment: {@code @name} or the path. */
    @Override
    public String toString() {
        return abstractName ? "@" + name : name;
    }
}
