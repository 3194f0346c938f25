package org.nvmexpress.discoverd.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import org.nvmexpress.discoverd.fs.AtomicFiles;

/**
 * The whole-entry protocols of reference §10.3: an entry is built complete in a hidden temporary
 * directory and renamed into place, and removed by renaming it to a hidden trash directory before
 * its files are deleted. A reader therefore sees an entry complete or not at all, and the hidden
 * names ({@code .nvme3.tmp.*}, {@code .trash.*}) are skipped by every lister, ours and libnvme's.
 */
final class EntryDirectories {
    /** Passes over a trash directory before late writers are considered never to stop. */
    private static final int PURGE_PASSES = 100;

    private EntryDirectories() {
    }

    /**
     * Creates {@code <registry>/.nvmeN.tmp.<random>} (mode 0755) holding {@code attributes}, written in
     * iteration order, each atomically and durably. The caller renames it into place or deletes it.
     */
    static Path prepare(Path registry, DeviceName device, Map<AttributeName, String> attributes) throws IOException {
        Path temp = Files.createTempDirectory(registry, "." + device.value() + ".tmp.");
        try {
            Files.setPosixFilePermissions(temp, AtomicFiles.DIRECTORY_MODE);
            for (Map.Entry<AttributeName, String> a : attributes.entrySet()) {
                String name = a.getKey().value();
                AtomicFiles.replace(temp.resolve(name), (a.getValue() + "\n").getBytes(StandardCharsets.UTF_8),
                        name + ".tmp.");
            }
            return temp;
        } catch (IOException e) {
            deleteTree(temp, e);
            throw e;
        }
    }

    /**
     * Renames {@code prepared} onto {@code entry}. rename(2) replaces a missing or empty directory;
     * when another writer has a non-empty entry there this returns false and the caller decides
     * (trash it and try again, or write into it).
     */
    static boolean tryInstall(Path prepared, Path entry) throws IOException {
        try {
            AtomicFiles.moveAtomically(prepared, entry);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (FileSystemException e) {
            // ENOTEMPTY has no exception class of its own, and the entry in the way may be gone again
            // by now, so the exception's class is all there is to go on: a plain FileSystemException
            // is ENOTEMPTY here (permission and missing-file errors have their own classes).
            if (e.getClass() == FileSystemException.class) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Removes {@code entry} atomically: renames it into a fresh {@code <registry>/.trash.<random>}
     * (readers see it gone at once), then deletes the trash. Into, not onto as libnvme does, so that
     * junk in an entry's place (a file, a symbolic link) is removed the same way; a link is removed,
     * never followed. Returns false when there was no entry.
     */
    static boolean trash(Path registry, Path entry) throws IOException {
        Path trash = Files.createTempDirectory(registry, ".trash.");
        try {
            AtomicFiles.moveAtomically(entry, trash.resolve(entry.getFileName()));
        } catch (NoSuchFileException e) {
            Files.delete(trash);
            return false;
        } catch (IOException e) {
            deleteTree(trash, e);
            throw e;
        }
        deleteTree(trash);
        return true;
    }

    /**
     * Deletes {@code dir} and everything under it, without following symbolic links.
     *
     * <p>A trashed entry can still receive files after its rename: a writer that looked up
     * {@code nvme3/} just before the rename creates its temporary file, or renames it to
     * {@code owner}, in the directory now under {@code .trash.*} (path lookup is not atomic with a
     * rename of the directory it passes through). Each such writer does at most that one step there,
     * since its next lookup no longer finds the old directory, so a few passes always empty it.
     */
    static void deleteTree(Path dir) throws IOException {
        for (int pass = 1; ; pass++) {
            try {
                Files.walkFileTree(dir, new TreeDeleter());
                return;
            } catch (DirectoryNotEmptyException e) {
                if (pass == PURGE_PASSES) {
                    throw e; // a writer kept adding files: not one of ours, leave it to the caller
                }
            }
        }
    }

    /** Deletes what it visits; a file that vanished meanwhile (renamed by a late writer) is fine. */
    private static final class TreeDeleter extends SimpleFileVisitor<Path> {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
            if (failure instanceof NoSuchFileException) {
                return FileVisitResult.CONTINUE;
            }
            throw failure;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path d, IOException failure) throws IOException {
            if (failure != null) {
                throw failure;
            }
            Files.deleteIfExists(d);
            return FileVisitResult.CONTINUE;
        }
    }

    /** Cleans up after {@code failure}; a second failure is kept with it rather than hiding it. */
    static void deleteTree(Path dir, IOException failure) {
        try {
            if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                deleteTree(dir);
            }
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
