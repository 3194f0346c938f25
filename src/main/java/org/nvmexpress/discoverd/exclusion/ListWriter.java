package org.nvmexpress.discoverd.exclusion;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.nvmexpress.discoverd.exclusion.ExclusionException.Reason;
import org.nvmexpress.discoverd.fs.AtomicFiles;
import org.nvmexpress.discoverd.fs.DirectoryLock;
import org.nvmexpress.discoverd.ini.CappedDiagnostics;
import org.nvmexpress.discoverd.tid.CWhitespace;

/**
 * The strict writers (reference §11.6). Each change is read-modify-write under an exclusive
 * {@code flock} on the list's directory, the lock nvme-cli's editor takes: upstream takes it only
 * for the version-checked write, but then two concurrent adds each rename their own copy and one
 * entry is lost; holding it for every change serialises all our writers and nvme-cli's editor.
 * Files are replaced atomically (temp file, fsync, rename, directory fsync), mode 0644, so a reader
 * (which never locks) sees the old list or the new one.
 */
final class ListWriter {
    /** nvme-cli's temp-file prefix: hidden, and without {@code .conf}, so no reader takes it for a list. */
    private static final String TEMP_PREFIX = ".excl.tmp.";

    /** A step run while the directory lock is held. */
    private interface Locked {
        void run() throws ExclusionException, IOException;
    }

    private ListWriter() {
    }

    static void add(ListName name, Path file, String entry) throws ExclusionException {
        String text = CWhitespace.trim(entry);
        try {
            ExclusionEntry.parse(text);
        } catch (IllegalArgumentException e) {
            throw ExclusionException.of(Reason.INVALID_ENTRY, file.toString(), e.getMessage());
        }
        underLock(name, file, true, () -> {
            byte[] current = ListFiles.read(file).orElse(ListText.header(name).getBytes(StandardCharsets.UTF_8));
            replace(file, ListText.parse(current).withEntry(text));
        });
    }

    static void remove(ListName name, Path file, String entry) throws ExclusionException {
        String text = CWhitespace.trim(entry);
        underLock(name, file, false, () -> {
            byte[] current = ListFiles.read(file).orElseThrow(() -> notFound(name, file));
            byte[] updated = ListText.parse(current).withoutEntry(text).orElseThrow(() -> ExclusionException.of(
                    Reason.NOT_FOUND, file.toString(), "entry '" + ExclusionEntry.printable(text)
                            + "' not found in exclusion list '" + name.display() + "' (" + file + ")"));
            replace(file, updated);
        });
    }

    static void write(ListName name, Path file, String text, long expectedVersion) throws ExclusionException {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        if (content.length > ListFiles.MAX_BYTES) {
            throw ListFiles.tooLarge(file.toString(), content.length);
        }
        CappedDiagnostics errors = new CappedDiagnostics(file.toString());
        ListText.parse(content).check(file.toString(), d -> {
            if (d.isError()) {
                errors.add(d);
            }
        });
        if (errors.hasErrors()) {
            throw new ExclusionException(Reason.INVALID_CONTENT, file + ": " + errors.errors() + " invalid line"
                    + (errors.errors() == 1 ? "" : "s") + ", nothing written", errors.toList());
        }
        underLock(name, file, true, () -> {
            long current = ListFiles.read(file).map(ListContent::versionOf).orElse(ListContent.ABSENT);
            if (current != expectedVersion) {
                throw ExclusionException.of(Reason.STALE, file.toString(), String.format(
                        "exclusion list '%s' changed since it was read (%s): version %016x, expected %016x",
                        name.display(), file, current, expectedVersion));
            }
            AtomicFiles.replace(file, content, TEMP_PREFIX);
        });
    }

    static void create(ListName name, Path file) throws ExclusionException {
        underLock(name, file, true, () -> {
            // Exclusive among writers that take the lock, as every writer of ours does.
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                throw ExclusionException.of(Reason.ALREADY_EXISTS, file.toString(),
                        "exclusion list '" + name.display() + "' already exists (" + file + ")");
            }
            AtomicFiles.replace(file, ListText.header(name).getBytes(StandardCharsets.UTF_8), TEMP_PREFIX);
        });
    }

    static void delete(ListName name, Path file) throws ExclusionException {
        underLock(name, file, false, () -> {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                throw notFound(name, file);
            }
            if (attributes.isDirectory()) {
                throw ExclusionException.ofFile(Reason.NOT_REGULAR_FILE, file.toString(), "is a directory, not a file; not deleted");
            }
            Files.delete(file);
            AtomicFiles.fsyncDirectory(file.getParent());
        });
    }

    static ExclusionException notFound(ListName name, Path file) {
        return ExclusionException.of(Reason.NOT_FOUND, file.toString(),
                "exclusion list '" + name.display() + "' not found (" + file + ")");
    }

    /** Refuses a result the readers could not read back: they would ignore the whole list. */
    private static void replace(Path file, byte[] content) throws IOException, ExclusionException {
        if (content.length > ListFiles.MAX_BYTES) {
            throw ExclusionException.ofFile(Reason.TOO_LARGE, file.toString(),
                    "would grow past the 1 MiB limit (" + content.length + " bytes); nothing written");
        }
        AtomicFiles.replace(file, content, TEMP_PREFIX);
    }

    /**
     * Runs {@code step} holding the lock on the list's directory. With {@code createDirectory} the
     * directory is made (0755, as {@code mkdir -p}) first; without, a missing directory means a
     * missing list.
     */
    @SuppressWarnings("try") // the lock is held for the body's duration, never referenced in it
    private static void underLock(ListName name, Path file, boolean createDirectory, Locked step) throws ExclusionException {
        Path dir = file.toAbsolutePath().getParent();
        try {
            if (createDirectory) {
                AtomicFiles.createDirectories(dir);
            } else if (!Files.isDirectory(dir)) {
                throw notFound(name, file);
            }
            try (DirectoryLock lock = DirectoryLock.exclusive(dir)) {
                step.run();
            }
        } catch (IOException e) {
            throw ExclusionException.ofFile(Reason.IO_ERROR, file.toString(), "cannot change the list: " + ListFiles.describe(e));
        }
    }
}
