package org.nvmexpress.discoverd.kernel.uevent;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds uevent datagrams byte by byte, in both wire formats, for tests that play the kernel or
 * udevd. The libudev header is written from the documented offsets, not from the decoder's code.
 */
final class UeventBytes {
    static final int HEADER_BYTES = 40;

    private UeventBytes() {
    }

    /** {@code KEY=VALUE\0} for each entry, as given (no NUL added inside an entry). */
    static byte[] nulstr(String... entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String entry : entries) {
            out.writeBytes(entry.getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        return out.toByteArray();
    }

    /** The four properties every uevent has, then {@code extra}. */
    static String[] standard(String action, String devpath, String subsystem, long seqnum, String... extra) {
        List<String> all = new ArrayList<>(List.of("ACTION=" + action, "DEVPATH=" + devpath,
                "SUBSYSTEM=" + subsystem, "SEQNUM=" + seqnum));
        all.addAll(List.of(extra));
        return all.toArray(String[]::new);
    }

    /** A kernel-format datagram: {@code ACTION@DEVPATH\0} and the standard properties plus {@code extra}. */
    static byte[] kernel(String action, String devpath, String subsystem, long seqnum, String... extra) {
        return concat(nulstr(action + "@" + devpath), nulstr(standard(action, devpath, subsystem, seqnum, extra)));
    }

    /** A libudev-format datagram carrying the standard properties plus {@code extra}. */
    static byte[] libudev(String action, String devpath, String subsystem, long seqnum, String... extra) {
        return libudev(nulstr(standard(action, devpath, subsystem, seqnum, extra)));
    }

    /** A libudev header (40 bytes, properties right after it) followed by {@code properties}. */
    static byte[] libudev(byte[] properties) {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        header.put("libudev\0".getBytes(StandardCharsets.US_ASCII));
        header.order(ByteOrder.BIG_ENDIAN).putInt(8, 0xfeedcafe);
        header.order(ByteOrder.nativeOrder()).putInt(12, HEADER_BYTES).putInt(16, HEADER_BYTES)
                .putInt(20, properties.length);
        header.order(ByteOrder.BIG_ENDIAN).putInt(24, 0x1234abcd).putInt(28, 0).putInt(32, 0).putInt(36, 0);
        return concat(header.array(), properties);
    }

    /** {@code message} with the u32 at {@code offset} replaced, in the sender's (native) order. */
    static byte[] withNativeInt(byte[] message, int offset, int value) {
        byte[] copy = message.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.nativeOrder()).putInt(offset, value);
        return copy;
    }

    /** {@code message} with the u32 at {@code offset} replaced, in network order. */
    static byte[] withNetworkInt(byte[] message, int offset, int value) {
        byte[] copy = message.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.BIG_ENDIAN).putInt(offset, value);
        return copy;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
