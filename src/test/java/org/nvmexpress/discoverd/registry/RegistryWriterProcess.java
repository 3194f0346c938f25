package org.nvmexpress.discoverd.registry;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The child process of {@link RegistryConcurrencyTest}: hammers one registry entry with every kind
 * of write, a bounded number of times, then exits 0 (or 1 with the failure on stderr).
 *
 * <p>Arguments: {@code ROOT WRITER-ID ITERATIONS}.
 */
public final class RegistryWriterProcess {
    static final DeviceName DEVICE = new DeviceName("nvme3");
    static final AttributeName NOTE = new AttributeName("note");
    static final String SEQNUM = "424242";

    private RegistryWriterProcess() {
    }

    public static void main(String[] args) {
        try {
            Registry registry = new Registry(Path.of(args[0]));
            int writer = Integer.parseInt(args[1]);
            int iterations = Integer.parseInt(args[2]);
            for (int i = 0; i < iterations; i++) {
                registry.create(DEVICE, shortOwner(writer));
                registry.update(DEVICE, AttributeName.OWNER, longOwner(writer));
                registry.update(DEVICE, NOTE, note(writer));
                if (i % 25 == 24) {
                    registry.deleteIfPresent(DEVICE);
                }
            }
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    static String shortOwner(int writer) {
        return "owner-" + writer;
    }

    /** Long enough (several pages) that a torn write would show as a truncated or mixed value. */
    static String longOwner(int writer) {
        return "owner-" + writer + "-" + String.valueOf((char) ('a' + writer)).repeat(12000);
    }

    static String note(int writer) {
        return "note-" + writer + "-" + String.valueOf((char) ('A' + writer)).repeat(20000);
    }

    /** Every owner value {@code writers} writers can leave behind. */
    static Set<String> owners(int writers) {
        Set<String> values = new HashSet<>();
        for (int w = 0; w < writers; w++) {
            values.add(shortOwner(w));
            values.add(longOwner(w));
        }
        return values;
    }

    static Set<String> notes(int writers) {
        Set<String> values = new HashSet<>();
        for (int w = 0; w < writers; w++) {
            values.add(note(w));
        }
        return values;
    }
}
