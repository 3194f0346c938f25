package org.nvmexpress.discoverd.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import org.nvmexpress.discoverd.ini.CappedDiagnostics;
import org.nvmexpress.discoverd.ini.Diagnostic;
import org.nvmexpress.discoverd.ini.IniDocument;
import org.nvmexpress.discoverd.ini.IniLine;
import org.nvmexpress.discoverd.ini.IniReadException;
import org.nvmexpress.discoverd.ini.IniReader;

/**
 * Reads {@code nvme-discoverd.conf} (reference §8.1). This file is never fatal: whatever is wrong
 * with it is reported as a warning and skipped, and what is missing or skipped keeps its value from
 * {@link DaemonConfig#DEFAULTS} (or from an earlier line of the same key: the last valid line wins).
 *
 * <ul>
 * <li>A missing file gives the defaults without a word; a file that cannot be read as text
 * (a directory, over 1 MiB, a NUL byte, invalid UTF-8, unreadable) gives the defaults and one
 * warning {@code FILE: <why>, using defaults}.
 * <li>Only {@code [Global]} (case-sensitive) holds keys. Other sections are accepted silently, but
 * each key in them, or before the first section, or after a malformed section header, is reported
 * as {@code FILE:LINE: key outside [Global], ignored}.
 * <li>{@code FILE:LINE: unknown key 'K', ignored}; {@code FILE:LINE: malformed line, ignored};
 * {@code FILE:LINE: invalid value for 'K', ignored: 'V' (expected …)}. An empty value is invalid
 * for every key.
 * </ul>
 *
 * <p>The message texts up to {@code ignored} are the C daemon's, so log searches keep working.
 * At most {@link CappedDiagnostics#PER_FILE} warnings are kept, then {@code FILE: N more problems
 * not shown}: a file of junk lines must not cost a diagnostic per line.
 */
public final class DaemonConfigReader {
    /** Longest part of a value quoted in a warning; a 1 MiB value should not become a log line. */
    private static final int MAX_QUOTED_CHARS = 80;

    /**
     * What a read produced.
     *
     * @param config      the settings, valid whatever the file said
     * @param diagnostics warnings about the file, in file order, capped as the class says; empty when
     *                    all of it was used
     */
    public record Result(DaemonConfig config, List<Diagnostic> diagnostics) {
        public Result {
            Objects.requireNonNull(config, "config");
            diagnostics = List.copyOf(diagnostics);
        }
    }

    private DaemonConfigReader() {
    }

    /**
     * Reads the file at {@code path}, naming it {@code displayName} in diagnostics. Never throws for
     * anything about the file or its content.
     */
    public static Result read(Path path, String displayName) {
        IniDocument document;
        try {
            document = IniReader.read(path, displayName);
        } catch (IniReadException e) {
            if (e.reason() == IniReadException.Reason.MISSING) {
                return new Result(DaemonConfig.DEFAULTS, List.of());
            }
            Diagnostic cause = e.diagnostic();
            return new Result(DaemonConfig.DEFAULTS, List.of(Diagnostic.warning(displayName, cause.line(),
                    cause.message() + ", using defaults")));
        }
        return interpret(document);
    }

    /** The settings {@code document} makes, starting from the defaults. */
    static Result interpret(IniDocument document) {
        String file = document.file();
        DaemonConfig config = DaemonConfig.DEFAULTS;
        CappedDiagnostics diagnostics = new CappedDiagnostics(file);
        boolean inGlobal = false;
        for (IniLine line : document.lines()) {
            if (line instanceof IniLine.Section section) {
                inGlobal = section.name().equals("Global");
            } else if (line instanceof IniLine.Junk junk) {
                if (junk.header()) {
                    // A malformed header ends the section it is in, as in libnvme's reader (§8.4).
                    inGlobal = false;
                }
                diagnostics.add(Diagnostic.warning(file, line.line(), "malformed line, ignored"));
            } else if (line instanceof IniLine.KeyValue pair) {
                if (inGlobal) {
                    config = apply(config, pair, file, diagnostics);
                } else {
                    diagnostics.add(Diagnostic.warning(file, line.line(), "key outside [Global], ignored"));
                }
            }
        }
        return new Result(config, diagnostics.toList());
    }

    private static DaemonConfig apply(DaemonConfig config, IniLine.KeyValue pair, String file,
            CappedDiagnostics diagnostics) {
        Optional<Key> key = Key.named(pair.key());
        if (key.isEmpty()) {
            diagnostics.add(Diagnostic.warning(file, pair.line(), "unknown key " + quoted(pair.key()) + ", ignored"));
            return config;
        }
        Optional<DaemonConfig> changed = key.get().parser.apply(config, pair.value());
        if (changed.isEmpty()) {
            diagnostics.add(Diagnostic.warning(file, pair.line(), "invalid value for " + quoted(pair.key())
                    + ", ignored: " + quoted(pair.value()) + " (" + key.get().expected + ")"));
            return config;
        }
        return changed.get();
    }

    /**
     * {@code text} in single quotes for a log line: control characters as {@code \xNN} so a value
     * cannot forge a line or a terminal sequence, and cut after {@link #MAX_QUOTED_CHARS}.
     */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder("'");
        int shown = Math.min(text.length(), MAX_QUOTED_CHARS);
        if (shown < text.length() && Character.isHighSurrogate(text.charAt(shown - 1))) {
            shown--; // never cut a character in half
        }
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('\'');
        if (shown < text.length()) {
            out.append("... (").append(text.length()).append(" characters)");
        }
        return out.toString();
    }

    /** The keys of {@code [Global]}: name, what a valid value looks like, and what it changes. */
    private enum Key {
        NBFT("nbft", "expected one of 1 yes y true t on 0 no n false f off",
                (c, v) -> ValueSyntax.parseBool(v).map(c::withNbft)),
        DEBUG_LEVEL("debug-level", "expected err, warn, info or debug",
                (c, v) -> LogLevel.fromConfigName(v).map(c::withDebugLevel)),
        FC_KICKSTART_INTERVAL("fc-kickstart-interval-minutes", "expected a whole number of minutes, 0 for off",
                (c, v) -> ValueSyntax.parseUnsigned(v).map(c::withFcKickstartIntervalMinutes)),
        EPCSD_POLL_INTERVAL("epcsd-poll-interval-minutes", "expected a whole number of minutes, at least 1",
                (c, v) -> ValueSyntax.parseUnsigned(v)
                        .filter(n -> n >= DaemonConfig.MIN_EPCSD_POLL_INTERVAL_MINUTES)
                        .map(c::withEpcsdPollIntervalMinutes)),
        DC_GIVEUP("dc-giveup-hours", "expected a whole number of hours, 0 for never",
                (c, v) -> ValueSyntax.parseUnsigned(v).map(c::withDcGiveupHours)),
        CONNECTOR("connector", "expected auto, nvme-cli or builtin",
                (c, v) -> Connector.fromConfigName(v).map(c::withConnector)),
        NVME_PATH("nvme-path", "expected an absolute path, starting with /",
                (c, v) -> Optional.of(v).filter(DaemonConfig::isValidNvmePath).map(c::withNvmePath)),
        UEVENT_SOURCE("uevent-source", "expected udev or kernel",
                (c, v) -> UeventGroup.fromConfigName(v).map(c::withUeventSource)),
        MAX_PENDING_UNITS("max-pending-units",
                "expected a whole number from 1 to " + DaemonConfig.MAX_PENDING_UNITS_LIMIT,
                (c, v) -> ValueSyntax.parseUnsigned(v)
                        .filter(n -> n >= 1 && n <= DaemonConfig.MAX_PENDING_UNITS_LIMIT)
                        .map(c::withMaxPendingUnits)),
        DISCONNECT_TIMEOUT("disconnect-timeout-sec", "expected a whole number of seconds, at least 1",
                (c, v) -> ValueSyntax.parseUnsigned(v).filter(n -> n >= 1).map(c::withDisconnectTimeoutSec));

        final String configName;
        final String expected;
        /** The config with this key set to the value, or empty when the value is invalid. */
        final BiFunction<DaemonConfig, String, Optional<DaemonConfig>> parser;

        Key(String configName, String expected, BiFunction<DaemonConfig, String, Optional<DaemonConfig>> parser) {
            this.configName = configName;
            this.expected = expected;
            this.parser = parser;
        }

        static Optional<Key> named(String configName) {
            for (Key key : values()) {
                if (key.configName.equals(configName)) {
                    return Optional.of(key);
                }
            }
            return Optional.empty();
        }
    }
}
