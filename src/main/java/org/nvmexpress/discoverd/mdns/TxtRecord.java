package org.nvmexpress.discoverd.mdns;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes a DNS-SD TXT record (RFC 6763 §6) into the map of {@link ServiceInstance#txt()}. The
 * record comes from the network, through avahi-daemon or systemd-resolved, unchecked: so each item
 * and the whole are bounded here, and what is dropped is counted for the caller's log line.
 */
public final class TxtRecord {
    /** A TXT item is one DNS character-string: its length is one byte. */
    public static final int MAX_ITEM_BYTES = 255;
    /** RFC 6763 §6.2: a TXT record should stay under 1300 bytes, and 8900 is the hard upper bound. */
    public static final int MAX_TOTAL_BYTES = 8900;

    private TxtRecord() {
    }

    /** The pairs of a record and how many items were dropped (too long, over the total, no key). */
    public record Decoded(Map<String, String> pairs, int dropped) {
        public Decoded {
            pairs = Map.copyOf(pairs);
        }
    }

    /**
     * Keys are lower-cased (RFC 6763 §6.4: keys are case-insensitive); a key without {@code =} maps
     * to {@code ""}; only the first occurrence of a key counts (§6.4 says to ignore the rest); an
     * item that starts with {@code =} has no key and is dropped (§6.4). Values are read as UTF-8,
     * malformed bytes replaced.
     */
    public static Decoded decode(List<byte[]> items) {
        Map<String, String> pairs = new LinkedHashMap<>();
        int dropped = 0;
        int total = 0;
        for (byte[] item : items) {
            total += item.length + 1;
            if (item.length > MAX_ITEM_BYTES || total > MAX_TOTAL_BYTES) {
                dropped++;
                continue;
            }
            if (item.length == 0) {
                continue; // RFC 6763 §6.1: an empty record is one empty string, meaning "no pairs"
            }
            String text = new String(item, StandardCharsets.UTF_8);
            int equals = text.indexOf('=');
            String key = (equals < 0 ? text : text.substring(0, equals)).toLowerCase(Locale.ROOT);
            if (key.isEmpty()) {
                dropped++;
                continue;
            }
            pairs.putIfAbsent(key, equals < 0 ? "" : text.substring(equals + 1));
        }
        return new Decoded(pairs, dropped);
    }

    /** The same rule for a record already given as strings (systemd-resolved's {@code txt}). */
    public static Decoded decodeStrings(List<String> items) {
        return decode(items.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList());
    }
}
