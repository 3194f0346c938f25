package org.nvmexpress.discoverd.tid;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads the {@code key=value;key=value} text form of a TID (reference §12.2), as found in exclusion
 * lists, on the command line and in logs.
 *
 * <p>Tokens are split on {@code ;}; keys and values are trimmed of C white space; blank tokens
 * ({@code ;;}) are ignored; a repeated key keeps its last value. The keys are exactly
 * {@code transport traddr trsvcid nqn host-traddr host-iface hostnqn hostid}; libnvme's aliases
 * ({@code subsysnqn}, {@code host_traddr}, ...) are unknown keys. The strict reader rejects an
 * unknown key, a bare token or an empty value; the lenient one skips each with a warning. An address
 * that its transport does not accept fails both.
 */
public final class TidParser {

    /** What the lenient reader produced, and what it skipped. */
    public record Lenient(TransportId tid, List<String> warnings) {
        public Lenient {
            Objects.requireNonNull(tid, "tid");
            warnings = List.copyOf(warnings);
        }
    }

    private TidParser() {
    }

    /**
     * Parses strictly: every token must be a known {@code key=value} with a non-empty value.
     *
     * @throws InvalidTransportIdException naming the offending token or address
     */
    public static TransportId strict(String text) {
        List<String> problems = new ArrayList<>();
        TransportId tid = read(text, problems, true);
        if (!problems.isEmpty()) {
            throw new InvalidTransportIdException(problems.get(0));
        }
        return tid;
    }

    /**
     * Parses leniently: bad tokens are skipped and reported; text with no usable token yields an
     * empty TID.
     *
     * @throws InvalidTransportIdException when an address is not valid for the transport
     */
    public static Lenient lenient(String text) {
        List<String> warnings = new ArrayList<>();
        TransportId tid = read(text, warnings, false);
        return new Lenient(tid, warnings);
    }

    /**
     * @param firstOnly keep only the first problem (every token is still read): strict parsing
     *                  reports only that one, and an exclusion entry of half a million bad tokens
     *                  must not become as many strings
     */
    private static TransportId read(String text, List<String> problems, boolean firstOnly) {
        if (text == null) {
            throw new InvalidTransportIdException("no TID text given");
        }
        TransportId.Builder builder = TransportId.builder();
        for (String token : text.split(";", -1)) {
            int eq = token.indexOf('=');
            if (eq < 0) {
                if (!CWhitespace.trim(token).isEmpty()) {
                    report(problems, firstOnly, "bare token without '=': '" + CWhitespace.trim(token) + "'");
                }
                continue;
            }
            String key = CWhitespace.trim(token.substring(0, eq));
            String value = CWhitespace.trim(token.substring(eq + 1));
            TidField field = TidField.forKey(key);
            if (field == null) {
                report(problems, firstOnly, "unknown key '" + key + "' in token '" + CWhitespace.trim(token) + "' (keys: "
                        + "transport traddr trsvcid nqn host-traddr host-iface hostnqn hostid)");
            } else if (value.isEmpty()) {
                report(problems, firstOnly, "empty value for key '" + key + "'");
            } else {
                builder.set(field, value);
            }
        }
        return builder.build();
    }

    private static void report(List<String> problems, boolean firstOnly, String problem) {
        if (!firstOnly || problems.isEmpty()) {
            problems.add(problem);
        }
    }
}
