package org.nvmexpress.discoverd.varlink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nvmexpress.discoverd.tid.NumericAddress;

/**
 * The JSON of systemd-resolved's {@code io.systemd.Resolve.BrowseServices} and
 * {@code ResolveService} (systemd 258: {@code src/shared/varlink-io.systemd.Resolve.c} declares
 * them, {@code src/resolve/resolved-dns-browse-services.c} and {@code resolved-varlink.c} build
 * them). A browse update names an instance only ({@code ServiceData}: updateFlag, family, name,
 * type, domain, ifindex); its address, port and TXT need a {@code ResolveService} call. Kept apart
 * from the sockets so it is unit-tested on recorded replies.
 */
final class ResolvedWire {
    static final String BROWSE = "io.systemd.Resolve.BrowseServices";
    static final String RESOLVE = "io.systemd.Resolve.ResolveService";
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    /** {@code SD_RESOLVED_MDNS_IPV4 | SD_RESOLVED_MDNS_IPV6} (resolved-def.h): over mDNS only. */
    static final int MDNS_FLAGS = 1 << 3 | 1 << 4;

    private ResolvedWire() {
    }

    /**
     * Whether an error to {@code BrowseServices} says this resolved has no such method (older than
     * 258), rather than that browsing failed this time.
     */
    static boolean lacksBrowsing(String error) {
        return error.equals("org.varlink.service.MethodNotFound") || error.equals("org.varlink.service.InterfaceNotFound");
    }

    /** Whether an interface description declares {@code BrowseServices} (in varlink IDL: {@code method BrowseServices(}). */
    static boolean describesBrowsing(String description) {
        return description.lines().map(String::strip).anyMatch(l -> l.startsWith("method BrowseServices("));
    }

    /** One entry of {@code browserServiceData}. */
    record Update(boolean added, int family, String name, String type, String domain, int ifindex) {
        boolean ipv6() {
            return family == AF_INET6;
        }
    }

    /** What a {@code ResolveService} reply says that we use. */
    record Resolution(String address, int port, List<byte[]> txt) {
    }

    /**
     * {@code BrowseServices}' input: the domain and the type; no {@code ifindex}, which resolved
     * takes as 0, every interface ({@code mdns_browser_revisit_cache}: "ifindex=0 means all").
     */
    static ObjectNode browseParameters(String type) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("domain", "local");
        p.put("type", type);
        p.put("flags", MDNS_FLAGS);
        return p;
    }

    /** {@code ResolveService} for the instance an update named, on its interface and family. */
    static ObjectNode resolveParameters(Update u) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("name", u.name());
        p.put("type", u.type());
        p.put("domain", u.domain());
        p.put("ifindex", u.ifindex());
        p.put("family", u.family());
        p.put("flags", MDNS_FLAGS);
        return p;
    }

    /** The updates of one reply; entries of another shape, or without a name, are left out. */
    static List<Update> updates(JsonNode parameters) {
        List<Update> out = new ArrayList<>();
        for (JsonNode e : parameters.path("browserServiceData")) {
            String flag = e.path("updateFlag").asText("");
            if (!(flag.equals("added") || flag.equals("removed")) || !e.path("name").isTextual()
                    || !e.path("type").isTextual() || !e.path("ifindex").isInt() || !e.path("family").isInt()) {
                continue;
            }
            out.add(new Update(flag.equals("added"), e.get("family").intValue(), e.get("name").textValue(),
                    e.get("type").textValue(), e.path("domain").asText("local"), e.get("ifindex").intValue()));
        }
        return out;
    }

    /**
     * The first service's port and its first address of {@code family}, and the TXT items; empty
     * when the reply has no such address.
     */
    static Optional<Resolution> resolution(JsonNode reply, int family) {
        JsonNode service = reply.path("services").path(0);
        if (!service.path("port").isInt()) {
            return Optional.empty();
        }
        for (JsonNode a : service.path("addresses")) {
            if (a.path("family").asInt(-1) == family) {
                Optional<String> text = addressText(a.path("address"));
                if (text.isPresent()) {
                    List<byte[]> txt = new ArrayList<>();
                    reply.path("txt").forEach(item -> txt.add(unOctescape(item.asText(""))));
                    return Optional.of(new Resolution(text.get(), service.get("port").intValue(), txt));
                }
            }
        }
        return Optional.empty();
    }

    /** An address as resolved sends it, an array of 4 or 16 byte values, in canonical text. */
    static Optional<String> addressText(JsonNode bytes) {
        if (!bytes.isArray() || bytes.size() != 4 && bytes.size() != 16) {
            return Optional.empty();
        }
        byte[] raw = new byte[bytes.size()];
        for (int i = 0; i < raw.length; i++) {
            int b = bytes.get(i).asInt(-1);
            if (b < 0 || b > 255) {
                return Optional.empty();
            }
            raw[i] = (byte) b;
        }
        try {
            return NumericAddress.canonicalise(InetAddress.getByAddress(raw).getHostAddress());
        } catch (UnknownHostException e) {
            throw new AssertionError("4 or 16 bytes are always an address", e);
        }
    }

    /**
     * A TXT item back to its bytes: resolved sends each through systemd's {@code octescape()}, which
     * writes a byte below space, from 127 up, {@code \} and {@code "} as {@code \} and three octal
     * digits, and every other byte as itself.
     */
    static byte[] unOctescape(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            int c = text.codePointAt(i);
            if (c == '\\' && i + 3 < text.length() && octal(text, i + 1)) {
                out.write(Integer.parseInt(text.substring(i + 1, i + 4), 8) & 0xff);
                i += 3;
            } else {
                byte[] b = Character.toString(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
                i += Character.charCount(c) - 1;
            }
        }
        return out.toByteArray();
    }

    private static boolean octal(String text, int from) {
        for (int i = from; i < from + 3; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }
}
