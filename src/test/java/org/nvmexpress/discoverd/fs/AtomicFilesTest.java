package org.nvmexpress.discoverd.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void replaceWritesTheContentWithMode0644() throws IOException {
        Path target = dir.resolve("owner");
        AtomicFiles.replace(target, "discoverd\n".getBytes(StandardCharsets.UTF_8), "owner.tmp.");
        assertThat(target).hasContent("discoverd");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r--r--");
    }

    @Test
    void replaceWithPrivateModeWritesAFileOnlyItsOwnerCanRead() throws IOException {
        Path target = dir.resolve("tls-key");
        Files.writeString(target, "an older, world-readable secret\n");
        AtomicFiles.replace(target, "s3cret".getBytes(StandardCharsets.UTF_8), ".cred.tmp.", AtomicFiles.PRIVATE_FILE_MODE);
        assertThat(target).hasContent("s3cret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void replaceOverwritesAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("list.conf");
        Files.writeString(target, "old content that is longer than the new one\n");
        AtomicFiles.replace(target, "new\n".getBytes(StandardCharsets.UTF_8), ".excl.tmp.");
        assertThat(Files.readString(target)).isEqualTo("new\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void replaceIntoAMissingDirectoryFailsAndCreatesNothing() {
        Path target = dir.resolve("absent/file");
        assertThatThrownBy(() -> AtomicFiles.replace(target, new byte[0], ".t.")).isInstanceOf(IOException.class);
        assertThat(dir.resolve("absent")).doesNotExist();
    }

    @Test
    void createDirectoriesMakesEveryLevelWithMode0755() throws IOException {
        Path deep = dir.resolve("run/nvme/registry");
        AtomicFiles.createDirectories(deep);
        for (Path p : new Path[] {dir.resolve("run"), dir.resolve("run/nvme"), deep}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).isEqualTo("rwxr-xr-x");
        }
        AtomicFiles.createDirectories(deep);
        assertThat(deep).isDirectory();
    }

    @Test
    void createDirectoriesRefusesAFileInTheWay() throws IOException {
        Path file = Files.writeString(dir.resolve("registry"), "not a directory");
        assertThatThrownBy(() -> AtomicFiles.createDirectories(file.resolve("nvme0")))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> AtomicFiles.createDirectories(file))
                .hasMessageContaining("exists and is not a directory");
    }

    @Test
    void fsyncDirectoryWorksOnADirectory() throws IOException {
        AtomicFiles.fsyncDirectory(dir);
        assertThatThrownBy(() -> AtomicFiles.fsyncDirectory(dir.resolve("missing"))).isInstanceOf(IOException.class);
    }
}
