package org.nvmexpress.discoverd.ini;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * A file that nobody can read, root included, for the readers' "cannot read: permission denied"
 * cases.
 *
 * <p>{@code chmod 000} is not enough: root reads any file (CAP_DAC_OVERRIDE), and CI runs the tests
 * as root, so the tests built on it used to skip there. A sysfs attribute without a read bit is
 * unreadable for everyone: kernfs refuses to open it for reading with EACCES whoever asks
 * (fs/kernfs/file.c, {@code kernfs_fop_open}). Every bus's {@code uevent} is such an attribute
 * (mode 0200). The file the test names becomes a symbolic link to one: readers follow it, see a
 * regular file of 4096 bytes, and fail to open it as they would a chmod-000 file, with an
 * {@link AccessDeniedException} that names the link. Only for readers: nothing may write to it.
 *
 * <p>Without sysfs, a chmod-000 file stands in, which works only for a normal user; as root the
 * helper then fails the test rather than let it skip silently.
 *
 * <p>{@link #close()} removes the file, so that a {@code @TempDir}'s clean-up never meets a link
 * that leads out of it (JUnit warns about each one).
 */
public final class UnreadableFile implements AutoCloseable {
    private static final Path BUSES = Path.of("/sys/bus");

    private final Path path;

    private UnreadableFile(Path path) {
        this.path = path;
    }

    /**
     * Creates {@code file} (which must not exist yet) so that opening it for reading fails with
     * {@link AccessDeniedException}, and checks that it does.
     */
    public static UnreadableFile at(Path file) throws IOException {
        for (Path attribute : writeOnlyAttributes()) {
            if (deniesReading(attribute)) {
                Files.createSymbolicLink(file, attribute);
                return checked(file);
            }
        }
        Files.writeString(file, "[Global]\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        return checked(file);
    }

    /** The unreadable file. */
    public Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(path);
    }

    private static List<Path> writeOnlyAttributes() throws IOException {
        List<Path> attributes = new ArrayList<>();
        if (!Files.isDirectory(BUSES)) {
            return attributes;
        }
        try (DirectoryStream<Path> buses = Files.newDirectoryStream(BUSES)) {
            buses.forEach(bus -> attributes.add(bus.resolve("uevent")));
        }
        attributes.sort(null);
        return attributes;
    }

    private static boolean deniesReading(Path file) {
        try {
            Files.newInputStream(file).close();
            return false;
        } catch (AccessDeniedException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static UnreadableFile checked(Path file) {
        if (!deniesReading(file)) {
            throw new AssertionError("cannot make a file this process cannot read: " + file
                    + " is readable (root reads chmod-000 files, and /sys has no write-only bus uevent)");
        }
        return new UnreadableFile(file);
    }
}
