package org.nvmexpress.discoverd.nbft;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Where an NBFT discovery descriptor says its discovery controller is: the URI
 * {@code nvme[+TRANSPORT]://HOST[:PORT][/PATH][?QUERY][#FRAGMENT]} of the NVMe Boot Specification,
 * as libnvme's URI parser reads it. Path, query and fragment carry nothing for a connection and are
 * ignored; a user part is refused.
 *
 * <p>This replaces the C daemon's naive split, which cut {@code nvme+tcp://[fd00:1::5]:8009/} at
 * the first colon and silently dropped every IPv6 discovery controller (reference §7.4, §15 item
 * 27).
 *
 * @param transport lower-case transport from the scheme; {@code tcp} for a plain {@code nvme://}
 * @param host      percent-decoded; an IPv6 literal without its brackets and with its zone as
 *                  {@code %zone} ({@code [fe80::1%25eth0]} gives {@code fe80::1%eth0}), otherwise
 *                  an IPv4 address or a name, exactly as written
 * @param port      the port when the URI has one; when absent the caller applies its default
 *                  (8009 for a discovery controller)
 */
public record NvmeUri(String transport, String host, OptionalInt port) {
    private static final Pattern TRANSPORT = Pattern.compile("[a-z0-9][a-z0-9.-]*");

    public NvmeUri {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(port, "port");
        if (!TRANSPORT.matcher(transport).matches()) {
            throw new IllegalArgumentException("transport must be lower-case letters, digits, '.' or '-': "
                    + InvalidNvmeUriException.printable(transport));
        }
        if (host.isEmpty() || host.chars().anyMatch(NvmeUri::isSpaceOrControl)) {
            throw new IllegalArgumentException("host is empty or has a space or control character: "
                    + InvalidNvmeUriException.printable(host));
        }
        if (port.isPresent() && (port.getAsInt() < 1 || port.getAsInt() > 65535)) {
            throw new IllegalArgumentException("port out of range: " + port.getAsInt());
        }
    }

    /**
     * Reads a discovery descriptor's URI. The scheme is matched without regard to case; host and
     * port are percent-decoded (libnvme does the same).
     *
     * @throws InvalidNvmeUriException naming the URI and what is wrong with it; nothing else for any
     *                                 non-null text
     */
    public static NvmeUri parse(String uri) {
        return NvmeUriParser.parse(Objects.requireNonNull(uri, "uri"));
    }

    /** The port, or {@code defaultPort} when the URI names none. */
    public int portOr(int defaultPort) {
        return port.orElse(defaultPort);
    }

    static boolean isSpaceOrControl(int c) {
        return Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
