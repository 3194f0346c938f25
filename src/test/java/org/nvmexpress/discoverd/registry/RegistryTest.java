package org.nvmexpress.discoverd.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The behaviour libnvme's registry tests check (reference §14.2), against a temporary system root. */
final class RegistryTest {
    private static final DeviceName NVME3 = new DeviceName("nvme3");
    private static final AttributeName NOTE = new AttributeName("note");

    @TempDir
    Path root;

    private Registry registry;

    @BeforeEach
    void setUp() {
        registry = new Registry(root);
    }

    private Path live(String device) throws IOException {
        Files.createDirectories(root.resolve("dev"));
        return Files.writeString(root.resolve("dev").resolve(device), "");
    }

    private void ueventSeqnum(String text) throws IOException {
        Files.createDirectories(root.resolve("sys/kernel"));
        Files.writeString(root.resolve("sys/kernel/uevent_seqnum"), text);
    }

    private Path entryDir(String device) {
        return root.resolve("run/nvme/registry").resolve(device);
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void createWritesOwnerAndNumericSeqnumAndLeavesNoTemporaries() throws Exception {
        ueventSeqnum("48213\n");
        registry.create(NVME3, "discoverd");
        assertThat(Files.readString(entryDir("nvme3").resolve("owner"))).isEqualTo("discoverd\n");
        assertThat(Files.readString(entryDir("nvme3").resolve("seqnum"))).isEqualTo("48213\n");
        assertThat(registry.retrieve(NVME3, AttributeName.SEQNUM)).hasValue("48213");
        assertThat(FileTree.of(root.resolve("run/nvme/registry"))).containsExactly("nvme3/", "nvme3/owner", "nvme3/seqnum");
        assertThat(mode(root.resolve("run/nvme/registry"))).isEqualTo("rwxr-xr-x");
        assertThat(mode(entryDir("nvme3"))).isEqualTo("rwxr-xr-x");
        assertThat(mode(entryDir("nvme3").resolve("owner"))).isEqualTo("rw-r--r--");
        assertThat(mode(entryDir("nvme3").resolve("seqnum"))).isEqualTo("rw-r--r--");
    }

    @Test
    void createResetsAPreviousEntryToOwnerAndSeqnum() throws Exception {
        ueventSeqnum("7\n");
        registry.create(NVME3, "stas");
        registry.update(NVME3, NOTE, "keep me?");
        ueventSeqnum("9\n");
        registry.create(NVME3, "discoverd");
        assertThat(registry.entry(NVME3).attributes())
                .isEqualTo(Map.of(AttributeName.OWNER, "discoverd", AttributeName.SEQNUM, "9"));
        assertThat(FileTree.of(root.resolve("run/nvme/registry"))).containsExactly("nvme3/", "nvme3/owner", "nvme3/seqnum");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12abc\n", "-1\n"})
    void createWithoutAUsableSeqnumWritesOnlyTheOwner(String seqnum) throws Exception {
        if (!seqnum.isEmpty()) {
            ueventSeqnum(seqnum);
        }
        registry.create(NVME3, "nbft");
        assertThat(FileTree.of(entryDir("nvme3"))).containsExactly("owner");
    }

    @Test
    void updateCreatesTheEntryWithoutAStamp() throws Exception {
        ueventSeqnum("5\n");
        registry.update(NVME3, NOTE, "hello");
        assertThat(Files.readString(entryDir("nvme3").resolve("note"))).isEqualTo("hello\n");
        assertThat(FileTree.of(root.resolve("run/nvme/registry"))).containsExactly("nvme3/", "nvme3/note");
        assertThat(mode(entryDir("nvme3"))).isEqualTo("rwxr-xr-x");
        assertThat(mode(entryDir("nvme3").resolve("note"))).isEqualTo("rw-r--r--");
    }

    @Test
    void updateCanStealTheOwnerAndKeepsOtherAttributes() throws Exception {
        ueventSeqnum("11\n");
        registry.create(NVME3, "discoverd");
        registry.update(NVME3, AttributeName.OWNER, "stas");
        assertThat(registry.retrieve(NVME3, AttributeName.OWNER)).hasValue("stas");
        assertThat(registry.retrieve(NVME3, AttributeName.SEQNUM)).hasValue("11");
        assertThat(FileTree.of(entryDir("nvme3"))).containsExactly("owner", "seqnum");
    }

    @ParameterizedTest
    @ValueSource(strings = {"value with spaces", "\"double\" and 'single' quotes", "!#$%&()*+,-./:;<=>?@[\\]^_`{|}~",
            "  leading and trailing  ", "tab\tinside", "ünïcödé ✓", "$(rm -rf /)"})
    void valuesRoundTrip(String value) throws Exception {
        registry.update(NVME3, NOTE, value);
        assertThat(registry.retrieve(NVME3, NOTE)).hasValue(value);
    }

    @Test
    void retrieveStripsTrailingLineBreaksAndReadsAnEmptyFileAsAbsent() throws Exception {
        Files.createDirectories(entryDir("nvme3"));
        Files.writeString(entryDir("nvme3").resolve("owner"), "stas\r\n\n");
        Files.writeString(entryDir("nvme3").resolve("note"), "\n");
        Files.writeString(entryDir("nvme3").resolve("empty"), "");
        assertThat(registry.retrieve(NVME3, AttributeName.OWNER)).hasValue("stas");
        assertThat(registry.retrieve(NVME3, NOTE)).isEmpty();
        assertThat(registry.retrieve(NVME3, new AttributeName("empty"))).isEmpty();
        assertThat(registry.entry(NVME3).attributes()).containsOnlyKeys(AttributeName.OWNER);
    }

    @Test
    void retrieveOfAnUnknownDeviceIsAbsent() throws Exception {
        assertThat(registry.retrieve(new DeviceName("nvme99"), AttributeName.OWNER)).isEmpty();
        registry.update(NVME3, AttributeName.OWNER, "x");
        assertThat(registry.retrieve(new DeviceName("nvme99"), AttributeName.OWNER)).isEmpty();
        assertThat(registry.retrieve(NVME3, NOTE)).isEmpty();
    }

    @Test
    void deleteThenRetrieveIsAbsentAndASecondDeleteIsNotFound() throws Exception {
        registry.create(NVME3, "discoverd");
        registry.delete(NVME3);
        assertThat(registry.retrieve(NVME3, AttributeName.OWNER)).isEmpty();
        assertThat(FileTree.of(root.resolve("run/nvme/registry"))).isEmpty();
        RegistryException e = catchThrowableOfType(() -> registry.delete(NVME3), RegistryException.class);
        assertThat(e).hasMessage("nvme3: not registered");
        assertThat(e.reason()).isEqualTo(RegistryException.Reason.NOT_FOUND);
        assertThat(e.device()).contains(NVME3);
        assertThat(e.path()).isEqualTo(entryDir("nvme3"));
        assertThat(registry.deleteIfPresent(NVME3)).isFalse();
        assertThat(FileTree.of(root.resolve("run/nvme/registry"))).as("no trash left behind").isEmpty();
    }

    @Test
    void deleteWithoutARegistryIsNotFoundAndCreatesNothing() throws Exception {
        RegistryException e = catchThrowableOfType(() -> registry.delete(NVME3), RegistryException.class);
        assertThat(e.reason()).isEqualTo(RegistryException.Reason.NOT_FOUND);
        assertThat(FileTree.of(root)).isEmpty();
    }

    @Test
    void removeAttributeRemovesOnlyThatAttribute() throws Exception {
        registry.update(NVME3, AttributeName.OWNER, "stas");
        registry.update(NVME3, NOTE, "n");
        registry.removeAttribute(NVME3, NOTE);
        assertThat(FileTree.of(entryDir("nvme3"))).containsExactly("owner");
        RegistryException e = catchThrowableOfType(() -> registry.removeAttribute(NVME3, NOTE), RegistryException.class);
        assertThat(e).hasMessage("nvme3: not registered or 'note' not found");
        assertThat(e.reason()).isEqualTo(RegistryException.Reason.NOT_FOUND);
        assertThat(e.attribute()).contains(NOTE);
    }

    @Test
    void listShowsLiveEntriesInInstanceOrderAndHidesStaleOnes() throws Exception {
        for (String device : new String[] {"nvme10", "nvme2", "nvme5"}) {
            registry.update(new DeviceName(device), AttributeName.OWNER, "owner-of-" + device);
        }
        live("nvme10");
        live("nvme2"); // nvme5 has no /dev node: stale
        Path dir = root.resolve("run/nvme/registry");
        Files.createDirectories(dir.resolve(".nvme7.tmp.123456"));
        Files.createDirectories(dir.resolve(".trash.abcdef"));
        Files.createDirectories(dir.resolve("foreign"));
        Files.writeString(dir.resolve("nvme8"), "a file, not an entry");
        live("nvme7");
        live("nvme8");
        assertThat(registry.list()).containsExactly(
                new RegistryEntry(new DeviceName("nvme2"), Map.of(AttributeName.OWNER, "owner-of-nvme2")),
                new RegistryEntry(new DeviceName("nvme10"), Map.of(AttributeName.OWNER, "owner-of-nvme10")));
        assertThat(registry.entry(new DeviceName("nvme5")).owner()).as("stale, but still readable by name")
                .hasValue("owner-of-nvme5");
        assertThat(registry.listAll()).extracting(e -> e.device().value()).as("live and stale, the rest skipped")
                .containsExactly("nvme2", "nvme5", "nvme10");
    }

    @Test
    void listOfAMissingOrEmptyRegistryIsEmpty() throws Exception {
        assertThat(registry.list()).isEmpty();
        assertThat(registry.listAll()).isEmpty();
        Files.createDirectories(root.resolve("run/nvme/registry"));
        assertThat(registry.list()).isEmpty();
        assertThat(registry.listAll()).isEmpty();
    }

    @Test
    void entrySkipsHiddenTemporaryForeignAndEmptyAttributes() throws Exception {
        registry.update(NVME3, AttributeName.OWNER, "stas");
        Path dir = entryDir("nvme3");
        Files.writeString(dir.resolve(".hidden"), "h\n");
        Files.writeString(dir.resolve("owner.tmp.abc123"), "half-writ");
        Files.writeString(dir.resolve("not.valid"), "x\n");
        Files.writeString(dir.resolve("blank"), "\n");
        Files.createDirectories(dir.resolve("subdir"));
        assertThat(registry.entry(NVME3)).isEqualTo(new RegistryEntry(NVME3, Map.of(AttributeName.OWNER, "stas")));
        assertThat(registry.entry(NVME3).owner()).isEqualTo(Optional.of("stas"));
    }

    @Test
    void entryOfAMissingDeviceIsNotFound() throws Exception {
        RegistryException e = catchThrowableOfType(() -> registry.entry(NVME3), RegistryException.class);
        assertThat(e).hasMessage("nvme3: not registered");
        assertThat(e.reason()).isEqualTo(RegistryException.Reason.NOT_FOUND);
    }

    @Test
    void directoryIsUnderTheSystemRoot() {
        assertThat(registry.directory()).isEqualTo(root.resolve("run/nvme/registry"));
        assertThat(new Registry(Path.of("/")).directory()).isEqualTo(Path.of(Registry.DIRECTORY));
    }
}
