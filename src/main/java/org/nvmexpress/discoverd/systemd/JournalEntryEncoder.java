package org.nvmexpress.discoverd.systemd;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Encodes a journal entry in journald's native protocol (systemd's "Native Journal Protocol"): one
 * datagram holding each field as {@code NAME=value\n}, or, when the value contains a line break,
 * as {@code NAME\n}, the value's length as a 64-bit little-endian integer, the value and {@code \n}.
 *
 * <p>Size: sd-journal passes an entry too big for one datagram through a memfd. We cap each value
 * at {@link #MAX_VALUE_BYTES} instead, cutting at a character boundary and saying how much was
 * cut; a few fields stay far below the default unix datagram limit (about 200 KiB, the socket
 * send buffer), and a log message over 64 KiB is a bug to be cut short, not preserved.
 */
public final class JournalEntryEncoder {
    /** Largest value sent, in UTF-8 bytes, before the truncation note. */
    public static final int MAX_VALUE_BYTES = 64 * 1024;

    private JournalEntryEncoder() {
    }

    public static byte[] encode(List<JournalField> fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        for (JournalField field : fields) {
            byte[] name = field.name().getBytes(StandardCharsets.US_ASCII);
            byte[] value = capped(field.value());
            out.writeBytes(name);
            if (field.value().indexOf('\n') < 0) {
                out.write('=');
            } else {
                out.write('\n');
                out.writeBytes(ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(value.length).array());
            }
            out.writeBytes(value);
            out.write('\n');
        }
        return out.toByteArray();
    }

    /** The UTF-8 bytes of {@code value}, cut to {@link #MAX_VALUE_BYTES} plus a note when longer. */
    static byte[] capped(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_VALUE_BYTES) {
            return bytes;
        }
        int end = MAX_VALUE_BYTES;
        while ((bytes[end] & 0xC0) == 0x80) {
            end--; // bytes[end] continues a character: start the cut at that character's first byte
        }
        byte[] note = (" [truncated: " + bytes.length + " bytes in all]").getBytes(StandardCharsets.UTF_8);
        ByteBuffer cut = ByteBuffer.allocate(end + note.length).put(bytes, 0, end).put(note);
        return cut.array();
    }
}
