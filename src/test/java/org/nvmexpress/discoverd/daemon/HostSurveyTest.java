package org.nvmexpress.discoverd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.ini.Diagnostic;
import org.nvmexpress.discoverd.kernel.sysfs.LiveController;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.tid.Role;

final class HostSurveyTest {
    private static final String VOL1 = Candidates.VOL1;
    private static final DeviceName NVME1 = new DeviceName("nvme1");
    private static final DeviceName NVME2 = new DeviceName("nvme2");

    @TempDir
    Path root;

    @Test
    void controllersOwnersAndStateAreRead() {
        HostTree tree = new HostTree(root)
                .controller("nvme2", "tcp", "traddr=10.0.0.2,trsvcid=4420", VOL1, "io")
                .controller("nvme1", "tcp", "traddr=10.0.0.1,trsvcid=4420", VOL1, "io")
                .owner("nvme1", "stas").owner("nvme2", "discoverd");
        tree.write("run/nvme/discoverd/units/nvme-discoverd-c7f645736db2.devid", "nvme2\n");

        HostSnapshot host = tree.snapshot();

        assertThat(host.live()).extracting(LiveController::device).containsExactly(NVME1, NVME2);
        assertThat(host.ownerOf(NVME1)).isEqualTo(new OwnerReading.Owned("stas"));
        assertThat(host.ownerOf(NVME2)).isEqualTo(new OwnerReading.Owned("discoverd"));
        assertThat(host.registryWritten(NVME1)).isPresent();
        assertThat(host.runtime().devidByUnit()).hasSize(1);
        assertThat(host.diagnostics()).isEmpty();
    }

    @Test
    void staleRegistryEntryCountsAsNoOwner() {
        HostTree tree = new HostTree(root).controller("nvme1", "tcp", "traddr=10.0.0.1,trsvcid=4420", VOL1, "io")
                .owner("nvme1", "stas");
        root.resolve("dev/nvme1").toFile().delete();

        HostSnapshot host = tree.snapshot();

        assertThat(host.ownerOf(NVME1)).isEqualTo(new OwnerReading.None());
        assertThat(host.registryWritten(NVME1)).isEmpty();
    }

    @Test
    void unreadableRegistryMakesEveryLiveOwnerUnreadable() {
        HostTree tree = new HostTree(root).controller("nvme1", "tcp", "traddr=10.0.0.1,trsvcid=4420", VOL1, "io");
        tree.write("run/nvme/registry", "not a directory");

        HostSnapshot host = tree.snapshot();

        assertThat(host.ownerOf(NVME1)).isInstanceOf(OwnerReading.Unreadable.class);
        assertThat(host.diagnostics()).hasSize(1);
    }

    @Test
    void sysfsListingErrorGivesNoControllersAndADiagnostic() {
        HostTree tree = new HostTree(root);
        tree.write("sys/class/nvme", "not a directory");

        HostSnapshot host = tree.snapshot();

        assertThat(host.live()).isEmpty();
        assertThat(host.diagnostics()).extracting(Diagnostic::file).containsExactly(
                root.resolve("sys/class/nvme").toString());
    }

    @Test
    void liveForUsesTheSystemHostnqnGivenToTheSurvey() {
        String other = "nqn.2014-08.org.nvmexpress:uuid:00000000-0000-0000-0000-000000000009";
        HostTree tree = new HostTree(root).controller("nvme1", "tcp", "traddr=10.0.0.1,trsvcid=4420", VOL1, "io",
                other, "live");
        Candidate c = Candidates.configured("transport=tcp;traddr=10.0.0.1;nqn=" + VOL1, Role.IOC, 3);

        assertThat(tree.snapshot().liveFor(c)).isEmpty();
        assertThat(tree.survey(Optional.of(other)).read().liveFor(c)).map(LiveController::device).contains(NVME1);
        assertThat(tree.survey(Optional.empty()).read().liveFor(c)).map(LiveController::device).contains(NVME1);
    }

    @Test
    void bootCandidateIsMatchedWithItsTablesHostnqn() {
        String table = "nqn.2014-08.org.nvmexpress:uuid:00000000-0000-0000-0000-000000000009";
        HostTree tree = new HostTree(root).controller("nvme1", "tcp", "traddr=10.0.0.1,trsvcid=4420", VOL1, "io",
                table, "live");

        Candidate boot = Candidates.boot("transport=tcp;traddr=10.0.0.1;trsvcid=4420;nqn=" + VOL1, Role.IOC, table);

        assertThat(tree.snapshot().liveFor(boot)).map(LiveController::device).contains(NVME1);
    }
}
