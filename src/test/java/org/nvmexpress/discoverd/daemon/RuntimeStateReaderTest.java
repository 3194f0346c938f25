package org.nvmexpress.discoverd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.ini.Diagnostic;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.tid.UnitName;

final class RuntimeStateReaderTest {
    private static final UnitName UNIT = new UnitName("nvme-discoverd-c7f645736db2.service");
    private static final UnitName OTHER = new UnitName("nvme-discoverd-0123456789ab.service");
    private static final Instant WRITTEN = Instant.parse("2025-01-01T10:00:00Z");

    @TempDir
    Path root;

    private HostTree tree() {
        return new HostTree(root);
    }

    private Path state(String relative) {
        return root.resolve("run/nvme/discoverd").resolve(relative);
    }

    @Test
    void noDirectoriesIsAnEmptyState() {
        RuntimeState state = RuntimeStateReader.read(root);

        assertThat(state).isEqualTo(RuntimeState.EMPTY);
    }

    @Test
    void unitAndDevidFilesAreReadWithTheirTimes() {
        tree().stateUnit("nvme3", UNIT, WRITTEN).devid(UNIT, "nvme3").devid(OTHER, "nvme10");

        RuntimeState state = RuntimeStateReader.read(root);

        assertThat(state.unitsByDevice()).isEqualTo(Map.of(new DeviceName("nvme3"), UNIT));
        assertThat(state.devidByUnit()).isEqualTo(Map.of(UNIT, new DeviceName("nvme3"), OTHER, new DeviceName("nvme10")));
        assertThat(state.unitWritten()).isEqualTo(Map.of(new DeviceName("nvme3"), WRITTEN));
        assertThat(state.unitOf(new DeviceName("nvme3"))).contains(UNIT);
        assertThat(state.devidOf(OTHER)).contains(new DeviceName("nvme10"));
        assertThat(state.diagnostics()).isEmpty();
    }

    @Test
    void onlyTheFirstLineCounts() {
        tree().write("run/nvme/discoverd/controllers/nvme1/unit", UNIT.value() + "\ngarbage\n");

        assertThat(RuntimeStateReader.read(root).unitsByDevice()).containsEntry(new DeviceName("nvme1"), UNIT);
    }

    @Test
    void emptyTornOrForeignContentIsAbsentAndReported() {
        tree().write("run/nvme/discoverd/controllers/nvme1/unit", "");
        tree().write("run/nvme/discoverd/controllers/nvme2/unit", "nvme-discoverd-c7f6");
        tree().write("run/nvme/discoverd/controllers/nvme3/unit", "x".repeat(300) + "\n");
        tree().write("run/nvme/discoverd/units/" + UNIT.devidFileName(), "../../etc\n");

        RuntimeState state = RuntimeStateReader.read(root);

        assertThat(state.unitsByDevice()).isEmpty();
        assertThat(state.devidByUnit()).isEmpty();
        assertThat(state.diagnostics()).extracting(Diagnostic::withoutSeverity).containsExactly(
                state("controllers/nvme1/unit") + ": empty, ignored",
                state("controllers/nvme2/unit") + ":1: not an nvme-discoverd unit name: 'nvme-discoverd-c7f6', ignored",
                state("controllers/nvme3/unit") + ":1: line longer than 255 characters, ignored",
                state("units/" + UNIT.devidFileName()) + ":1: not a device name (nvmeN): '../../etc', ignored");
    }

    @Test
    void namesThatAreNotDevicesOrUnitsAreSkippedAndHiddenOnesSilently() throws IOException {
        tree().write("run/nvme/discoverd/controllers/sda/unit", UNIT.value() + "\n");
        tree().write("run/nvme/discoverd/controllers/.nvme4.tmp/unit", UNIT.value() + "\n");
        tree().write("run/nvme/discoverd/units/notes.txt", "nvme1\n");
        Files.createDirectories(state("controllers/nvme5"));

        RuntimeState state = RuntimeStateReader.read(root);

        assertThat(state.unitsByDevice()).isEmpty();
        assertThat(state.diagnostics()).extracting(Diagnostic::withoutSeverity).containsExactly(
                state("controllers/nvme5/unit") + ": missing, ignored",
                state("controllers/sda") + ": not a device name (nvmeN), skipped",
                state("units/notes.txt") + ": not a unit's devid file, skipped");
    }

    @Test
    void aFileWhereADirectoryBelongsIsReported() {
        tree().write("run/nvme/discoverd/controllers", "oops");

        assertThat(RuntimeStateReader.read(root).diagnostics()).extracting(Diagnostic::withoutSeverity)
                .containsExactly(state("controllers") + ": not a directory, ignored");
    }
}
