package org.nvmexpress.discoverd.exclusion;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.nvmexpress.discoverd.ini.CappedDiagnostics;
import org.nvmexpress.discoverd.ini.Diagnostic;
import org.nvmexpress.discoverd.tid.CWhitespace;

/**
 * The content of one exclusion-list file, split into classified lines (reference §11.2), and the
 * edits the writers make to it. Edits work on the original bytes, so every line an edit does not
 * touch is copied byte for byte, whatever its encoding.
 *
 * <p>Why not {@code ini.IniReader}: this format classifies differently, and nvme-cli decides what
 * an entry is by these rules. Text after {@code ]} is ignored here ({@code [exclusions] x} opens
 * the section) but makes a junk line there; {@code [ ]} is a (foreign) section here, junk there;
 * a line without {@code =} is ignored here, junk there. The writers also need every line with its
 * byte range, comments and blank lines included, which {@code IniReader} drops; and a list with
 * invalid UTF-8 must still be matched, where {@code IniReader} refuses the file.
 */
final class ListText {
    private static final String SECTION = "exclusions";
    private static final String KEY = "exclusion";

    private final byte[] bytes;
    private final List<ListLine> lines;
    private final boolean endsInExclusions;

    private ListText(byte[] bytes, List<ListLine> lines, boolean endsInExclusions) {
        this.bytes = bytes;
        this.lines = List.copyOf(lines);
        this.endsInExclusions = endsInExclusions;
    }

    /** The header of a new list (§11.2): its name, the format, the keys, a blank line, the section. */
    static String header(ListName name) {
        return "# nvme exclusion list: " + name.display() + "\n"
                + "# Format: exclusion = key=value;key=value;...  (a connection matching every field of an entry is not auto-connected)\n"
                + "# Keys: transport traddr trsvcid nqn host-traddr host-iface hostnqn hostid\n"
                + "\n"
                + "[" + SECTION + "]\n";
    }

    static ListText parse(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Splits {@code content} at each {@code \n} and classifies every line. */
    static ListText parse(byte[] content) {
        List<ListLine> lines = new ArrayList<>();
        boolean inExclusions = false;
        int start = 0;
        int number = 1;
        while (start < content.length) {
            int newline = indexOf(content, (byte) '\n', start);
            int textEnd = newline < 0 ? content.length : newline;
            int end = newline < 0 ? content.length : newline + 1;
            String text = new String(content, start, textEnd - start, StandardCharsets.UTF_8);
            ListLine line = classify(number++, text, inExclusions, start, end);
            if (line.kind() == ListLine.Kind.SECTION || line.kind() == ListLine.Kind.MALFORMED_HEADER) {
                inExclusions = line.inExclusions();
            }
            lines.add(line);
            start = end;
        }
        return new ListText(content.clone(), lines, inExclusions);
    }

    private static ListLine classify(int number, String text, boolean inExclusions, int start, int end) {
        String line = CWhitespace.trim(text);
        if (line.isEmpty() || line.startsWith("#")) {
            return new ListLine(number, ListLine.Kind.BLANK_OR_COMMENT, text, "", inExclusions, start, end);
        }
        if (line.startsWith("[")) {
            int close = line.indexOf(']');
            if (close < 0) {
                return new ListLine(number, ListLine.Kind.MALFORMED_HEADER, text, "", false, start, end);
            }
            String name = CWhitespace.trim(line.substring(1, close));
            return new ListLine(number, ListLine.Kind.SECTION, text, name, name.equals(SECTION), start, end);
        }
        int eq = line.indexOf('=');
        if (eq < 0 || !CWhitespace.trim(line.substring(0, eq)).equals(KEY)) {
            return new ListLine(number, ListLine.Kind.FOREIGN, text, "", inExclusions, start, end);
        }
        ListLine.Kind kind = inExclusions ? ListLine.Kind.ENTRY : ListLine.Kind.STRAY;
        return new ListLine(number, kind, text, CWhitespace.trim(line.substring(eq + 1)), inExclusions, start, end);
    }

    List<ListLine> lines() {
        return lines;
    }

    /** The {@code exclusion = ...} lines inside {@code [exclusions]}, valid or not, in file order. */
    List<ListLine> entryLines() {
        return lines.stream().filter(l -> l.kind() == ListLine.Kind.ENTRY).toList();
    }

    /**
     * {@link #check(String, Consumer)}'s findings, the first {@link CappedDiagnostics#PER_FILE} of
     * them, then {@code FILE: N more problems not shown}.
     */
    List<Diagnostic> check(String file) {
        CappedDiagnostics findings = new CappedDiagnostics(file);
        check(file, findings::add);
        return findings.toList();
    }

    /**
     * What a strict writer refuses (errors: a malformed header, an entry outside
     * {@code [exclusions]}, an invalid entry) and what a reader would silently ignore inside the
     * section (warnings), one diagnostic per line, in line order, each handed to {@code findings}
     * as it is found: the caller decides how many to keep.
     */
    void check(String file, Consumer<Diagnostic> findings) {
        for (ListLine line : lines) {
            String trimmed = ExclusionEntry.printable(CWhitespace.trim(line.text()));
            switch (line.kind()) {
                case MALFORMED_HEADER -> findings.accept(Diagnostic.error(file, line.number(),
                        "malformed section header '" + trimmed + "': no closing ']'"));
                case STRAY -> findings.accept(Diagnostic.error(file, line.number(),
                        "entry outside the [exclusions] section: '" + trimmed + "'"));
                case ENTRY -> ExclusionEntry.problemOf(line.value()).ifPresent(problem -> findings.accept(
                        Diagnostic.error(file, line.number(), "invalid entry '" + ExclusionEntry.printable(line.value())
                                + "': " + problem)));
                case FOREIGN -> {
                    if (line.inExclusions()) {
                        findings.accept(Diagnostic.warning(file, line.number(),
                                "ignored: not an 'exclusion = ENTRY' line: '" + trimmed + "'"));
                    }
                }
                default -> {
                }
            }
        }
    }

    /**
     * This content with {@code exclusion = entry} appended (§11.6): a missing final line break is
     * supplied first, and a blank line plus {@code [exclusions]} when the file does not end inside
     * that section, so the new entry is always read as an entry.
     */
    byte[] withEntry(String entry) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + entry.length() + 32);
        out.writeBytes(bytes);
        if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
            out.write('\n');
        }
        if (!endsInExclusions) {
            out.writeBytes(("\n[" + SECTION + "]\n").getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes((KEY + " = " + entry + "\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** This content without the first entry line whose value is {@code entry}; empty if none is. */
    Optional<byte[]> withoutEntry(String entry) {
        for (ListLine line : entryLines()) {
            if (line.value().equals(entry)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
                out.write(bytes, 0, line.start());
                out.write(bytes, line.end(), bytes.length - line.end());
                return Optional.of(out.toByteArray());
            }
        }
        return Optional.empty();
    }

    private static int indexOf(byte[] content, byte b, int from) {
        for (int i = from; i < content.length; i++) {
            if (content[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
