package org.nvmexpress.discoverd.systemd;

import java.io.IOException;
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
 * atomically. systemd copies them into the unit's {@code $CREDENTIALS_DIRECTORY} when it starts;
 * the unit's {@code ExecStartPost} ({@link StateScripts#afterStart}) deletes the unit's directory
 * once the connect succeeded (not {@code ExecStopPost}, which a restart runs before its start).
 *
 * <p>Files rather than {@code SetCredential}: a unit property is readable by every local user over
 * D-Bus, a 0600 file under a 0700 directory only by root. Blocking; on the unit manager's runner.
 */
final class CredentialFiles {
    /** {@code rwx------}: nobody but root may even list the secrets' names. */
    static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwx------");
    private static final String TEMP_PREFIX = ".cred.tmp.";

    private final StateScripts scripts;

    CredentialFiles(StateScripts scripts) {
        this.scripts = Objects.requireNonNull(scripts, "scripts");
    }

    /** Writes every credential of {@code unit}; nothing to do (no directory made) when there are none. */
    void write(UnitName unit, List<Credential> credentials) throws IOException {
        if (credentials.isEmpty()) {
            return;
        }
        Path root = Path.of(scripts.credentialsRoot());
        AtomicFiles.createDirectories(root.getParent());
        privateDirectory(root);
        privateDirectory(Path.of(scripts.credentialDir(unit)));
        for (Credential credential : credentials) {
            AtomicFiles.replace(Path.of(scripts.credentialFile(unit, credential.id())), credential.data(),
                    TEMP_PREFIX, AtomicFiles.PRIVATE_FILE_MODE);
        }
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
