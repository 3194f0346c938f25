package org.nvmexpress.discoverd.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.nvmexpress.discoverd.config.DaemonConfigKey.Section;
import org.nvmexpress.discoverd.ini.CappedDiagnostics;
import org.nvmexpress.discoverd.ini.Diagnostic;
import org.nvmexpress.discoverd.ini.IniDocument;
import org.nvmexpress.discoverd.ini.IniLine;
import org.nvmexpress.discoverd.ini.IniReadException;
import org.nvmexpress.discoverd.ini.IniReader;

/**
 * Reads {@code nvme-discoverd.conf} in upstream's current layout, and in the older one (reference
 * §8.1) with warnings. This file never stops the daemon: whatever is wrong with a line is reported and
 * the line skipped, and what is missing or skipped keeps its value from {@link DaemonConfig#DEFAULTS}
 * (or from an earlier line of the same key: the last valid line wins).
 *
 * <p>Where keys belong: {@code [Global]} holds {@code nbft}, {@code debug-level} and this daemon's
 * own keys; {@code [Discovery]} holds {@code epcsd-poll-interval-minutes},
 * {@code fc-kickstart-interval-minutes} and {@code dc-giveup-timeout}. Section names are
 * case-sensitive.
 *
 * <ul>
 * <li>The older layout, still applied with a warning: the three {@code [Discovery]} keys in
 * {@code [Global]} ({@code FILE:LINE: 'K' in [Global] is deprecated: move it to [Discovery]}), and
 * {@code dc-giveup-hours = N} in {@code [Global]} ({@code FILE:LINE: 'dc-giveup-hours' is
 * deprecated: use 'dc-giveup-timeout = Nh' in [Discovery]}; {@code = infinity} for its 0). Upstream
 * ignores these now; reading them keeps a file written for the older layout meaning what it did.
 * Whenever the current key gives a setting a valid value, the old one is ignored, wherever the two
 * lines are: {@code FILE:LINE: 'K' ... is deprecated and ignored: 'K2' in [Discovery] on line M takes
 * precedence}.
 * <li>Any other key in the wrong section is ignored: {@code FILE:LINE: 'K' belongs in [S], ignored}.
 * A key before the first section, in another section, or after a malformed section header: the same
 * for a known key, {@code FILE:LINE: key outside [Global] and [Discovery], ignored} for another.
 * Other sections are accepted silently.
 * <li>{@code FILE:LINE: unknown key 'K', ignored}; {@code FILE:LINE: malformed line, ignored}.
 * <li>{@code FILE:LINE: invalid value for 'K', ignored: 'V' (expected …)}, the one kind of finding
 * that is an {@linkplain Diagnostic#isError() error}: the file does not say what its author meant.
 * An empty value is invalid for every key.
 * <li>A missing file gives the defaults without a word; a file that cannot be read as text (a
 * directory, over 1 MiB, a NUL byte, invalid UTF-8, unreadable) gives the defaults and one warning
 * {@code FILE: <why>, using defaults}.
 * </ul>
 *
 * <p>The message texts up to {@code ignored} of unknown keys, malformed lines and invalid values are
 * the C daemon's, so log searches keep working. At most {@link CappedDiagnostics#PER_FILE} findings
 * are kept, then {@code FILE: N more problems not shown}: a file of junk lines must not cost a
 * diagnostic per line.
 */
public final class DaemonConfigReader {
    /** Longest part of a value quoted in a message; a 1 MiB value should not become a log line. */
    private static final int MAX_QUOTED_CHARS = 80;

    /**
     * What a read produced.
     *
     * @param config      the settings, valid whatever the file said
     * @param diagnostics findings about the file, in file order; empty when all of it was used as it is
     */
    public record Result(DaemonConfig config, List<Diagnostic> diagnostics) {
        public Result {
            Objects.requireNonNull(config, "config");
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /** A {@code key = value} line whose key is read in the section it is in. */
    private record Use(DaemonConfigKey key, IniLine.KeyValue pair) {
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

    /**
     * The settings {@code document} makes, starting from the defaults. The lines of the older layout
     * are applied before those of the current one, so a current key wins wherever it is in the file.
     */
    static Result interpret(IniDocument document) {
        String file = document.file();
        CappedDiagnostics diagnostics = new CappedDiagnostics(file);
        List<Use> old = new ArrayList<>();
        List<Use> current = new ArrayList<>();
        Optional<Section> section = Optional.empty();
        for (IniLine line : document.lines()) {
            if (line instanceof IniLine.Section header) {
                section = Section.named(header.name());
            } else if (line instanceof IniLine.Junk junk) {
                if (junk.header()) {
                    // A malformed header ends the section it is in, as in libnvme's reader (§8.4).
                    section = Optional.empty();
                }
                diagnostics.add(Diagnostic.warning(file, line.line(), "malformed line, ignored"));
            } else if (line instanceof IniLine.KeyValue pair) {
                classify(pair, section, file, old, current, diagnostics);
            }
        }
        DaemonConfig config = DaemonConfig.DEFAULTS;
        List<Use> oldApplied = new ArrayList<>();
        for (Use use : old) {
            Optional<DaemonConfig> changed = apply(config, use, file, diagnostics);
            if (changed.isPresent()) {
                config = changed.get();
                oldApplied.add(use);
            }
        }
        Map<DaemonConfigKey, Integer> currentLine = new EnumMap<>(DaemonConfigKey.class);
        for (Use use : current) {
            Optional<DaemonConfig> changed = apply(config, use, file, diagnostics);
            if (changed.isPresent()) {
                config = changed.get();
                currentLine.put(use.key(), use.pair().line());
            }
        }
        for (Use use : oldApplied) {
            diagnostics.add(Diagnostic.warning(file, use.pair().line(),
                    deprecation(use, currentLine.get(use.key().current()))));
        }
        return new Result(config, diagnostics.toList()); // in line order; one line's findings keep theirs
    }

    /** Files {@code pair} under the current or the older layout, or reports why it is ignored. */
    private static void classify(IniLine.KeyValue pair, Optional<Section> section, String file, List<Use> old,
            List<Use> current, CappedDiagnostics diagnostics) {
        Optional<DaemonConfigKey> named = DaemonConfigKey.named(pair.key());
        if (named.isEmpty()) {
            diagnostics.add(Diagnostic.warning(file, pair.line(), section.isPresent()
                    ? "unknown key " + quoted(pair.key()) + ", ignored"
                    : "key outside [Global] and [Discovery], ignored"));
            return;
        }
        DaemonConfigKey key = named.get();
        if (section.isPresent() && section.get() == Section.GLOBAL
                && (key.deprecated() || key.section == Section.DISCOVERY)) {
            old.add(new Use(key, pair));
        } else if (section.isPresent() && section.get() == key.section && !key.deprecated()) {
            current.add(new Use(key, pair));
        } else {
            diagnostics.add(Diagnostic.warning(file, pair.line(), quoted(key.configName) + " belongs in "
                    + key.section.bracketed() + ", ignored" + (key.deprecated()
                            ? " (and is deprecated: use " + quoted(key.current().configName) + " in "
                                    + key.current().section.bracketed() + ")"
                            : "")));
        }
    }

    /** The config with {@code use} applied, or empty after reporting its invalid value. */
    private static Optional<DaemonConfig> apply(DaemonConfig config, Use use, String file,
            CappedDiagnostics diagnostics) {
        String value = use.pair().value();
        Optional<DaemonConfig> changed = use.key().apply(config, value);
        if (changed.isEmpty()) {
            diagnostics.add(Diagnostic.error(file, use.pair().line(), "invalid value for "
                    + quoted(use.pair().key()) + ", ignored: " + quoted(value) + " (" + use.key().expected(value)
                    + ")"));
        }
        return changed;
    }

    /** The warning for a line of the older layout that was applied; {@code winner} is the current key's line. */
    private static String deprecation(Use use, Integer winner) {
        DaemonConfigKey key = use.key();
        DaemonConfigKey replacement = key.current();
        String subject = key.deprecated() ? quoted(key.configName) : quoted(key.configName) + " in [Global]";
        if (winner != null) {
            return subject + " is deprecated and ignored: " + quoted(replacement.configName) + " in "
                    + replacement.section.bracketed() + " on line " + winner + " takes precedence";
        }
        if (key.deprecated()) {
            long hours = ValueSyntax.parseUnsigned(use.pair().value()).orElseThrow(); // valid: it was applied
            return subject + " is deprecated: use " + quoted(replacement.configName + " = "
                    + DaemonConfigKey.giveUpTimeoutSpelling(hours)) + " in " + replacement.section.bracketed();
        }
        return subject + " is deprecated: move it to " + key.section.bracketed();
    }

    /**
     * {@code text} in single quotes for a log line: control characters as {@code \xNN} so a value
     * cannot forge a line or a terminal sequence, and cut after {@link #MAX_QUOTED_CHARS}.
     */
    static String quoted(String text) {
        return QuotedText.of(text, MAX_QUOTED_CHARS);
    }
}
