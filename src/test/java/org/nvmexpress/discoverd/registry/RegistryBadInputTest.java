package org.nvmexpress.discoverd.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values that cannot be stored and file systems in the way: each fails with a message naming the
 * device, the attribute and the path, and nothing is written anywhere, inside the root or beside it.
 */
final class RegistryBadInputTest {
    private static final DeviceName NVME3 = new DeviceName("nvme3");
    private static final AttributeName NOTE = new AttributeName("note");

    @TempDir
    Path temp;

    private Path root;
    private Registry registry;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectories(temp.resolve("root"));
        Files.createDirectories(temp.resolve("outside"));
        registry = new Registry(root);
    }

    private RegistryException failure(RegistryOperation operation) {
        return catchThrowableOfType(operation::run, RegistryException.class);
    }

    /** A registry call that is expected to fail. */
    private interface RegistryOperation {
        void run() throws RegistryException;
    }

    static Stream<Arguments> unstorableValues() {
        return Stream.of(
                Arguments.of("two\nlines", "it contains a line break"),
                Arguments.of("carriage\rreturn", "it contains a line break"),
                Arguments.of("trailing newline\n", "it contains a line break"),
                Arguments.of("nul\0byte", "it contains a NUL character"),
                Arguments.of("", "it is empty (delete the attribute instead)"));
    }

    @ParameterizedTest
    @MethodSource("unstorableValues")
    void valuesThatCannotBeStoredAreRejectedAndNothingIsWritten(String value, String problem) throws IOException {
        RegistryException update = failure(() -> registry.update(NVME3, NOTE, value));
        assertThat(update).hasMessage("nvme3: cannot store 'note': " + problem);
        assertThat(update.reason()).isEqualTo(RegistryException.Reason.INVALID_VALUE);
        assertThat(update.attribute()).contains(NOTE);
        assertThat(update.path()).isEqualTo(root.resolve("run/nvme/registry/nvme3/note"));
        RegistryException create = failure(() -> registry.create(NVME3, value));
        assertThat(create).hasMessage("nvme3: cannot store 'owner': " + problem);
        assertThat(FileTree.of(temp)).containsExactly("outside/", "root/");
    }

    @Test
    void aValueLongerThanAFileMayBeIsRejected() throws Exception {
        registry.update(NVME3, NOTE, "x".repeat(65535));
        assertThat(registry.retrieve(NVME3, NOTE)).hasValue("x".repeat(65535));
        assertThat(failure(() -> registry.update(NVME3, NOTE, "x".repeat(65536))))
                .hasMessage("nvme3: cannot store 'note': it is longer than 65535 bytes");
    }

    @Test
    void anOversizedAttributeFileIsAReadErrorAndSkippedInListings() throws Exception {
        registry.update(NVME3, AttributeName.OWNER, "stas");
        Path big = root.resolve("run/nvme/registry/nvme3/note");
        Files.write(big, new byte[65537]);
        RegistryException e = failure(() -> registry.retrieve(NVME3, NOTE));
        assertThat(e).hasMessage("nvme3: cannot read 'note': " + big + ": larger than 65536 bytes, not a registry value");
        assertThat(e.reason()).isEqualTo(RegistryException.Reason.IO_FAILURE);
        assertThat(registry.entry(NVME3).attributes()).containsOnlyKeys(AttributeName.OWNER);
    }

    @Test
    void aRegistryDirectoryThatIsAFileGivesAClearErrorForEveryOperation() throws Exception {
        Path file = root.resolve("run/nvme/registry");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "not a directory\n");
        List<String> before = FileTree.of(temp);
        String where = file + " is not a directory";
        assertThat(failure(() -> registry.update(NVME3, AttributeName.OWNER, "stas")))
                .hasMessage("nvme3: cannot update 'owner': " + where);
        assertThat(failure(() -> registry.create(NVME3, "stas"))).hasMessage("nvme3: cannot create the entry: " + where);
        assertThat(failure(() -> registry.retrieve(NVME3, AttributeName.OWNER))).hasMessage("nvme3: cannot read 'owner': " + where);
        assertThat(failure(() -> registry.entry(NVME3))).hasMessage("nvme3: cannot read the entry: " + where);
        assertThat(failure(() -> registry.delete(NVME3))).hasMessage("nvme3: cannot delete the entry: " + where);
        assertThat(failure(() -> registry.removeAttribute(NVME3, NOTE))).hasMessage("nvme3: cannot delete 'note': " + where);
        RegistryException list = failure(registry::list);
        assertThat(list).hasMessage("cannot list the registry: " + where);
        assertThat(list.reason()).isEqualTo(RegistryException.Reason.NOT_A_DIRECTORY);
        assertThat(list.device()).isEmpty();
        assertThat(list.path()).isEqualTo(file);
        assertThat(FileTree.of(temp)).isEqualTo(before);
        assertThat(Files.readString(file)).isEqualTo("not a directory\n");
    }

    @Test
    void aFileHigherUpIsNamedToo() throws Exception {
        Files.writeString(root.resolve("run"), "");
        assertThat(failure(() -> registry.create(NVME3, "stas")))
                .hasMessage("nvme3: cannot create the entry: " + root.resolve("run") + " is not a directory");
        assertThat(FileTree.of(temp)).containsExactly("outside/", "root/", "root/run");
    }

    @Test
    void anEntryThatIsAFileIsNotWrittenThrough() throws Exception {
        Path entry = Files.createDirectories(root.resolve("run/nvme/registry")).resolve("nvme3");
        Files.writeString(entry, "junk");
        assertThat(failure(() -> registry.update(NVME3, NOTE, "n")))
                .hasMessage("nvme3: cannot update 'note': " + entry + ": not a directory (refusing to write through it)");
        assertThat(failure(() -> registry.retrieve(NVME3, NOTE)).reason()).isEqualTo(RegistryException.Reason.IO_FAILURE);
        assertThat(FileTree.of(root)).containsExactly("run/", "run/nvme/", "run/nvme/registry/", "run/nvme/registry/nvme3");
    }

    @Test
    void aSymbolicLinkedEntryIsNeitherWrittenThroughNorListed() throws Exception {
        Path dir = Files.createDirectories(root.resolve("run/nvme/registry"));
        Files.createSymbolicLink(dir.resolve("nvme3"), temp.resolve("outside"));
        Files.createDirectories(root.resolve("dev"));
        Files.writeString(root.resolve("dev/nvme3"), "");
        assertThat(failure(() -> registry.update(NVME3, AttributeName.OWNER, "evil")))
                .hasMessage("nvme3: cannot update 'owner': " + dir.resolve("nvme3")
                        + ": not a directory (refusing to write through it)");
        assertThat(registry.list()).isEmpty();
        assertThat(FileTree.of(temp.resolve("outside"))).isEmpty();
        registry.delete(NVME3);
        assertThat(FileTree.of(temp)).containsExactly("outside/", "root/", "root/dev/", "root/dev/nvme3", "root/run/",
                "root/run/nvme/", "root/run/nvme/registry/");
    }
}
