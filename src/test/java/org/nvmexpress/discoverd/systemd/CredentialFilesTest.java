package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.tid.UnitName;

/** The secrets' files: where they go, their modes, their content. */
final class CredentialFilesTest {
    private static final UnitName UNIT = new UnitName("nvme-discoverd-c7f645736db2.service");

    @TempDir
    Path root;

    /** The files under {@code root}, named as the unit's properties name them: {@code /run/nvme/discoverd/…}. */
    private CredentialFiles files() {
        return new CredentialFiles(root, new StateScripts(StateScripts.RUNTIME_DIR, "/usr/sbin/nvme"));
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static Credential credential(String id, String secret) {
        return new Credential(id, secret.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void writePutsEachSecretInARootOnlyFileUnderTheUnitsDirectory() throws IOException {
        files().write(UNIT,
                List.of(credential("dhchap-secret", "DHHC-1:00:abc:"), credential("tls-key", "NVMeTLSkey-1:01:x:")));
        Path dir = root.resolve("run/nvme/discoverd/credentials/nvme-discoverd-c7f645736db2");
        assertThat(mode(root.resolve("run/nvme/discoverd/credentials"))).isEqualTo("rwx------");
        assertThat(mode(dir)).isEqualTo("rwx------");
        assertThat(dir.resolve("dhchap-secret")).hasContent("DHHC-1:00:abc:");
        assertThat(mode(dir.resolve("dhchap-secret"))).isEqualTo("rw-------");
        assertThat(mode(dir.resolve("tls-key"))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("no temporary file left").hasSize(2);
        }
    }

    @Test
    void writeReplacesAnOldSecretAndNarrowsAnOpenDirectory() throws IOException {
        Path dir = Files.createDirectories(root.resolve("run/nvme/discoverd/credentials/nvme-discoverd-c7f645736db2"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("tls-key"), "old and longer than the new one");
        files().write(UNIT, List.of(credential("tls-key", "new")));
        assertThat(dir.resolve("tls-key")).hasContent("new");
        assertThat(mode(dir)).isEqualTo("rwx------");
        assertThat(mode(dir.resolve("tls-key"))).isEqualTo("rw-------");
    }

    @Test
    void writeWithoutCredentialsCreatesNothing() throws IOException {
        files().write(UNIT, List.of());
        assertThat(root.resolve("run")).doesNotExist();
    }

    @Test
    void writeRefusesAFileInPlaceOfTheDirectory() throws IOException {
        Files.createDirectories(root.resolve("run/nvme/discoverd/credentials"));
        Path blocker = Files.writeString(root.resolve("run/nvme/discoverd/credentials/nvme-discoverd-c7f645736db2"), "x");
        assertThatThrownBy(() -> files().write(UNIT, List.of(credential("tls-key", "s3cret"))))
                .isInstanceOf(IOException.class).hasMessage(blocker + " exists and is not a directory");
    }

    @Test
    void deleteRemovesTheUnitsSecretsAndNoOthers() throws IOException {
        UnitName other = new UnitName("nvme-discoverd-8020e946960d.service");
        files().write(UNIT, List.of(credential("dhchap-secret", "a"), credential("tls-key", "b")));
        files().write(other, List.of(credential("tls-key", "c")));
        assertThat(files().delete(UNIT)).isTrue();
        assertThat(root.resolve("run/nvme/discoverd/credentials/nvme-discoverd-c7f645736db2")).doesNotExist();
        assertThat(root.resolve("run/nvme/discoverd/credentials/nvme-discoverd-8020e946960d/tls-key")).hasContent("c");
        assertThat(files().delete(UNIT)).as("nothing left").isFalse();
    }

    @Test
    void deleteRemovesALinkInPlaceOfTheDirectoryWithoutFollowingIt() throws IOException {
        Path target = Files.createDirectories(root.resolve("elsewhere"));
        Files.writeString(target.resolve("keep"), "x");
        Path credentials = Files.createDirectories(root.resolve("run/nvme/discoverd/credentials"));
        Files.createSymbolicLink(credentials.resolve("nvme-discoverd-c7f645736db2"), target);
        assertThat(files().delete(UNIT)).isTrue();
        assertThat(credentials.resolve("nvme-discoverd-c7f645736db2")).doesNotExist();
        assertThat(target.resolve("keep")).hasContent("x");
    }
}
