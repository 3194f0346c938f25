package org.nvmexpress.discoverd.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * One sysfs attribute file read as one line of text. The kernel's {@code show} handlers write at
 * most a page and end with a newline; anything else (binary bytes, embedded line breaks, a huge
 * file) is not what the kernel writes, so it is rejected with the byte offset instead of being
 * passed on into a TID or a log line.
 */
public final class AttributeText {
    /** A sysfs {@code show} handler writes into one page. */
    static final int MAX_BYTES = 4096;

    private AttributeText() {
    }

    /**
     * The content of one attribute, or why there is none.
     *
     * @param value   the text without trailing newlines; {@code null} when missing, empty or bad
     * @param problem what was wrong, {@code null} when nothing was (a missing file is not a problem)
     */
    public record Result(String value, String problem) {
        static final Result ABSENT = new Result(null, null);

        static Result problem(String message) {
            return new Result(null, message);
        }
    }

    /** Reads {@code file}; a missing file is absent without a problem. */
    public static Result read(Path file) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            return Result.ABSENT;
        } catch (IOException e) {
            return Result.problem("cannot read: " + reason(e));
        }
        return decode(bytes);
    }

    /**
     * The errno text without the path (callers name the file or the device and attribute). The JDK
     * leaves it out of some exceptions; those get the C library's text for their errno.
     */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException fse) {
            if (fse.getReason() != null) {
                return fse.getReason();
            }
            return e instanceof AccessDeniedException ? "Permission denied"
                    : e instanceof NoSuchFileException ? "No such file or directory"
                    : e instanceof NotDirectoryException ? "Not a directory"
                    : e.getClass().getSimpleName();
        }
        return String.valueOf(e.getMessage());
    }

    /**
     * Trailing {@code \n} removed; then every byte must be printable (no control characters) and
     * the whole valid UTF-8. Empty is absent.
     */
    static Result decode(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            return Result.problem("larger than " + MAX_BYTES + " bytes, not a sysfs attribute value");
        }
        int length = bytes.length;
        while (length > 0 && bytes[length - 1] == '\n') {
            length--;
        }
        for (int i = 0; i < length; i++) {
            int b = bytes[i] & 0xff;
            if (b < 0x20 || b == 0x7f) {
                return Result.problem(String.format("control character 0x%02x at byte offset %d", b, i));
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            return Result.problem("not UTF-8 at byte offset " + in.position());
        }
        decoder.flush(out);
        String text = out.flip().toString();
        return text.isEmpty() ? Result.ABSENT : new Result(text, null);
    }
}
