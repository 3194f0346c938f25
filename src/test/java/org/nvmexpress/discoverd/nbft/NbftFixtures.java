package org.nvmexpress.discoverd.nbft;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The NBFT fixtures of {@code ../shared/fixtures/nbft} (libnvme's test tables and their reference
 * dumps), and byte-level helpers to make bad tables out of good ones. Tests that use them skip, with
 * a message naming the folder, when the folder is absent (a fresh clone has no {@code ../shared}).
 */
final class NbftFixtures {
    static final Path ROOT = Path.of("../shared/fixtures/nbft");
    static final Path TABLES = ROOT.resolve("tables");
    static final Path BAD_TABLES = ROOT.resolve("tables_bad");
    static final Path DIFFS = ROOT.resolve("diffs");

    private NbftFixtures() {
    }

    /** Skips the calling test unless {@code folder} exists. */
    static void assumePresent(Path folder) {
        assumeTrue(Files.isDirectory(folder), () -> "NBFT fixtures not found: " + folder + " is absent");
    }

    /** The file names in {@code folder}, sorted; skips the test when the folder is absent. */
    static List<String> names(Path folder) {
        assumePresent(folder);
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(Path file) {
        assumePresent(file.getParent());
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] table(String name) {
        return bytes(TABLES.resolve(name));
    }

    static String diff(String name) {
        return new String(bytes(DIFFS.resolve(name)), StandardCharsets.UTF_8);
    }

    /** Fixture table {@code name} changed by {@code change}, its checksum fixed afterwards. */
    static byte[] mutated(String name, Consumer<byte[]> change) {
        byte[] bytes = table(name);
        change.accept(bytes);
        return withChecksum(bytes);
    }

    /** {@code bytes} with the header checksum (byte 9) set so that the whole file sums to 0 again. */
    static byte[] withChecksum(byte[] bytes) {
        byte[] out = bytes.clone();
        out[9] = 0;
        int sum = 0;
        for (byte b : out) {
            sum += b;
        }
        out[9] = (byte) -sum;
        return out;
    }

    /**
     * {@code table} with {@code extra} appended to its heap (which must end where the table ends),
     * the header's table and heap lengths grown to match; the checksum is left to the caller.
     */
    static byte[] appendToHeap(byte[] table, byte[] extra) {
        long length = u32(table, 4);
        if (u32(table, 36) + u32(table, 40) != length || length != table.length) {
            throw new IllegalArgumentException("the heap does not end where the table does");
        }
        byte[] out = Arrays.copyOf(table, table.length + extra.length);
        System.arraycopy(extra, 0, out, table.length, extra.length);
        putU32(out, 4, out.length);
        putU32(out, 40, u32(table, 40) + extra.length);
        return out;
    }

    static int u8(byte[] bytes, int offset) {
        return bytes[offset] & 0xff;
    }

    static int u16(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) | (bytes[offset + 1] & 0xff) << 8;
    }

    static long u32(byte[] bytes, int offset) {
        return (u16(bytes, offset) | (long) u16(bytes, offset + 2) << 16) & 0xffff_ffffL;
    }

    static void putU16(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) value;
        bytes[offset + 1] = (byte) (value >> 8);
    }

    static void putU32(byte[] bytes, int offset, long value) {
        putU16(bytes, offset, (int) value);
        putU16(bytes, offset + 2, (int) (value >> 16));
    }
}
