package org.nvmexpress.discoverd.kernel.fabrics;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Set;
import org.nvmexpress.discoverd.registry.DeviceName;

/**
 * The file in which a connect records the controller it connected, {@code --devid-file FILE}
 * (reference §3.4): the daemon reads it to learn which {@code nvmeN} its unit manages.
 *
 * <p>Opened before the kernel is touched, so that a path that cannot be written fails the connect
 * before a controller exists: write-only, created with mode 0644 (less the umask) when missing,
 * never through a symbolic link (a link planted at a predictable path must not redirect a root
 * write), and not truncated, so the previous value survives a connect that fails. Only a connect
 * that succeeded (or found the controller already connected) truncates it and writes
 * {@code nvmeN\n}.
 */
public final class DevidFile implements AutoCloseable {
    private final Path path;
    private final FileChannel channel;

    private DevidFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /**
     * Opens (or creates) {@code path} for writing, without following a symbolic link and without
     * truncating it.
     *
     * @throws IOException with a message naming the path and the reason
     */
    public static DevidFile open(Path path) throws IOException {
        Objects.requireNonNull(path, "path");
        try {
            return new DevidFile(path, FileChannel.open(path,
                    Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE, LinkOption.NOFOLLOW_LINKS),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--"))));
        } catch (IOException e) {
            if (Files.isSymbolicLink(path)) {
                throw new IOException("devid file " + path + " is a symbolic link; refusing to write through it", e);
            }
            throw new IOException("cannot open devid file " + path + ": " + describe(e), e);
        }
    }

    public Path path() {
        return path;
    }

    /** Replaces the content with {@code nvmeN\n} and syncs it. */
    public void write(DeviceName device) throws IOException {
        try {
            channel.truncate(0);
            ByteBuffer bytes = ByteBuffer.wrap((device.value() + "\n").getBytes(StandardCharsets.US_ASCII));
            long position = 0;
            while (bytes.hasRemaining()) {
                position += channel.write(bytes, position);
            }
            channel.force(true);
        } catch (IOException e) {
            throw new IOException("cannot write devid file " + path + ": " + describe(e), e);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "its directory does not exist";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
