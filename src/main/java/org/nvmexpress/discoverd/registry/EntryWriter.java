package org.nvmexpress.discoverd.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import org.nvmexpress.discoverd.fs.AtomicFiles;

/**
 * One attempt at each registry write, reporting "lost a race, try again" as {@code false}: another
 * process (nvme-cli, nvme-stas, a second daemon) may replace or delete the same entry at any moment,
 * and the caller retries a bounded number of times.
 */
final class EntryWriter {
    private final RegistryLayout layout;

    EntryWriter(RegistryLayout layout) {
        this.layout = layout;
    }

    /**
     * Replaces one attribute of the existing entry (temporary file, fsync, rename, directory fsync).
     * False when there is no entry, or it was deleted or replaced while we wrote.
     */
    boolean writeAttribute(DeviceName device, AttributeName attribute, byte[] content) throws IOException {
        Path entry = layout.entry(device);
        try {
            // One lstat: checking "directory?" then "exists?" would misreport an entry created between.
            if (!Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isDirectory()) {
                throw new IOException(entry + ": not a directory (refusing to write through it)");
            }
        } catch (NoSuchFileException e) {
            return false;
        }
        try {
            AtomicFiles.replace(layout.attribute(device, attribute), content, attribute.value() + ".tmp.");
            return true;
        } catch (NoSuchFileException e) {
            return false; // the entry directory went away between the check and the write
        }
    }

    /**
     * Builds a complete entry holding {@code attributes} in a hidden temporary directory and renames
     * it into place. With {@code replace}, any existing entry is trashed first (retrying while other
     * creators win); without it, an existing non-empty entry makes this return false.
     */
    boolean install(DeviceName device, Map<AttributeName, String> attributes, boolean replace, int attempts)
            throws IOException {
        Path entry = layout.entry(device);
        Path prepared = EntryDirectories.prepare(layout.directory(), device, attributes);
        boolean installed = false;
        try {
            for (int attempt = 0; attempt < (replace ? attempts : 1) && !installed; attempt++) {
                if (replace) {
                    EntryDirectories.trash(layout.directory(), entry);
                }
                installed = EntryDirectories.tryInstall(prepared, entry);
            }
            if (installed) {
                AtomicFiles.fsyncDirectory(layout.directory());
            }
        } catch (IOException e) {
            EntryDirectories.deleteTree(prepared, e);
            throw e;
        }
        if (!installed) {
            EntryDirectories.deleteTree(prepared);
        }
        return installed;
    }
}
