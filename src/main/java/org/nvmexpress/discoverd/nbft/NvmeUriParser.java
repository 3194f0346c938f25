package org.nvmexpress.discoverd.nbft;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.nvmexpress.discoverd.tid.NumericAddress;

/**
 * The grammar behind {@link NvmeUri#parse}: RFC 3986's generic split (scheme, {@code //authority},
 * rest), then the authority as {@code host[:port]} or {@code [IPv6%25zone][:port]} (RFC 6874).
 *
 * <p>Why not {@link java.net.URI}: its {@code getHost()} keeps the brackets and the undecoded
 * {@code %25} of a zone, is {@code null} for a name with an escape or an underscore (the authority
 * silently becomes "registry-based"), and it accepts port 70000; its errors name a character
 * index, not the problem. What is left to do by hand is a few lines of splitting.
 */
final class NvmeUriParser {
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");
    private static final Pattern TRANSPORT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*");
    private static final String SHAPE = "expected nvme[+TRANSPORT]://HOST[:PORT]/";
    private static final int MAX_PORT = 65535;

    private NvmeUriParser() {
    }

    static NvmeUri parse(String uri) {
        int colon = uri.indexOf(':');
        if (colon < 0 || !SCHEME.matcher(uri.substring(0, colon)).matches()) {
            throw new InvalidNvmeUriException(uri, "not an nvme URI");
        }
        String transport = transport(uri, uri.substring(0, colon));
        if (!uri.startsWith("//", colon + 1)) {
            throw new InvalidNvmeUriException(uri, "no '//' after the scheme: " + SHAPE);
        }
        int start = colon + 3;
        int end = start;
        while (end < uri.length() && "/?#".indexOf(uri.charAt(end)) < 0) {
            end++;
        }
        String authority = uri.substring(start, end);
        if (authority.indexOf('@') >= 0) {
            throw new InvalidNvmeUriException(uri, "a user part ('...@') is not allowed");
        }
        return authority.startsWith("[") ? bracketed(uri, transport, authority) : plain(uri, transport, authority);
    }

    /** {@code nvme} means TCP (NVMe Boot Specification); {@code nvme+X} names the transport. */
    private static String transport(String uri, String scheme) {
        String lower = scheme.toLowerCase(Locale.ROOT);
        if (lower.equals("nvme")) {
            return "tcp";
        }
        if (!lower.startsWith("nvme+")) {
            throw new InvalidNvmeUriException(uri, "not an nvme URI");
        }
        String transport = scheme.substring("nvme+".length());
        if (!TRANSPORT.matcher(transport).matches()) {
            throw new InvalidNvmeUriException(uri, "invalid transport after 'nvme+': '" + transport + "'");
        }
        return transport.toLowerCase(Locale.ROOT);
    }

    private static NvmeUri bracketed(String uri, String transport, String authority) {
        int close = authority.indexOf(']');
        if (close < 0) {
            throw new InvalidNvmeUriException(uri, "unterminated IPv6 literal");
        }
        String host = ipv6Literal(uri, authority.substring(1, close));
        String after = authority.substring(close + 1);
        if (after.isEmpty()) {
            return new NvmeUri(transport, host, OptionalInt.empty());
        }
        if (after.charAt(0) != ':') {
            throw new InvalidNvmeUriException(uri, "unexpected text after the IPv6 literal: '" + after + "'");
        }
        return new NvmeUri(transport, host, port(uri, after.substring(1)));
    }

    /** {@code address[%25zone]}: RFC 6874 escapes the zone's {@code %} as {@code %25}. */
    private static String ipv6Literal(String uri, String literal) {
        int percent = literal.indexOf('%');
        String address = percent < 0 ? literal : literal.substring(0, percent);
        NumericAddress parsed = NumericAddress.parse(address).orElse(null);
        if (parsed == null || parsed.isIpv4()) {
            throw new InvalidNvmeUriException(uri, "invalid IPv6 literal: '[" + literal + "]'");
        }
        if (percent < 0) {
            return address;
        }
        if (!literal.startsWith("%25", percent) || literal.length() == percent + 3) {
            throw new InvalidNvmeUriException(uri,
                    "the zone of an IPv6 literal is written %25ZONE: '[" + literal + "]'");
        }
        String zone = PercentDecoder.decode(uri, "zone", PercentDecoder.UNRESERVED, literal.substring(percent + 3));
        return address + "%" + zone;
    }

    private static NvmeUri plain(String uri, String transport, String authority) {
        int colon = authority.indexOf(':');
        String rawHost = colon < 0 ? authority : authority.substring(0, colon);
        if (colon >= 0 && authority.indexOf(':', colon + 1) >= 0) {
            throw new InvalidNvmeUriException(uri, "an IPv6 address must be in brackets: '" + authority + "'");
        }
        if (rawHost.isEmpty()) {
            throw new InvalidNvmeUriException(uri, "no host: " + SHAPE);
        }
        String host = PercentDecoder.decode(uri, "host", PercentDecoder.HOST, rawHost);
        OptionalInt port = colon < 0 ? OptionalInt.empty() : port(uri, authority.substring(colon + 1));
        return new NvmeUri(transport, host, port);
    }

    /** RFC 3986 allows an empty port ({@code host:}): it means none. */
    private static OptionalInt port(String uri, String text) {
        if (text.isEmpty()) {
            return OptionalInt.empty();
        }
        if (!text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidNvmeUriException(uri, "invalid port: '" + text + "'");
        }
        String digits = text.replaceFirst("^0+(?=.)", "");
        int value = digits.length() > 5 ? Integer.MAX_VALUE : Integer.parseInt(digits);
        if (value < 1 || value > MAX_PORT) {
            throw new InvalidNvmeUriException(uri, "port out of range: " + digits);
        }
        return OptionalInt.of(value);
    }
}
