package org.nvmexpress.discoverd.systemd;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.nvmexpress.discoverd.fs.AtomicFiles;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * Writes a connection unit's secrets where its {@code LoadCredential} points:
 * {@code <runtime>/credentials/<unit stem>/<id>}, directories 0700 and files 0600, each replaced
 * atomically, and deletes them again. systemd copies them into the unit's
 * {@code $CREDENTIALS_DIRECTORY} when it starts; the unit's {@code ExecStartPost}
 * ({@link StateScripts#afterStart}) deletes the unit's directory once the connect succeeded (not
 * {@code ExecStopPost}, which a restart runs before its start); the unit manager deletes it
 * ({@link #delete}) when the unit is stopped or its connect failed or never happened.
 *
 * <p>The paths are the ones {@link StateScripts} names for the unit's properties, resolved under the
 * system root: {@code /} in production, another directory in tests and simulations (where what
 * systemd sees as {@code /run/nvme/discoverd} is that directory's {@code run/nvme/discoverd}).
 *
 * <p>Files rather than {@code SetCredential}: a unit property is readable by every local user over
 * D-Bus, a 0600 file under a 0700 directory only by root. Blocking; on the unit manager's runner.
 */
final class CredentialFiles {
    /** {@code rwx------}: nobody but root may even list the secrets' names. */
    static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwx------");
    private static final String TEMP_PREFIX = ".cred.tmp.";
    private static final Path SLASH = Path.of("/");

    private final Path root;
    private final StateScripts scripts;

    /**
     * @param root    the system root the files go under
     * @param scripts the paths as the unit's properties name them
     */
    CredentialFiles(Path root, StateScripts scripts) {
        this.root = Objects.requireNonNull(root, "root");
        this.scripts = Objects.requireNonNull(scripts, "scripts");
    }

    /** Writes every credential of {@code unit}; nothing to do (no directory made) when there are none. */
    void write(UnitName unit, List<Credential> credentials) throws IOException {
        if (credentials.isEmpty()) {
            return;
        }
        Path all = local(scripts.credentialsRoot());
        AtomicFiles.createDirectories(all.getParent());
        privateDirectory(all);
        privateDirectory(local(scripts.credentialDir(unit)));
        for (Credential credential : credentials) {
            AtomicFiles.replace(local(scripts.credentialFile(unit, credential.id())), credential.data(),
                    TEMP_PREFIX, AtomicFiles.PRIVATE_FILE_MODE);
        }
    }

    /**
     * Deletes the unit's directory of secrets and every file in it (there are no subdirectories; a
     * symbolic link is deleted, not followed).
     *
     * @return true when there was something to delete
     */
    boolean delete(UnitName unit) throws IOException {
        Path dir = local(scripts.credentialDir(unit));
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(dir);
            return true;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
        return true;
    }

    /** The file the daemon writes for {@code path} as systemd names it: under the root. */
    private Path local(String path) {
        return root.resolve(SLASH.relativize(Path.of(path)));
    }

    /**
     * Creates {@code dir} 0700, or makes an existing one 0700. Created with the mode as its attribute,
     * which the umask can only narrow, so it is never open to others; the chmod then makes it exact.
     */
    private static void privateDirectory(Path dir) throws IOException {
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY_MODE));
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(dir + " exists and is not a directory", e);
            }
        }
        Files.setPosixFilePermissions(dir, DIRECTORY_MODE);
    }
}
