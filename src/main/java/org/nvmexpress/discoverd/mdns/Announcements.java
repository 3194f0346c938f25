package org.nvmexpress.discoverd.mdns;

import java.util.Objects;
import java.util.Optional;
import org.nvmexpress.discoverd.config.QuotedText;
import org.nvmexpress.discoverd.tid.InvalidTransportIdException;
import org.nvmexpress.discoverd.tid.NumericAddress;
import org.nvmexpress.discoverd.tid.TransportId;

/**
 * The TXT rule (TP8009, as nvme-stas applies it): what discovery controller a {@link ServiceInstance}
 * announces, or why it is ignored.
 *
 * <ul>
 * <li>TXT {@code p=}: {@code tcp} is tcp; {@code roce}, {@code iwarp} and {@code rdma} are rdma (RoCE
 *     is announced over {@code _nvme-disc._udp}, nvme-stas PR #305). Any other value is ignored,
 *     the reason naming it. Without {@code p=}, a {@code _nvme-disc._tcp} instance is tcp: the
 *     service type says so, and a wrong guess only costs a failing connect. nvme-stas rejects it;
 *     we do not, because announcers that leave it out exist and nothing else could be meant. A
 *     {@code _nvme-disc._udp} instance without {@code p=} is ignored: UDP says nothing of which
 *     transport is meant.</li>
 * <li>TXT {@code nqn=}: the DC's NQN; without it, the well-known discovery NQN.</li>
 * <li>{@code traddr} is the resolved address, {@code trsvcid} the port; for tcp the interface the
 *     announcement came from is {@code host-iface}, so the connection leaves where the DC was
 *     heard (rdma has no {@code host-iface} in the kernel).</li>
 * </ul>
 *
 * <p>TXT records come from anyone on the link, so every value is bounded and checked before it
 * reaches a TID or a log line: a control character, an NQN longer than NVMe's 223 bytes, an
 * interface name longer than the kernel's 15 characters or an address that is not numeric make
 * the instance ignored, and the reason quotes at most {@link #MAX_QUOTED} characters, escaped.
 *
 * <p>Stateless.
 */
public final class Announcements {
    /** The NQN a DC is reached by when its TXT record names none. */
    public static final String WELL_KNOWN_DISCOVERY_NQN = "nqn.2014-08.org.nvmexpress.discovery";
    /** NVMe's NQN limit (NVMe base specification: 223 bytes, UTF-8). */
    static final int MAX_NQN_BYTES = 223;
    /** {@code IFNAMSIZ - 1}. */
    static final int MAX_INTERFACE_CHARS = 15;
    /** Longest {@code p=} worth reading; the longest valid one is five. */
    static final int MAX_PROTOCOL_CHARS = 16;
    /** Longest part of a value a reason quotes. */
    static final int MAX_QUOTED = 40;

    /** What an instance announces. */
    public sealed interface Reading {
    }

    /** A discovery controller to connect: its TID, every field checked. */
    public record Dc(TransportId tid) implements Reading {
        public Dc {
            Objects.requireNonNull(tid, "tid");
        }
    }

    /** Nothing to connect, and why, for one log line. */
    public record Ignored(String reason) implements Reading {
        public Ignored {
            Objects.requireNonNull(reason, "reason");
        }
    }

    private Announcements() {
    }

    /** The DC {@code instance} announces, or why it is ignored. Never throws for anything the network sent. */
    public static Reading read(ServiceInstance instance) {
        ServiceInstance.Key key = instance.key();
        Optional<String> transport = transport(key.type(), instance.txt().get("p"));
        if (transport.isEmpty()) {
            String p = instance.txt().get("p");
            return new Ignored(p == null ? "no p= in the TXT record of a " + key.type() + " instance"
                    : "TXT p=" + quoted(p) + " is not tcp, roce, iwarp or rdma");
        }
        String nqn = instance.txt().getOrDefault("nqn", WELL_KNOWN_DISCOVERY_NQN);
        if (nqn.isEmpty() || hasControl(nqn) || utf8Length(nqn) > MAX_NQN_BYTES) {
            return new Ignored("TXT nqn=" + quoted(nqn) + " is not an NQN (empty, a control character or over "
                    + MAX_NQN_BYTES + " bytes)");
        }
        String iface = key.interfaceName();
        if (iface.isEmpty() || iface.length() > MAX_INTERFACE_CHARS || hasControl(iface) || iface.indexOf('/') >= 0
                || iface.indexOf(' ') >= 0 || iface.indexOf(',') >= 0) {
            return new Ignored("interface " + quoted(iface) + " is not an interface name");
        }
        if (instance.port() == 0) {
            return new Ignored("port 0");
        }
        if (NumericAddress.parse(instance.address()).isEmpty()) {
            return new Ignored("address " + quoted(instance.address()) + " is not a numeric IPv4 or IPv6 address");
        }
        TransportId.Builder tid = TransportId.builder().transport(transport.get()).traddr(instance.address())
                .trsvcid(Integer.toString(instance.port())).nqn(nqn);
        if ("tcp".equals(transport.get())) {
            tid.hostIface(iface);
        }
        try {
            return new Dc(tid.build());
        } catch (InvalidTransportIdException e) {
            // Checked above; kept so that a rule of the TID's that this one misses is a reason, not a crash.
            return new Ignored("not a valid TID: " + quoted(e.getMessage()));
        }
    }

    /** The transport {@code p} names for an instance of {@code type}; empty when none or unknown. */
    static Optional<String> transport(String type, String p) {
        if (p == null) {
            return ServiceInstance.TYPE_TCP.equals(type) ? Optional.of("tcp") : Optional.empty();
        }
        if (p.length() > MAX_PROTOCOL_CHARS) {
            return Optional.empty();
        }
        return switch (p.toLowerCase(java.util.Locale.ROOT)) {
            case "tcp" -> Optional.of("tcp");
            case "roce", "iwarp", "rdma" -> Optional.of("rdma");
            default -> Optional.empty();
        };
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    private static int utf8Length(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    /**
     * {@code text} in single quotes for a log line: control characters as {@code \xNN} so a record
     * cannot forge a line or a terminal sequence, cut after {@link #MAX_QUOTED} characters.
     */
    public static String quoted(String text) {
        return QuotedText.of(text, MAX_QUOTED);
    }
}
