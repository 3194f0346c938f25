package org.nvmexpress.discoverd.config;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nvmexpress.discoverd.ini.CappedDiagnostics;
import org.nvmexpress.discoverd.ini.Diagnostic;
import org.nvmexpress.discoverd.tid.CWhitespace;
import org.nvmexpress.discoverd.tid.Role;

/**
 * Reads the value of a {@code controller =} line (reference §8.4): {@code ;}-separated
 * {@code key=value} tokens, the addressing keys at most once each and never empty, {@code transport}
 * and {@code traddr} required, and otherwise only tunables (plus {@code persistent} inside a
 * {@code [Discovery Controller]}). Security keys are refused: they are bound to the host and
 * subsystem, not to one path.
 */
final class ControllerLineParser {
    private static final List<String> ADDRESSING = List.of("transport", "traddr", "trsvcid", "host-traddr", "host-iface");

    private ControllerLineParser() {
    }

    /** The line, or empty after adding at least one error to {@code problems}. */
    static Optional<FabricsFile.ControllerLine> parse(String file, int line, String value, Role role,
            CappedDiagnostics problems) {
        int before = problems.total();
        Map<String, String> addressing = new HashMap<>();
        Set<String> written = new HashSet<>();
        Params params = Params.EMPTY;
        // Scanned rather than split: a value of a million ';' would otherwise be a million strings.
        for (int start = 0, end; start <= value.length(); start = end + 1) {
            int semicolon = value.indexOf(';', start);
            end = semicolon < 0 ? value.length() : semicolon;
            String token = CWhitespace.trim(value.substring(start, end));
            if (token.isEmpty()) {
                continue;
            }
            int eq = token.indexOf('=');
            if (eq <= 0) {
                problems.add(error(file, line, "malformed token '" + token + "' in controller line (expected key=value)"));
                continue;
            }
            String key = CWhitespace.trim(token.substring(0, eq));
            String val = CWhitespace.trim(token.substring(eq + 1));
            if (ADDRESSING.contains(key)) {
                written.add(key);
                address(file, line, key, val, addressing, problems);
            } else {
                params = withOverride(file, line, role, key, val, params, problems);
            }
        }
        // Reported beside any other error (every error is), but not again for a key that is there
        // and already reported as empty or malformed.
        for (String required : List.of("transport", "traddr")) {
            if (!written.contains(required)) {
                problems.add(error(file, line, "controller line without " + required));
            }
        }
        if (problems.total() > before) {
            return Optional.empty();
        }
        return Optional.of(new FabricsFile.ControllerLine(line, addressing.get("transport"), addressing.get("traddr"),
                addressing.get("trsvcid"), addressing.get("host-traddr"), addressing.get("host-iface"), params));
    }

    /** Records an addressing value, or reports why it cannot be one. */
    private static void address(String file, int line, String key, String val, Map<String, String> addressing,
            CappedDiagnostics problems) {
        // Addressing values are free text (traddr may be a host name), so an inline comment would
        // pass unnoticed; parameter values fail their type check and say so there.
        if (FabricsFileParser.looksLikeInlineComment(val)) {
            problems.add(error(file, line, FabricsFileParser.inlineComment(key, val)));
        } else if (val.isEmpty()) {
            problems.add(error(file, line, "empty value for '" + key + "' in controller line"));
        } else if (addressing.putIfAbsent(key, val) != null) {
            problems.add(error(file, line, "'" + key + "' appears twice in controller line"));
        }
    }

    private static Params withOverride(String file, int line, Role role, String key, String val, Params params,
            CappedDiagnostics problems) {
        Optional<FabricsKey> known = FabricsKey.forName(key);
        if (known.isEmpty()) {
            problems.add(error(file, line, "unknown key '" + key + "' in controller line"));
            return params;
        }
        FabricsKey k = known.get();
        switch (k.keyClass()) {
            case TUNABLE:
                break;
            case DC_TUNABLE:
                if (role == Role.DC) {
                    break;
                }
                problems.add(error(file, line, "'" + key + "' is only valid for discovery controllers"));
                return params;
            case SECURITY:
                problems.add(error(file, line, "security key '" + key + "' cannot be set per path: it belongs to the"
                        + " host and subsystem; set it in the section instead"));
                return params;
            default:
                problems.add(error(file, line, "'" + key + "' is not valid in a controller line"));
                return params;
        }
        String invalid = k.checkValue(val);
        if (invalid != null) {
            problems.add(error(file, line, FabricsFileParser.invalidValue(k, val, invalid)));
            return params;
        }
        return params.with(k, val);
    }

    private static Diagnostic error(String file, int line, String message) {
        return Diagnostic.error(file, line, message);
    }
}
