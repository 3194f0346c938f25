package org.nvmexpress.discoverd.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Atomic replacement of small files. Concurrent readers (other processes included) see either the
 * old content or the new one, never a partial write, and after a crash the file is one or the
 * other: the data is fsynced before the rename, and the directory after it.
 */
public final class AtomicFiles {
    /** {@code rw-r--r--}: every registry and exclusion file. */
    public static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-r--r--");
    /** {@code rwxr-xr-x}: every directory we create. */
    public static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwxr-xr-x");
    /** {@code rw-------}: a file only root may read, e.g. a connection's secret. */
    public static final Set<PosixFilePermission> PRIVATE_FILE_MODE = PosixFilePermissions.fromString("rw-------");

    private AtomicFiles() {
    }

    /**
     * Replaces {@code target} with {@code content}, mode 0644. The temporary file is created next to
     * it as {@code <tempPrefix><random>} so it renames within one file system; choose a hidden or
     * otherwise recognisable prefix that readers skip (e.g. {@code .excl.tmp.}, {@code owner.tmp.}).
     */
    public static void replace(Path target, byte[] content, String tempPrefix) throws IOException {
        replace(target, content, tempPrefix, FILE_MODE);
    }

    /**
     * {@link #replace(Path, byte[], String)} with the file's final {@code mode}. The temporary file is
     * created 0600 and only then given {@code mode}, so a file meant to be private
     * ({@link #PRIVATE_FILE_MODE}) is never readable by others, not even before the chmod.
     */
    public static void replace(Path target, byte[] content, String tempPrefix, Set<PosixFilePermission> mode)
            throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, tempPrefix, "", PosixFilePermissions.asFileAttribute(PRIVATE_FILE_MODE));
        try {
            // chmod ignores the umask, so the mode is exactly the one asked for.
            Files.setPosixFilePermissions(temp, mode);
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            moveAtomically(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
        fsyncDirectory(dir);
    }

    /** Renames {@code source} onto {@code target} in one step, replacing it if present. */
    public static void moveAtomically(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + source + " onto " + target + " atomically: " + e.getMessage(), e);
        }
    }

    /** Makes a directory's entries (created, renamed, removed files) durable. */
    public static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /**
     * Creates {@code dir} and any missing parents with mode 0755, as {@code mkdir -p}. A directory
     * that already exists is fine; a file in its place is an error.
     */
    public static void createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        try {
            Files.createDirectory(dir);
            Files.setPosixFilePermissions(dir, DIRECTORY_MODE);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw new IOException(dir + " exists and is not a directory", e);
            }
        }
    }
}
