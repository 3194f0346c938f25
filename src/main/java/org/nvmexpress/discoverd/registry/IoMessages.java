package org.nvmexpress.discoverd.registry;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Readable text for the JDK's I/O exceptions, whose messages are sometimes only a path
 * ({@code AccessDeniedException}: "/run/nvme/registry/nvme3"), which says nothing on its own.
 */
final class IoMessages {
    private IoMessages() {
    }

    static String describe(IOException e) {
        if (e instanceof FileSystemException fse && fse.getReason() == null) {
            String what = e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof NoSuchFileException ? "no such file or directory"
                    : e instanceof FileAlreadyExistsException ? "already exists"
                    : e instanceof NotDirectoryException ? "not a directory"
                    : e.getClass().getSimpleName();
            return fse.getFile() + ": " + what;
        }
        return e.getMessage();
    }
}
