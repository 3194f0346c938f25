package org.nvmexpress.discoverd.ini;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.nvmexpress.discoverd.tid.CWhitespace;

/**
 * Reads libnvme's INI dialect (reference §8.4).
 *
 * <p>The file must be a regular file of at most 1 MiB, without NUL bytes, in UTF-8. Lines are split
 * on {@code \n} and trimmed (so CRLF files read the same). A line is, in this order: blank or a
 * {@code #} comment (dropped; there are no {@code ;} comments and no inline comments); a section
 * header {@code [name]} with a non-empty trimmed name and nothing after {@code ]}; a
 * {@code key = value} pair when it contains {@code =} past its first character; otherwise junk.
 */
public final class IniReader {
    /** Largest file read, as libnvme's reader ({@code -EFBIG} above). */
    public static final int MAX_BYTES = 1 << 20;

    private IniReader() {
    }

    /** Reads {@code path}, naming it by its path in diagnostics. */
    public static IniDocument read(Path path) throws IniReadException {
        return read(path, path.toString());
    }

    /**
     * Reads {@code path}, naming it {@code displayName} in diagnostics.
     *
     * @throws IniReadException when the file is missing, not a regular file, larger than
     *                          {@link #MAX_BYTES}, unreadable, or has a NUL byte or invalid UTF-8
     */
    public static IniDocument read(Path path, String displayName) throws IniReadException {
        return read(path, displayName, new ReadBudget(MAX_BYTES));
    }

    /**
     * Reads {@code path} as {@link #read(Path, String)} does, and takes its bytes from {@code budget}:
     * a file larger than what is left is refused ({@link IniReadException.Reason#TOO_LARGE}) and
     * takes nothing.
     */
    public static IniDocument read(Path path, String displayName, ReadBudget budget) throws IniReadException {
        byte[] bytes = readBounded(path, displayName, budget);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw failure(IniReadException.Reason.NUL_BYTE, displayName, lineOf(bytes, i),
                        "contains a NUL byte (at byte offset " + i + ")");
            }
        }
        return parse(displayName, decode(bytes, displayName));
    }

    /** Splits text already in memory into lines (no file checks). */
    public static IniDocument parse(String file, String text) {
        List<IniLine> lines = new ArrayList<>();
        // Scanned rather than split, so only the meaningful lines are ever held as strings.
        int number = 1;
        for (int start = 0, end; start <= text.length(); start = end + 1, number++) {
            int newline = text.indexOf('\n', start);
            end = newline < 0 ? text.length() : newline;
            IniLine line = classify(number, CWhitespace.trim(text.substring(start, end)));
            if (line != null) {
                lines.add(line);
            }
        }
        return new IniDocument(file, lines);
    }

    private static IniLine classify(int number, String line) {
        if (line.isEmpty() || line.startsWith("#")) {
            return null;
        }
        if (line.startsWith("[")) {
            int close = line.indexOf(']');
            if (close < 0 || close != line.length() - 1) {
                return new IniLine.Junk(number, line, true);
            }
            String name = CWhitespace.trim(line.substring(1, close));
            return name.isEmpty() ? new IniLine.Junk(number, line, true) : new IniLine.Section(number, name);
        }
        int eq = line.indexOf('=');
        if (eq > 0) {
            return new IniLine.KeyValue(number, CWhitespace.trim(line.substring(0, eq)),
                    CWhitespace.trim(line.substring(eq + 1)));
        }
        return new IniLine.Junk(number, line, false);
    }

    private static byte[] readBounded(Path path, String name, ReadBudget budget) throws IniReadException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw failure(IniReadException.Reason.MISSING, name, 0, "no such file");
        } catch (IOException e) {
            throw failure(IniReadException.Reason.UNREADABLE, name, 0, "cannot read: " + describe(e));
        }
        if (attributes.isDirectory()) {
            throw failure(IniReadException.Reason.NOT_REGULAR_FILE, name, 0, "is a directory, not a file");
        }
        if (!attributes.isRegularFile()) {
            throw failure(IniReadException.Reason.NOT_REGULAR_FILE, name, 0, "is not a regular file");
        }
        // The size can change between the stat and the read: read at most one byte past the cap.
        int cap = (int) Math.min(MAX_BYTES, budget.remainingBytes());
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes(cap + 1);
            if (bytes.length > MAX_BYTES) {
                throw failure(IniReadException.Reason.TOO_LARGE, name, 0,
                        "larger than the 1 MiB limit (" + Math.max(attributes.size(), bytes.length) + " bytes)");
            }
            if (bytes.length > cap) {
                throw failure(IniReadException.Reason.TOO_LARGE, name, 0, "not read: the files read with it are"
                        + " limited to " + describeSize(budget.totalBytes()) + " together, and only "
                        + budget.remainingBytes() + " bytes were left (the file has "
                        + Math.max(attributes.size(), bytes.length) + ")");
            }
            budget.spend(bytes.length);
            return bytes;
        } catch (AccessDeniedException e) {
            throw failure(IniReadException.Reason.UNREADABLE, name, 0, "cannot read: permission denied");
        } catch (IOException e) {
            throw failure(IniReadException.Reason.UNREADABLE, name, 0, "cannot read: " + describe(e));
        }
    }

    private static String decode(byte[] bytes, String name) throws IniReadException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            CharBuffer out = decoder.decode(in);
            return out.toString();
        } catch (CharacterCodingException e) {
            int offset = firstInvalidUtf8(bytes);
            throw failure(IniReadException.Reason.NOT_UTF8, name, lineOf(bytes, offset),
                    "not valid UTF-8 (at byte offset " + offset + ")");
        }
    }

    /** Offset of the first byte that does not start a valid UTF-8 sequence. */
    private static int firstInvalidUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }

    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String describeSize(long bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static IniReadException failure(IniReadException.Reason reason, String file, int line, String message) {
        return new IniReadException(reason, Diagnostic.error(file, line, message));
    }
}
