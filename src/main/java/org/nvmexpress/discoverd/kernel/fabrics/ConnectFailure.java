package org.nvmexpress.discoverd.kernel.fabrics;

import java.util.Map;
import java.util.Objects;
import org.nvmexpress.discoverd.kernel.Errno;

/**
 * Why a connect failed, as far as the caller needs to tell the cases apart: the CLI maps each to its
 * own exit status, and the daemon can decide whether to retry soon, later, or not at all.
 *
 * <p>The errno the kernel returns from the {@code /dev/nvme-fabrics} write decides
 * ({@link #of(Errno)}):
 * <ul>
 * <li>{@link #UNREACHABLE}: the transport could not reach the target: ECONNREFUSED, ETIMEDOUT,
 * EHOSTUNREACH, ENETUNREACH, ECONNRESET, ECONNABORTED, EADDRNOTAVAIL, ENETDOWN, EHOSTDOWN.</li>
 * <li>{@link #REFUSED_BY_TARGET}: the target was reached and refused the Fabrics Connect or the
 * authentication: EIO (the transports turn a Connect completion with an error status into EIO),
 * EPROTO (a malformed or unexpected response), EKEYREJECTED (DH-HMAC-CHAP or TLS authentication
 * failed), EACCES and EPERM (the host is not allowed; writing needs no more permission than the open
 * already checked, so these come from the target's answer).</li>
 * <li>{@link #ALREADY_CONNECTED}: EALREADY, the kernel's own duplicate check (without
 * {@code duplicate_connect}) found a controller with the same transport, addresses and NQNs.</li>
 * <li>{@link #BAD_ARGUMENTS}: the kernel refused the options before reaching out: EINVAL (unknown
 * or malformed option, transport not available), ENOMEM (an option string longer than a page),
 * ENODEV ({@code host_iface} names no interface), ENOKEY, EKEYEXPIRED, EKEYREVOKED (a key serial that
 * is not usable).</li>
 * <li>{@link #FAILED}: anything else (EBUSY, EINTR, ...), and failures that are not the kernel's
 * answer at all (the device cannot be opened, a file cannot be written).</li>
 * </ul>
 */
public enum ConnectFailure {
    UNREACHABLE,
    REFUSED_BY_TARGET,
    ALREADY_CONNECTED,
    BAD_ARGUMENTS,
    FAILED;

    private static final Map<Errno, ConnectFailure> BY_ERRNO = Map.ofEntries(
            Map.entry(Errno.ECONNREFUSED, UNREACHABLE),
            Map.entry(Errno.ETIMEDOUT, UNREACHABLE),
            Map.entry(Errno.EHOSTUNREACH, UNREACHABLE),
            Map.entry(Errno.ENETUNREACH, UNREACHABLE),
            Map.entry(Errno.ECONNRESET, UNREACHABLE),
            Map.entry(Errno.ECONNABORTED, UNREACHABLE),
            Map.entry(Errno.EADDRNOTAVAIL, UNREACHABLE),
            Map.entry(Errno.ENETDOWN, UNREACHABLE),
            Map.entry(Errno.EHOSTDOWN, UNREACHABLE),
            Map.entry(Errno.EIO, REFUSED_BY_TARGET),
            Map.entry(Errno.EPROTO, REFUSED_BY_TARGET),
            Map.entry(Errno.EKEYREJECTED, REFUSED_BY_TARGET),
            Map.entry(Errno.EACCES, REFUSED_BY_TARGET),
            Map.entry(Errno.EPERM, REFUSED_BY_TARGET),
            Map.entry(Errno.EALREADY, ALREADY_CONNECTED),
            Map.entry(Errno.EINVAL, BAD_ARGUMENTS),
            Map.entry(Errno.ENOMEM, BAD_ARGUMENTS),
            Map.entry(Errno.ENODEV, BAD_ARGUMENTS),
            Map.entry(Errno.ENOKEY, BAD_ARGUMENTS),
            Map.entry(Errno.EKEYEXPIRED, BAD_ARGUMENTS),
            Map.entry(Errno.EKEYREVOKED, BAD_ARGUMENTS));

    /** The class of a failed {@code /dev/nvme-fabrics} write. */
    public static ConnectFailure of(Errno errno) {
        return BY_ERRNO.getOrDefault(Objects.requireNonNull(errno, "errno"), FAILED);
    }

    /** Lower-case words for messages: {@code refused by target}. */
    public String describe() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
