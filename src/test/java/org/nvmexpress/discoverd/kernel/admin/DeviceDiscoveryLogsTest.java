package org.nvmexpress.discoverd.kernel.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.dlp.DiscoveryLogEntry;
import org.nvmexpress.discoverd.dlp.DiscoveryLogFetcher;
import org.nvmexpress.discoverd.sim.fabric.DlpWriter;
import org.nvmexpress.discoverd.dlp.FetchResult;
import org.nvmexpress.discoverd.dlp.GetLogPageCommand;
import org.nvmexpress.discoverd.kernel.Errno;
import org.nvmexpress.discoverd.kernel.ErrnoException;

final class DeviceDiscoveryLogsTest {
    private static final Path ROOT = Path.of("/srv/host-root");
    private static final GetLogPageCommand HEADER = new GetLogPageCommand(0, 20, false);
    /** Five entries: more than one 4096-byte chunk, so the fetch takes four commands. */
    private static final byte[] PAGE = page(9, 5);

    private final FakeDiscoveryController controller = new FakeDiscoveryController(PAGE);
    private final DeviceDiscoveryLogs logs = new DeviceDiscoveryLogs(ROOT, controller, new DiscoveryLogFetcher());

    @Test
    void fetchReadsTheWholePageThroughTheDevice() {
        FetchResult result = logs.fetch("nvme3");

        FetchResult.Fetched fetched = (FetchResult.Fetched) result;
        assertThat(fetched.raw()).containsExactly(PAGE);
        assertThat(fetched.page().genctr()).isEqualTo(9);
        assertThat(fetched.page().entries()).extracting(DiscoveryLogEntry::subnqn)
                .containsExactly(nqn(0), nqn(1), nqn(2), nqn(3), nqn(4));
        assertThat(controller.commands).containsExactly(HEADER, new GetLogPageCommand(1024, 4096, true),
                new GetLogPageCommand(5120, 1024, false), HEADER);
        assertThat(result.describe()).isEqualTo("read 5 records, genctr 9");
    }

    @Test
    void fetchOpensTheDeviceUnderTheRootAndClosesIt() {
        logs.fetch("nvme3");

        assertThat(controller.opened).containsExactly(Path.of("/srv/host-root/dev/nvme3"));
        assertThat(controller.closed).containsExactly(FakeDiscoveryController.FIRST_FD);
        assertThat(controller.stillOpen()).isEmpty();
    }

    @Test
    void fetchOpensTheDeviceAgainForEachFetchAndSeesTheCurrentPage() {
        logs.fetch("nvme3");
        byte[] changed = page(10, 2);
        controller.page(changed);

        FetchResult second = logs.fetch("nvme3");

        assertThat(((FetchResult.Fetched) second).raw()).containsExactly(changed);
        assertThat(controller.opened).hasSize(2);
        assertThat(controller.closed).containsExactly(FakeDiscoveryController.FIRST_FD, FakeDiscoveryController.FIRST_FD + 1);
        assertThat(controller.stillOpen()).as("nothing is held open between fetches").isEmpty();
    }

    @Test
    void fetchReportsADeviceThatIsGoneAsUnavailableNamingTheErrno() {
        controller.openFailure = Errno.ENOENT;

        FetchResult result = logs.fetch("nvme3");

        assertThat(result).isEqualTo(new FetchResult.DeviceUnavailable("nvme3",
                "open /srv/host-root/dev/nvme3: ENOENT (No such file or directory)"));
        assertThat(controller.commands).isEmpty();
        assertThat(controller.closed).as("nothing was opened, so nothing is closed").isEmpty();
    }

    @Test
    void fetchReportsADeviceItMayNotOpenAsUnavailableNamingTheErrno() {
        controller.openFailure = Errno.EACCES;

        FetchResult result = logs.fetch("nvme3");

        assertThat(result).isInstanceOfSatisfying(FetchResult.DeviceUnavailable.class, unavailable -> {
            assertThat(unavailable.device()).isEqualTo("nvme3");
            assertThat(unavailable.reason()).endsWith(": EACCES (Permission denied)");
        });
        assertThat(result.describe()).isEqualTo(
                "open /srv/host-root/dev/nvme3: EACCES (Permission denied)");
        assertThat(controller.commands).isEmpty();
        assertThat(controller.closed).isEmpty();
    }

    @Test
    void fetchReportsAFailedCommandAsReadFailedAndClosesTheDevice() {
        controller.failCommand(2, Errno.EIO);

        FetchResult result = logs.fetch("nvme3");

        FetchResult.ReadFailed failed = (FetchResult.ReadFailed) result;
        assertThat(failed.command()).isEqualTo(new GetLogPageCommand(1024, 4096, true));
        assertThat(failed.cause().errnoName()).hasValue("EIO");
        assertThat(failed.cause()).hasMessageStartingWith("/srv/host-root/dev/nvme3: Get Log Page 0x70 at offset 1024");
        assertThat(controller.commands).hasSize(2);
        assertThat(controller.stillOpen()).isEmpty();
    }

    @Test
    void fetchReportsAFailedCompletionAsReadFailedWithItsStatus() {
        controller.statusOn(1, 0x4002);

        FetchResult result = logs.fetch("nvme3");

        FetchResult.ReadFailed failed = (FetchResult.ReadFailed) result;
        assertThat(failed.command()).isEqualTo(HEADER);
        assertThat(failed.cause().nvmeStatus()).hasValue(0x4002);
        assertThat(controller.stillOpen()).isEmpty();
    }

    @Test
    void fetchReportsACommandFailingWithAnErrnoWithoutANameAsReadFailed() {
        // ENOLINK (67), which Errno has no name for: the block layer's answer to a transport failure.
        controller.failCommand(1, new Errno(67));

        FetchResult result = logs.fetch("nvme3");

        assertThat(result).isInstanceOfSatisfying(FetchResult.ReadFailed.class,
                failed -> assertThat(failed.cause().errno()).hasValue(67));
        assertThat(controller.stillOpen()).isEmpty();
    }

    @Test
    void fetchKeepsThePageWhenCloseFailsAfterAGoodRead() {
        controller.closeFailure = Errno.EIO;

        FetchResult result = logs.fetch("nvme3");

        assertThat(result).isInstanceOf(FetchResult.Fetched.class);
        assertThat(((FetchResult.Fetched) result).raw()).containsExactly(PAGE);
        assertThat(controller.closed).hasSize(1);
    }

    @Test
    void fetchKeepsTheReadFailureWhenCloseFailsToo() {
        controller.failCommand(1, Errno.EACCES);
        controller.closeFailure = Errno.EIO;

        FetchResult result = logs.fetch("nvme3");

        assertThat(result).isInstanceOfSatisfying(FetchResult.ReadFailed.class,
                failed -> assertThat(failed.cause().errnoName()).hasValue("EACCES"));
        assertThat(controller.closed).hasSize(1);
    }

    @Test
    void fetchClosesTheDeviceWhenACommandThrows() {
        controller.throwOn(2, new IllegalStateException("the port broke its contract"));

        assertThatThrownBy(() -> logs.fetch("nvme3")).isInstanceOf(IllegalStateException.class)
                .hasMessage("the port broke its contract");
        assertThat(controller.closed).hasSize(1);
        assertThat(controller.stillOpen()).isEmpty();
    }

    @Test
    void fetchOfAnEmptyPageReadsOnlyTheHeaderAndClosesTheDevice() {
        controller.page(page(3, 0));

        FetchResult result = logs.fetch("nvme3");

        assertThat(((FetchResult.Fetched) result).page().entries()).isEmpty();
        assertThat(controller.commands).containsExactly(HEADER);
        assertThat(controller.stillOpen()).isEmpty();
    }

    @Test
    void fetchClosesTheDeviceWhenTheHeaderClaimsTooManyRecords() {
        DeviceDiscoveryLogs limited = new DeviceDiscoveryLogs(ROOT, controller, new DiscoveryLogFetcher(4));

        FetchResult result = limited.fetch("nvme3");

        assertThat(result).isEqualTo(new FetchResult.TooManyRecords(5, 4));
        assertThat(controller.commands).containsExactly(HEADER);
        assertThat(controller.stillOpen()).isEmpty();
    }

    @Test
    void fetchClosesTheDeviceWhenTheGenerationKeepsChanging() {
        DeviceDiscoveryLogs logs = new DeviceDiscoveryLogs(ROOT, new GenerationBumping(controller), new DiscoveryLogFetcher());

        FetchResult result = logs.fetch("nvme3");

        assertThat(result).isInstanceOfSatisfying(FetchResult.GenerationKeptChanging.class,
                changing -> assertThat(changing.reads()).isEqualTo(DiscoveryLogFetcher.MAX_READS));
        assertThat(controller.opened).hasSize(1);
        assertThat(controller.stillOpen()).isEmpty();
    }

    @Test
    void ofOpensTheDeviceWithTheRealSystemCalls(@TempDir Path root) {
        FetchResult result = DeviceDiscoveryLogs.of(root).fetch("nvme0");

        assertThat(result).isEqualTo(new FetchResult.DeviceUnavailable("nvme0",
                "open " + root.resolve("dev/nvme0") + ": ENOENT (No such file or directory)"));
    }

    @Test
    void ofReportsAFileThatIsNoControllerAsReadFailedWithEnotty(@TempDir Path root) throws IOException {
        // A regular file opens, but answers both passthrough ioctls with ENOTTY.
        Files.createDirectories(root.resolve("dev"));
        Files.write(root.resolve("dev/nvme0"), new byte[0]);

        FetchResult result = DeviceDiscoveryLogs.of(root).fetch("nvme0");

        assertThat(result).isInstanceOfSatisfying(FetchResult.ReadFailed.class, failed -> {
            assertThat(failed.command()).isEqualTo(HEADER);
            assertThat(failed.cause().errnoName()).hasValue("ENOTTY");
        });
    }

    /** {@code count} TCP entries, each its own subsystem, at generation {@code genctr}. */
    private static byte[] page(long genctr, int count) {
        DlpWriter writer = new DlpWriter().genctr(genctr);
        for (int i = 0; i < count; i++) {
            writer.entry(DlpWriter.tcp("192.0.2." + (10 + i), "4420", nqn(i)));
        }
        return writer.build();
    }

    private static String nqn(int i) {
        return "nqn.2014-08.org.example:vol" + i;
    }

    /**
     * The controller on a fabric that never settles: before each command the generation counter
     * moves on, so no two header reads agree.
     */
    private static final class GenerationBumping implements Ioctl {
        private final FakeDiscoveryController controller;
        private long genctr = 100;

        GenerationBumping(FakeDiscoveryController controller) {
            this.controller = controller;
        }

        @Override
        public int openReadOnly(Path device) throws ErrnoException {
            return controller.openReadOnly(device);
        }

        @Override
        public int ioctl(int fd, long request, Pointer argument) throws ErrnoException {
            byte[] next = PAGE.clone();
            ByteBuffer.wrap(next).order(ByteOrder.LITTLE_ENDIAN).putLong(0, genctr++);
            controller.page(next);
            return controller.ioctl(fd, request, argument);
        }

        @Override
        public void close(int fd) throws ErrnoException {
            controller.close(fd);
        }
    }
}
