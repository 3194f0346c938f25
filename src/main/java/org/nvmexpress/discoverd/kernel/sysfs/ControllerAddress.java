package org.nvmexpress.discoverd.kernel.sysfs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The sysfs {@code address} attribute of a fabrics controller, split into its fields. The kernel
 * writes {@code traddr=…,trsvcid=…,host_traddr=…,host_iface=…} from the connect options it was
 * given (only the options that were given), and kernel 6.1+ TCP appends the source address the
 * socket actually uses as {@code src_addr=…}. FC prints
 * {@code traddr=nn-0x…:pn-0x…,host_traddr=nn-0x…:pn-0x…}.
 *
 * <p>Values are kept as the kernel printed them: comparing them is the matcher's job
 * ({@link ConnectionIdentityMatcher}). Each field is {@code null} when absent; an empty value
 * ({@code host_iface=}) counts as absent, as upstream reads it (reference §4.3).
 *
 * @param traddr     the controller's address, as given to connect
 * @param trsvcid    the controller's service id (port)
 * @param hostTraddr the host address the connection was pinned to; only present when pinned
 * @param hostIface  the host interface the connection was pinned to; only present when pinned
 * @param srcAddr    the source address of a live TCP connection (kernel 6.1+), whether pinned or not
 * @param others     keys this code does not know, in the kernel's order, kept for logs
 */
public record ControllerAddress(String traddr, String trsvcid, String hostTraddr, String hostIface, String srcAddr,
        Map<String, String> others) {

    /** No attribute, or nothing usable in it. */
    public static final ControllerAddress EMPTY = new ControllerAddress(null, null, null, null, null, Map.of());

    public ControllerAddress {
        Objects.requireNonNull(others, "others");
        others = Collections.unmodifiableMap(new LinkedHashMap<>(others));
    }

    /** True when no field at all is present. */
    public boolean isEmpty() {
        return traddr == null && trsvcid == null && hostTraddr == null && hostIface == null && srcAddr == null
                && others.isEmpty();
    }

    /**
     * Splits {@code text} at each {@code ,} into {@code key=value} pairs (at the first {@code =}).
     * Not a substring search: {@code host_traddr=} can never be mistaken for {@code traddr=}.
     * Tokens without {@code =}, empty keys and repeated keys are reported and skipped (the first
     * occurrence of a key wins); empty values are absent.
     */
    public static Parsed parse(String text) {
        Objects.requireNonNull(text, "text");
        Map<String, String> pairs = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        if (text.isEmpty()) {
            return new Parsed(EMPTY, problems);
        }
        String[] tokens = text.split(",", -1);
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            int eq = token.indexOf('=');
            if (eq <= 0) {
                problems.add("field " + (i + 1) + " '" + token + "' is not key=value, skipped");
            } else if (pairs.containsKey(token.substring(0, eq))) {
                problems.add("field " + (i + 1) + " repeats key '" + token.substring(0, eq) + "', skipped");
            } else {
                pairs.put(token.substring(0, eq), token.substring(eq + 1));
            }
        }
        pairs.values().removeIf(String::isEmpty);
        String traddr = pairs.remove("traddr");
        String trsvcid = pairs.remove("trsvcid");
        String hostTraddr = pairs.remove("host_traddr");
        String hostIface = pairs.remove("host_iface");
        String srcAddr = pairs.remove("src_addr");
        return new Parsed(new ControllerAddress(traddr, trsvcid, hostTraddr, hostIface, srcAddr, pairs), problems);
    }

    /**
     * A parsed address and what was wrong with the text.
     *
     * @param address  the fields that could be read
     * @param problems one message per skipped token, naming its position and text
     */
    public record Parsed(ControllerAddress address, List<String> problems) {
        public Parsed {
            Objects.requireNonNull(address, "address");
            problems = List.copyOf(problems);
        }
    }
}
