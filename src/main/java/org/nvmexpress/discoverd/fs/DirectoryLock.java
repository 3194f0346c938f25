package org.nvmexpress.discoverd.fs;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Path;

/**
 * An exclusive {@code flock(2)} on a directory, held until {@link #close()}. nvme-cli's exclusion
 * editor takes exactly this lock (reference §11.6), so holding it serialises our writers with
 * theirs. Java's {@code FileLock} is an fcntl lock, which does not conflict with {@code flock}, and
 * cannot be taken on a directory at all: hence JNA.
 */
public final class DirectoryLock implements AutoCloseable {
    private static final int O_RDONLY = 0;
    private static final int O_DIRECTORY = 0x10000;
    private static final int O_CLOEXEC = 0x80000;
    private static final int LOCK_EX = 2;

    /** The few libc calls this needs. */
    interface LibC extends Library {
        int open(String path, int flags) throws LastErrorException;

        int flock(int fd, int operation) throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    /** Loaded on first use, not at class initialisation of callers that never lock. */
    private static final class Holder {
        static final LibC LIBC = Native.load("c", LibC.class);
    }

    private final int fd;

    private DirectoryLock(int fd) {
        this.fd = fd;
    }

    /** Blocks until the exclusive lock on {@code dir} is held. */
    public static DirectoryLock exclusive(Path dir) throws IOException {
        int fd;
        try {
            fd = Holder.LIBC.open(dir.toString(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        } catch (LastErrorException e) {
            throw new IOException("cannot open directory " + dir + " to lock it: " + strerror(e), e);
        }
        while (true) {
            try {
                Holder.LIBC.flock(fd, LOCK_EX);
                return new DirectoryLock(fd);
            } catch (LastErrorException e) {
                if (e.getErrorCode() != 4) { // EINTR: a signal arrived while waiting; wait again
                    closeQuietlyAfter(fd, e);
                    throw new IOException("cannot lock directory " + dir + ": " + strerror(e), e);
                }
            }
        }
    }

    /** Releases the lock (closing the descriptor releases a flock). */
    @Override
    public void close() throws IOException {
        try {
            Holder.LIBC.close(fd);
        } catch (LastErrorException e) {
            throw new IOException("cannot close locked directory: " + strerror(e), e);
        }
    }

    private static void closeQuietlyAfter(int fd, LastErrorException cause) {
        try {
            Holder.LIBC.close(fd);
        } catch (LastErrorException e) {
            cause.addSuppressed(e);
        }
    }

    private static String strerror(LastErrorException e) {
        return "errno " + e.getErrorCode();
    }
}
