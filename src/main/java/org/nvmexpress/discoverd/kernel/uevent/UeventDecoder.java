package org.nvmexpress.discoverd.kernel.uevent;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Decodes one {@code NETLINK_KOBJECT_UEVENT} datagram, in either wire format, into a {@link Uevent}.
 * The bytes come from another process or the kernel and are hostile until proven otherwise: every
 * problem is a {@link Malformed} value naming the byte offset, never an exception.
 *
 * <p><b>Kernel format</b> (group 1): {@code ACTION@DEVPATH\0} then {@code KEY=VALUE\0} entries.
 *
 * <p><b>libudev format</b> (group 2), systemd's {@code monitor_netlink_header}, 40 bytes:
 * <pre>
 * @0  char prefix[8]              "libudev\0"
 * @8  u32  magic                  0xfeedcafe, network (big-endian) order
 * @12 u32  header_size            sender's host order; at least 40
 * @16 u32  properties_off         sender's host order; at or after the header
 * @20 u32  properties_len         sender's host order
 * @24 u32  filter_subsystem_hash  network order  \
 * @28 u32  filter_devtype_hash    network order   | for in-kernel socket filters;
 * @32 u32  filter_tag_bloom_hi    network order   | not needed to decode
 * @36 u32  filter_tag_bloom_lo    network order  /
 * </pre>
 * then {@code KEY=VALUE\0} entries at {@code properties_off}. Sender and receiver share a host, so
 * "host order" is this JVM's native order.
 *
 * <p>Both formats must carry {@code ACTION}, {@code DEVPATH} (absolute), {@code SUBSYSTEM} and a
 * decimal {@code SEQNUM}; empty entries are skipped (the kernel may pad); a duplicate key is an error,
 * since two readers could otherwise disagree on the value. Text is read as UTF-8 with replacement.
 */
public final class UeventDecoder {
    /** Longest datagram accepted, as systemd's receive buffer; the kernel's are under 4 KiB. */
    public static final int MAX_MESSAGE_BYTES = 8192;
    static final int LIBUDEV_HEADER_BYTES = 40;
    static final int LIBUDEV_MAGIC = 0xfeedcafe;
    private static final byte[] LIBUDEV_PREFIX = "libudev\0".getBytes(StandardCharsets.US_ASCII);
    private static final int MAGIC_OFFSET = 8;
    private static final int HEADER_SIZE_OFFSET = 12;
    private static final int PROPERTIES_OFF_OFFSET = 16;
    private static final int PROPERTIES_LEN_OFFSET = 20;
    /**
     * SEQNUM is a u64 in the kernel, read into a Java long: at most 19 digits, and of 19 digits at
     * most {@link Long#MAX_VALUE} (a boot would need centuries of uevents to reach it).
     */
    private static final int MAX_SEQNUM_DIGITS = 19;
    private static final String MAX_SEQNUM = Long.toString(Long.MAX_VALUE);

    /** What decoding produced. */
    public sealed interface Result {
    }

    /** A well-formed uevent. */
    public record Decoded(Uevent uevent) implements Result {
        public Decoded {
            Objects.requireNonNull(uevent, "uevent");
        }
    }

    /**
     * Bytes that are not a uevent.
     *
     * @param offset  where in the datagram the problem is
     * @param problem what is wrong, with the offending text quoted
     */
    public record Malformed(int offset, String problem) implements Result {
        public Malformed {
            Objects.requireNonNull(problem, "problem");
        }

        /** {@code byte 17: property 'X' is not KEY=VALUE}. */
        public String message() {
            return "byte " + offset + ": " + problem;
        }
    }

    private UeventDecoder() {
    }

    /** The uevent in {@code message}, or why it is not one. */
    public static Result decode(byte[] message) {
        try {
            if (message.length == 0) {
                throw new Bad(0, "empty message");
            }
            if (message.length > MAX_MESSAGE_BYTES) {
                throw new Bad(MAX_MESSAGE_BYTES, "longer than " + MAX_MESSAGE_BYTES + " bytes");
            }
            return new Decoded(isLibudev(message) ? libudev(message) : kernel(message));
        } catch (Bad e) {
            return new Malformed(e.offset, e.getMessage());
        }
    }

    /** The format {@code message} claims by its first 8 bytes; cheap, for checks before decoding. */
    public static Uevent.Format formatOf(byte[] message) {
        return isLibudev(message) ? Uevent.Format.LIBUDEV : Uevent.Format.KERNEL;
    }

    private static boolean isLibudev(byte[] message) {
        if (message.length < LIBUDEV_PREFIX.length) {
            return false;
        }
        for (int i = 0; i < LIBUDEV_PREFIX.length; i++) {
            if (message[i] != LIBUDEV_PREFIX[i]) {
                return false;
            }
        }
        return true;
    }

    private static Uevent kernel(byte[] message) throws Bad {
        int nul = indexOfNul(message, 0, message.length);
        if (nul < 0) {
            throw new Bad(message.length, "header " + quoted(message, 0, message.length) + " has no NUL");
        }
        String header = text(message, 0, nul);
        if (header.indexOf("@/") <= 0) {
            throw new Bad(0, "header " + LogText.quoted(header) + " is not ACTION@DEVPATH");
        }
        Uevent uevent = properties(message, nul + 1, message.length, Uevent.Format.KERNEL);
        if (!header.equals(uevent.action() + "@" + uevent.devpath())) {
            throw new Bad(0, "header " + LogText.quoted(header) + " disagrees with ACTION "
                    + LogText.quoted(uevent.action()) + " and DEVPATH " + LogText.quoted(uevent.devpath()));
        }
        return uevent;
    }

    private static Uevent libudev(byte[] message) throws Bad {
        if (message.length < LIBUDEV_HEADER_BYTES) {
            throw new Bad(message.length, "libudev header needs " + LIBUDEV_HEADER_BYTES + " bytes, message has "
                    + message.length);
        }
        ByteBuffer bytes = ByteBuffer.wrap(message).order(ByteOrder.BIG_ENDIAN);
        int magic = bytes.getInt(MAGIC_OFFSET);
        if (magic != LIBUDEV_MAGIC) {
            throw new Bad(MAGIC_OFFSET, String.format("unknown magic 0x%08x, expected 0x%08x", magic, LIBUDEV_MAGIC));
        }
        bytes.order(ByteOrder.nativeOrder());
        long headerSize = Integer.toUnsignedLong(bytes.getInt(HEADER_SIZE_OFFSET));
        long offset = Integer.toUnsignedLong(bytes.getInt(PROPERTIES_OFF_OFFSET));
        long length = Integer.toUnsignedLong(bytes.getInt(PROPERTIES_LEN_OFFSET));
        if (headerSize < LIBUDEV_HEADER_BYTES) {
            throw new Bad(HEADER_SIZE_OFFSET, "header size " + headerSize + " is below " + LIBUDEV_HEADER_BYTES);
        }
        if (offset < headerSize) {
            throw new Bad(PROPERTIES_OFF_OFFSET, "properties offset " + offset + " lies inside the " + headerSize
                    + "-byte header");
        }
        if (offset + length > message.length) {
            throw new Bad(PROPERTIES_LEN_OFFSET, "properties (offset " + offset + ", length " + length
                    + ") end past the message's " + message.length + " bytes");
        }
        return properties(message, (int) offset, (int) (offset + length), Uevent.Format.LIBUDEV);
    }

    /** The {@code KEY=VALUE\0} entries in {@code [start, end)}, as a uevent. */
    private static Uevent properties(byte[] message, int start, int end, Uevent.Format format) throws Bad {
        Map<String, String> properties = new LinkedHashMap<>();
        Map<String, Integer> offsets = new HashMap<>();
        int at = start;
        while (at < end) {
            int nul = indexOfNul(message, at, end);
            if (nul < 0) {
                throw new Bad(at, "property " + quoted(message, at, end) + " has no NUL");
            }
            if (nul > at) {
                String entry = text(message, at, nul);
                int equals = entry.indexOf('=');
                if (equals <= 0) {
                    throw new Bad(at, "property " + LogText.quoted(entry) + " is not KEY=VALUE");
                }
                String key = entry.substring(0, equals);
                if (properties.putIfAbsent(key, entry.substring(equals + 1)) != null) {
                    throw new Bad(at, "duplicate property " + LogText.quoted(key));
                }
                offsets.put(key, at);
            }
            at = nul + 1;
        }
        return uevent(properties, offsets, start, format);
    }

    private static Uevent uevent(Map<String, String> properties, Map<String, Integer> offsets, int start,
            Uevent.Format format) throws Bad {
        String action = required(properties, "ACTION", start);
        String devpath = required(properties, "DEVPATH", start);
        String subsystem = required(properties, "SUBSYSTEM", start);
        String seqnum = required(properties, "SEQNUM", start);
        if (!devpath.startsWith("/")) {
            throw new Bad(offsets.get("DEVPATH"), "DEVPATH " + LogText.quoted(devpath) + " is not absolute");
        }
        if (seqnum.length() > MAX_SEQNUM_DIGITS || !seqnum.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new Bad(offsets.get("SEQNUM"), "SEQNUM " + LogText.quoted(seqnum) + " is not a decimal number");
        }
        // Equal lengths of digits compare as their numbers do.
        if (seqnum.length() == MAX_SEQNUM_DIGITS && seqnum.compareTo(MAX_SEQNUM) > 0) {
            throw new Bad(offsets.get("SEQNUM"), "SEQNUM " + LogText.quoted(seqnum) + " is larger than " + MAX_SEQNUM);
        }
        return new Uevent(action, devpath, subsystem, Long.parseLong(seqnum), properties, format);
    }

    private static String required(Map<String, String> properties, String key, int start) throws Bad {
        String value = properties.get(key);
        if (value == null || value.isEmpty()) {
            throw new Bad(start, (value == null ? "no " : "empty ") + key + " property");
        }
        return value;
    }

    private static int indexOfNul(byte[] message, int from, int end) {
        for (int i = from; i < end; i++) {
            if (message[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String text(byte[] message, int from, int end) {
        return new String(message, from, end - from, StandardCharsets.UTF_8);
    }

    private static String quoted(byte[] message, int from, int end) {
        return LogText.quoted(text(message, from, end));
    }

    /** A decoding problem; private control flow that never leaves this class. */
    private static final class Bad extends Exception {
        private static final long serialVersionUID = 1L;
        private final int offset;

        Bad(int offset, String problem) {
            super(problem, null, false, false);
            this.offset = offset;
        }
    }
}
