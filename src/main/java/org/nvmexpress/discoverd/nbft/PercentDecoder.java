package org.nvmexpress.discoverd.nbft;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-decoding of one URI component, strictly: the raw text holds only ASCII letters,
 * digits, the component's punctuation and escapes; every {@code %} starts two hex digits; the bytes
 * must be UTF-8; and the result may hold no space or control character (a decoded {@code %00} or
 * {@code %0A} would cut a C string or forge a log line).
 */
final class PercentDecoder {
    /** RFC 3986 {@code unreserved} punctuation, allowed in every component. */
    static final String UNRESERVED = "-._~";
    /** {@code unreserved} plus {@code sub-delims}: a host ({@code reg-name}). */
    static final String HOST = UNRESERVED + "!$&'()*+,;=";

    private PercentDecoder() {
    }

    /**
     * @param uri         the whole URI, for the error message
     * @param what        the component's name in the error message ({@code host}, {@code zone})
     * @param punctuation the characters besides ASCII letters and digits the raw text may contain
     */
    static String decode(String uri, String what, String punctuation, String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                bytes.write(escaped(uri, what, raw, i));
                i += 2;
            } else if (isAsciiLetterOrDigit(c) || punctuation.indexOf(c) >= 0) {
                bytes.write(c);
            } else {
                throw new InvalidNvmeUriException(uri, "invalid character in " + what + ": '" + c + "'");
            }
        }
        String text = utf8(uri, what, bytes.toByteArray());
        if (text.isEmpty()) {
            throw new InvalidNvmeUriException(uri, what + " is empty");
        }
        if (text.chars().anyMatch(NvmeUri::isSpaceOrControl)) {
            throw new InvalidNvmeUriException(uri, what + " has a space or control character");
        }
        return text;
    }

    /** The byte of the escape at {@code raw[at]}, which is {@code %}. */
    private static int escaped(String uri, String what, String raw, int at) {
        if (at + 2 >= raw.length() || !isAsciiHex(raw.charAt(at + 1)) || !isAsciiHex(raw.charAt(at + 2))) {
            String escape = raw.substring(at, Math.min(raw.length(), at + 3));
            throw new InvalidNvmeUriException(uri, "invalid percent-escape in " + what + ": '" + escape + "'");
        }
        return Character.digit(raw.charAt(at + 1), 16) * 16 + Character.digit(raw.charAt(at + 2), 16);
    }

    private static String utf8(String uri, String what, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            // The exception says only "Input length = 1"; the problem is the component's bytes.
            throw new InvalidNvmeUriException(uri, what + " is not UTF-8 after percent-decoding");
        }
    }

    static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isAsciiHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
