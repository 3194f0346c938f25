package org.nvmexpress.discoverd.nbft;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Finds and reads the NBFTs the firmware left in {@code /sys/firmware/acpi/tables} (reference
 * §7.1): every file whose name starts with {@code NBFT} ({@code NBFT}, {@code NBFT1}, ...), in
 * name order so that results are the same on every run, each parsed on its own so that one bad
 * table never hides the others. A missing directory means no tables.
 */
public final class NbftReader {
    /** Where ACPI tables are, under the system root. */
    public static final String TABLES_DIRECTORY = "sys/firmware/acpi/tables";

    /**
     * Largest file read. Real tables are a few KiB (the largest test table is 4147 bytes) and heap
     * offsets are 32-bit, so nothing legitimate comes near; the cap keeps a wrong path (a device,
     * a huge file) from filling the daemon's memory before the parser could reject it.
     */
    public static final int MAX_BYTES = 1 << 20;

    private NbftReader() {
    }

    /** The {@code NBFT*} files in {@code root}'s ACPI tables directory, sorted by name; none when it is missing. */
    public static List<Path> tableFiles(Path root) throws IOException {
        Path directory = root.resolve(TABLES_DIRECTORY);
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "NBFT*")) {
            stream.forEach(files::add);
        } catch (NoSuchFileException | NotDirectoryException e) {
            return List.of();
        }
        files.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return files;
    }

    /** Every table under {@code root}, parsed; unreadable and rejected ones are reported, not thrown. */
    public static NbftTables readAll(Path root) {
        List<NbftTable> tables = new ArrayList<>();
        List<NbftProblem> rejected = new ArrayList<>();
        List<Path> files;
        try {
            files = tableFiles(root);
        } catch (IOException e) {
            Path directory = root.resolve(TABLES_DIRECTORY);
            return new NbftTables(List.of(), List.of(new NbftProblem(directory.toString(), "directory",
                    OptionalLong.empty(), "cannot list: " + reason(e))));
        }
        for (Path file : files) {
            try {
                tables.add(read(file));
            } catch (NbftParseException e) {
                rejected.add(e.problem());
            }
        }
        return new NbftTables(tables, rejected);
    }

    /** Reads and parses {@code file}, naming it by its path in messages. */
    public static NbftTable read(Path file) throws NbftParseException {
        Objects.requireNonNull(file, "file");
        String name = file.toString();
        return NbftParser.parse(name, readBounded(file, name));
    }

    /** The file's bytes; never more than {@link #MAX_BYTES}, whatever size the file system reports. */
    private static byte[] readBounded(Path file, String name) throws NbftParseException {
        if (Files.isDirectory(file)) {
            throw new NbftParseException(NbftProblem.ofFile(name, "is a directory, not a table"));
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new NbftParseException(NbftProblem.ofFile(name, "larger than " + MAX_BYTES
                        + " bytes; no NBFT is this large"));
            }
            return bytes;
        } catch (IOException e) {
            throw new NbftParseException(NbftProblem.ofFile(name, "cannot read: " + reason(e)));
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
