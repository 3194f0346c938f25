package org.nvmexpress.discoverd.exclusion;

import java.util.Objects;
import java.util.Optional;
import org.nvmexpress.discoverd.tid.InvalidTransportIdException;
import org.nvmexpress.discoverd.tid.NumericAddress;
import org.nvmexpress.discoverd.tid.TidField;
import org.nvmexpress.discoverd.tid.TidParser;
import org.nvmexpress.discoverd.tid.TransportId;

/**
 * One valid exclusion entry: a TID in its {@code key=value;...} form that parses strictly and sets
 * at least one field (reference §11.3-§11.4). An entry that sets nothing would exclude every
 * connection, so it is invalid rather than universal: a typo never excludes everything.
 *
 * @param text the entry as written in the file (trimmed)
 * @param tid  {@code text} parsed strictly; addresses are canonicalised only when the entry names
 *             its own transport (§12.3), otherwise kept verbatim
 */
public record ExclusionEntry(String text, TransportId tid) {

    public ExclusionEntry {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(tid, "tid");
        if (tid.isEmpty()) {
            throw new IllegalArgumentException("exclusion entry sets no field: '" + text + "'");
        }
    }

    /**
     * Parses an entry strictly.
     *
     * @throws IllegalArgumentException naming the entry and what is wrong with it
     */
    public static ExclusionEntry parse(String text) {
        Objects.requireNonNull(text, "text");
        Optional<String> problem = problemOf(text);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("invalid exclusion entry '" + printable(text) + "': " + problem.get());
        }
        return new ExclusionEntry(text, TidParser.strict(text));
    }

    /** The entry, or empty when it is invalid: what the fail-safe readers use. */
    static Optional<ExclusionEntry> tryParse(String text) {
        return problemOf(text).isPresent() ? Optional.empty() : Optional.of(new ExclusionEntry(text, TidParser.strict(text)));
    }

    /** Why {@code text} is not a valid entry, or empty when it is one. */
    static Optional<String> problemOf(String text) {
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return Optional.of("contains a line break");
        }
        if (text.indexOf('\0') >= 0) {
            return Optional.of("contains a NUL character");
        }
        try {
            if (TidParser.strict(text).isEmpty()) {
                return Optional.of("no field set (keys: transport traddr trsvcid nqn host-traddr host-iface hostnqn hostid)");
            }
            return Optional.empty();
        } catch (InvalidTransportIdException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Whether {@code connection} is excluded by this entry (reference §11.5): every field the entry
     * sets must be present in the connection and equal; fields the entry leaves out are not looked
     * at. {@code traddr} and {@code host-traddr} compare case-insensitively when the connection's
     * transport is {@code fc}, and otherwise as numeric addresses when both parse as one (scope
     * ignored, IPv4 equal to its IPv4-mapped IPv6 form) or as identical strings. Everything else is
     * exact.
     */
    public boolean matches(TransportId connection) {
        for (TidField field : TidField.values()) {
            String wanted = field.get(tid);
            if (wanted == null) {
                continue;
            }
            String actual = field.get(connection);
            if (actual == null || !same(field, wanted, actual, connection.transport())) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(TidField field, String wanted, String actual, String connectionTransport) {
        if (field != TidField.TRADDR && field != TidField.HOST_TRADDR) {
            return wanted.equals(actual);
        }
        if ("fc".equals(connectionTransport)) {
            return asciiEqualsIgnoreCase(wanted, actual);
        }
        if (wanted.equals(actual)) {
            return true;
        }
        Optional<NumericAddress> a = NumericAddress.parse(wanted);
        Optional<NumericAddress> b = NumericAddress.parse(actual);
        return a.isPresent() && b.isPresent() && a.get().sameAddress(b.get());
    }

    /** {@code strcasecmp} in the C locale: only ASCII letters fold, as FC WWNs are ASCII hex. */
    private static boolean asciiEqualsIgnoreCase(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            if (asciiLower(a.charAt(i)) != asciiLower(b.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** {@code text} with line breaks and NULs escaped, so a message stays on one line. */
    static String printable(String text) {
        return text.replace("\n", "\\n").replace("\r", "\\r").replace("\0", "\\0");
    }

    @Override
    public String toString() {
        return text;
    }
}
