package org.nvmexpress.discoverd.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.nvmexpress.discoverd.ini.Diagnostic;
import org.nvmexpress.discoverd.ini.IniDocument;
import org.nvmexpress.discoverd.ini.IniLine;
import org.nvmexpress.discoverd.tid.Role;

/**
 * Reads one fabrics configuration file into a {@link FabricsFile}, with libnvme's sections, key
 * classes, placement rules and value checks (reference §8.3-§8.5). Tier-1 problems are errors (the
 * caller rejects the file); Tier-2 problems are warnings. Every finding names file and line.
 *
 * <p>One deliberate difference: a value that fails its check because it carries an inline comment
 * gets a message that says so plainly, since libnvme's own documentation once used them.
 */
final class FabricsFileParser {
    static final String DISCOVERY_DEFAULTS = "Discovery Controller Defaults";
    static final String IO_DEFAULTS = "I/O Controller Defaults";
    static final String HOST = "Host";
    static final String DISCOVERY_CONTROLLER = "Discovery Controller";
    static final String SUBSYSTEM = "Subsystem";

    /** The file as read, and what was found wrong with it. */
    record Parsed(FabricsFile file, List<Diagnostic> diagnostics) {
        Parsed {
            Objects.requireNonNull(file, "file");
            diagnostics = List.copyOf(diagnostics);
        }

        boolean hasErrors() {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }
    }

    private FabricsFileParser() {
    }

    static Parsed parse(IniDocument doc) {
        FabricsFileBuilder b = new FabricsFileBuilder(doc.file());
        for (IniLine line : doc.lines()) {
            if (line instanceof IniLine.Section s) {
                b.enterSection(s);
            } else if (line instanceof IniLine.KeyValue kv) {
                b.keyValue(kv);
            } else if (line instanceof IniLine.Junk j) {
                b.junk(j);
            }
        }
        return b.finish();
    }

    /**
     * Whether {@code value} holds a blank (space or tab) followed by {@code #} and no line break.
     * This is exactly what the regular expression {@code .*[ \t]#.*} once matched (without DOTALL,
     * {@code .} refuses {@code \n \r U+0085 U+2028 U+2029}), decided in one pass: the expression
     * backtracked over every {@code " #"} before failing at a line break, which made a long value
     * cost time quadratic in its length. Each character is read once ({@link CharSequence} so a test
     * can count the reads).
     */
    static boolean looksLikeInlineComment(CharSequence value) {
        boolean found = false;
        boolean afterBlank = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false;
            }
            found |= afterBlank && c == '#';
            afterBlank = c == ' ' || c == '\t';
        }
        return found;
    }

    static String inlineComment(String key, String value) {
        return "inline comments are not supported: value of '" + key + "' is '" + value + "'";
    }

    /** The message for a value that failed its check; secrets are never echoed. */
    static String invalidValue(FabricsKey key, String value, String expected) {
        if (!key.isSecret() && looksLikeInlineComment(value)) {
            return inlineComment(key.configName(), value);
        }
        return "invalid value for '" + key.configName() + "': " + ValueSyntax.quotedShort(key.printable(value))
                + " (" + expected + ")";
    }

    /** Checks an identity or NQN value; {@code null} when fine. */
    static String checkIdentity(FabricsKey key, String value) {
        switch (key) {
            case NQN:
                return value.isEmpty() ? "empty nqn: a section's nqn cannot be reset" : invalidIdentity(key, value,
                        ValueSyntax.checkNqn(value));
            case HOSTNQN:
                return value.isEmpty() ? null : invalidIdentity(key, value, ValueSyntax.checkNqn(value));
            case HOSTID:
                if (value.isEmpty()) {
                    return null;
                }
                // The lenient UUID reading tolerates trailing text, but the host ID is passed to
                // nvme connect verbatim, so a comment after it must not pass.
                if (ValueSyntax.checkHostid(value) == null && looksLikeInlineComment(value)) {
                    return inlineComment(key.configName(), value);
                }
                return invalidIdentity(key, value, ValueSyntax.checkHostid(value));
            default:
                return null;
        }
    }

    private static String invalidIdentity(FabricsKey key, String value, String expected) {
        if (expected == null) {
            return null;
        }
        return looksLikeInlineComment(value) ? inlineComment(key.configName(), value)
                : "invalid " + key.configName() + " '" + value + "': " + expected;
    }

    static Optional<Role> endpointRole(String section) {
        if (DISCOVERY_CONTROLLER.equals(section)) {
            return Optional.of(Role.DC);
        }
        return SUBSYSTEM.equals(section) ? Optional.of(Role.IOC) : Optional.empty();
    }
}
