package org.nvmexpress.discoverd.exclusion;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.nvmexpress.discoverd.exclusion.ExclusionException.Reason;
import org.nvmexpress.discoverd.ini.IniReader;

/** Reading list files and the drop-in directory, bounded and with errors that name the path. */
final class ListFiles {
    /** Largest list read or written: libnvme's limit ({@code -EFBIG} above), as for every INI file. */
    static final int MAX_BYTES = IniReader.MAX_BYTES;

    private ListFiles() {
    }

    /**
     * The bytes of {@code file}, or empty when it does not exist.
     *
     * @throws ExclusionException when it is a directory or another non-regular file, is larger than
     *                            1 MiB or cannot be read
     */
    static Optional<byte[]> read(Path file) throws ExclusionException {
        String name = file.toString();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw ExclusionException.ofFile(Reason.IO_ERROR, name, "cannot read: " + describe(e));
        }
        if (attributes.isDirectory()) {
            throw ExclusionException.ofFile(Reason.NOT_REGULAR_FILE, name, "is a directory, not a file");
        }
        if (!attributes.isRegularFile()) {
            throw ExclusionException.ofFile(Reason.NOT_REGULAR_FILE, name, "is not a regular file");
        }
        if (attributes.size() > MAX_BYTES) {
            throw tooLarge(name, attributes.size());
        }
        // The file may be replaced between the stat and the open: read at most one byte past the cap.
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw tooLarge(name, bytes.length);
            }
            return Optional.of(bytes);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw ExclusionException.ofFile(Reason.IO_ERROR, name, "cannot read: " + describe(e));
        }
    }

    static ExclusionException tooLarge(String file, long size) {
        return ExclusionException.ofFile(Reason.TOO_LARGE, file, "larger than the 1 MiB limit (" + size + " bytes)");
    }

    /**
     * The {@code *.conf} files of {@code dir} with a non-empty stem, sorted by the bytes of their
     * names: readdir order (upstream) depends on the file system, and which entry matches first
     * should not. A missing directory has none.
     */
    static List<Path> dropIns(Path dir) throws ExclusionException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                String name = p.getFileName().toString();
                if (name.endsWith(".conf") && name.length() > ".conf".length()) {
                    files.add(p);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw ExclusionException.ofFile(Reason.IO_ERROR, dir.toString(), "cannot list drop-ins: " + describe(e));
        } catch (DirectoryIteratorException e) {
            throw ExclusionException.ofFile(Reason.IO_ERROR, dir.toString(), "cannot list drop-ins: " + describe(e.getCause()));
        }
        files.sort((a, b) -> Arrays.compareUnsigned(nameBytes(a), nameBytes(b)));
        return files;
    }

    private static byte[] nameBytes(Path p) {
        return p.getFileName().toString().getBytes(StandardCharsets.UTF_8);
    }

    /** What went wrong, in words, with the path concerned when it is not the obvious one. */
    static String describe(IOException e) {
        if (e instanceof AccessDeniedException a) {
            return "permission denied" + (a.getFile() == null ? "" : " (" + a.getFile() + ")");
        }
        if (e instanceof FileSystemException f) {
            String reason = f.getReason() != null ? f.getReason()
                    : e instanceof NotDirectoryException ? "not a directory"
                    : e instanceof NoSuchFileException ? "no such file or directory"
                    : e instanceof FileAlreadyExistsException ? "file exists"
                    : e.getClass().getSimpleName();
            return reason + (f.getFile() == null ? "" : " (" + f.getFile() + ")");
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
