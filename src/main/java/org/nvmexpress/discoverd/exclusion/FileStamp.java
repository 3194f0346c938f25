package org.nvmexpress.discoverd.exclusion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one {@code stat} of a list file saw, so that {@link ExclusionLists#changedSince} can tell a
 * change without reading the file. An atomic replacement (our writers, nvme-cli's editor, most text
 * editors) gives a new inode; an in-place edit moves the ctime, which nobody can set back (unlike
 * the mtime: {@code touch -d}, {@code cp -p}); a {@code chmod} moves it too, so a list that could
 * not be read is read again once it can be.
 *
 * <p>What it can miss: an in-place rewrite to the same size within one tick of the file system's
 * timestamp clock (milliseconds, where the kernel keeps coarse timestamps) after the change the
 * snapshot saw. Until the next change the daemon then keeps the older snapshot.
 *
 * @param path       the file
 * @param attributes device, inode, size, mtime and ctime, compared by value; empty when the file
 *                   could not be stat'ed
 * @param problem    why it could not be stat'ed ({@code absent} when it does not exist), else
 *                   {@code null}
 */
record FileStamp(Path path, Map<String, Object> attributes, String problem) {
    /** One stat, following symbolic links as the readers do. */
    private static final String UNIX_ATTRIBUTES = "unix:dev,ino,size,lastModifiedTime,ctime";
    /** For a file system without the unix view (never the default one on Linux). */
    private static final String BASIC_ATTRIBUTES = "basic:fileKey,size,lastModifiedTime";

    FileStamp {
        Objects.requireNonNull(path, "path");
        attributes = Collections.unmodifiableMap(new HashMap<>(attributes)); // fileKey may be null: no Map.copyOf
    }

    /** Stats {@code file}; never throws. */
    static FileStamp of(Path file) {
        try {
            return new FileStamp(file, readAttributes(file), null);
        } catch (NoSuchFileException e) {
            return failed(file, "absent");
        } catch (IOException e) {
            return failed(file, ListFiles.describe(e));
        }
    }

    /** What could not be looked at, and why. */
    static FileStamp failed(Path file, String problem) {
        return new FileStamp(file, Map.of(), Objects.requireNonNull(problem, "problem"));
    }

    private static Map<String, Object> readAttributes(Path file) throws IOException {
        try {
            return Files.readAttributes(file, UNIX_ATTRIBUTES);
        } catch (UnsupportedOperationException e) {
            return Files.readAttributes(file, BASIC_ATTRIBUTES);
        }
    }
}
