package org.nvmexpress.discoverd.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
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

    private static final Pattern INLINE_COMMENT = Pattern.compile(".*[ \t]#.*");

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

    static boolean looksLikeInlineComment(String value) {
        return INLINE_COMMENT.matcher(value).matches();
    }

    static String inlineComment(String key, String value) {
        return "inline comments are not supported: value of '" + key + "' is '" + value + "'";
    }

    /** The message for a value that failed its check; secrets are never echoed. */
    static String invalidValue(FabricsKey key, String value, String expected) {
        if (!key.isSecret() && looksLikeInlineComment(value)) {
            return inlineComment(key.configName(), value);
        }
        return "invalid value for '" + key.configName() + "': '" + key.printable(value) + "' (" + expected + ")";
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
