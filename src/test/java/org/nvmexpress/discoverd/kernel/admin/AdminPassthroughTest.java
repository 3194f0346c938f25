package org.nvmexpress.discoverd.kernel.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.dlp.GetLogPageCommand;
import org.nvmexpress.discoverd.kernel.Errno;
import org.nvmexpress.discoverd.kernel.ErrnoException;

final class AdminPassthroughTest {
    private static final Path DEVICE = Path.of("/dev/nvme3");
    private static final AdminCommand HEADER = AdminCommand.getLogPage(new GetLogPageCommand(0, 20, false));

    private final FakeIoctl ioctl = new FakeIoctl();

    @Test
    void submitReturnsTheDataTheControllerTransferred() throws Exception {
        byte[] header = new byte[20];
        header[8] = 5; // NUMREC
        ioctl.script.add(FakeIoctl.Answer.success(header, 0x1234));

        AdminOutcome outcome;
        try (AdminPassthrough admin = AdminPassthrough.open(ioctl, DEVICE)) {
            outcome = admin.submit(HEADER);
        }

        assertThat(outcome).isInstanceOf(AdminOutcome.Success.class);
        AdminOutcome.Success success = (AdminOutcome.Success) outcome;
        assertThat(success.data()).containsExactly(header);
        assertThat(success.result()).isEqualTo(0x1234);
        assertThat(ioctl.calls).singleElement().satisfies(call -> {
            assertThat(call.request()).isEqualTo(PassthroughStruct.NVME_IOCTL_ADMIN64_CMD);
            assertThat(call.fd()).isEqualTo(7);
            assertThat(call.struct()).hasSize(80);
        });
        assertThat(ioctl.opened).isEqualTo(DEVICE);
        assertThat(ioctl.closed).containsExactly(7);
    }

    @Test
    void submitSendsTheEncodedStructWithTheBufferAddress() throws Exception {
        ioctl.script.add(FakeIoctl.Answer.success(new byte[20], 0));

        AdminPassthrough.open(ioctl, DEVICE).submit(HEADER);

        byte[] sent = ioctl.calls.get(0).struct();
        long address = ByteBuffer.wrap(sent).order(ByteOrder.nativeOrder()).getLong(PassthroughStruct.ADDR);
        assertThat(address).isNotZero();
        assertThat(sent).containsExactly(PassthroughStruct.encode(HEADER, address, true));
    }

    @Test
    void submitFallsBackToThe32BitIoctlOnEnottyForGood() throws Exception {
        ioctl.script.add(FakeIoctl.Answer.fail(Errno.ENOTTY));
        ioctl.script.add(FakeIoctl.Answer.success(new byte[20], 0xABCD));
        ioctl.script.add(FakeIoctl.Answer.success(new byte[20], 0));
        AdminPassthrough admin = AdminPassthrough.open(ioctl, DEVICE);

        AdminOutcome first = admin.submit(HEADER);
        AdminOutcome second = admin.submit(HEADER);

        assertThat(((AdminOutcome.Success) first).result()).isEqualTo(0xABCD);
        assertThat(second).isInstanceOf(AdminOutcome.Success.class);
        assertThat(ioctl.calls).extracting(FakeIoctl.Call::request).containsExactly(
                PassthroughStruct.NVME_IOCTL_ADMIN64_CMD, PassthroughStruct.NVME_IOCTL_ADMIN_CMD,
                PassthroughStruct.NVME_IOCTL_ADMIN_CMD);
        assertThat(ioctl.calls.get(1).struct()).hasSize(72);
        assertThat(admin.usesWideCommands()).isFalse();
    }

    @Test
    void submitFallbackIsPerHandle() throws Exception {
        ioctl.script.add(FakeIoctl.Answer.fail(Errno.ENOTTY));
        ioctl.script.add(FakeIoctl.Answer.success(new byte[20], 0));
        ioctl.script.add(FakeIoctl.Answer.success(new byte[20], 0));
        AdminPassthrough.open(ioctl, DEVICE).submit(HEADER);

        AdminPassthrough fresh = AdminPassthrough.open(ioctl, DEVICE);
        fresh.submit(HEADER);

        assertThat(ioctl.calls.get(2).request()).isEqualTo(PassthroughStruct.NVME_IOCTL_ADMIN64_CMD);
        assertThat(fresh.usesWideCommands()).isTrue();
    }

    @Test
    void submitReportsEnottyOfThe32BitIoctlAsAFailure() throws Exception {
        ioctl.script.add(FakeIoctl.Answer.fail(Errno.ENOTTY));
        ioctl.script.add(FakeIoctl.Answer.fail(Errno.ENOTTY));

        AdminOutcome outcome = AdminPassthrough.open(ioctl, DEVICE).submit(HEADER);

        assertThat(outcome).isInstanceOf(AdminOutcome.Failure.class);
        assertThat(((AdminOutcome.Failure) outcome).errno()).isEqualTo(Errno.ENOTTY);
        assertThat(ioctl.calls).hasSize(2);
    }

    @Test
    void submitMapsAnErrnoToATypedFailureNamingTheDevice() throws Exception {
        ioctl.script.add(FakeIoctl.Answer.fail(Errno.EACCES));

        AdminOutcome outcome = AdminPassthrough.open(ioctl, DEVICE).submit(HEADER);

        AdminOutcome.Failure failure = (AdminOutcome.Failure) outcome;
        assertThat(failure.errno()).isEqualTo(Errno.EACCES);
        assertThat(failure.cause()).hasMessage("admin command 0x02 on /dev/nvme3: EACCES (Permission denied)");
        assertThat(ioctl.calls).hasSize(1);
    }

    @Test
    void submitMapsAPositiveReturnToTheNvmeStatus() throws Exception {
        ioctl.script.add(FakeIoctl.Answer.status(0x4002));

        AdminOutcome outcome = AdminPassthrough.open(ioctl, DEVICE).submit(HEADER);

        assertThat(outcome).isEqualTo(new AdminOutcome.NvmeStatus(0x4002));
        AdminOutcome.NvmeStatus status = (AdminOutcome.NvmeStatus) outcome;
        assertThat(status.statusCode()).isEqualTo(0x02);
        assertThat(status.statusCodeType()).isZero();
        assertThat(status).hasToString("NVMe status 0x4002 (type 0, code 0x02)");
    }

    @Test
    void submitWithoutDataPassesANullBuffer() throws Exception {
        ioctl.script.add(FakeIoctl.Answer.success(new byte[0], 0));

        AdminOutcome outcome = AdminPassthrough.open(ioctl, DEVICE).submit(new AdminCommand(0x18, 0, 0, 0, 0, 0, 0, 0, 0));

        assertThat(((AdminOutcome.Success) outcome).data()).isEmpty();
        assertThat(ByteBuffer.wrap(ioctl.calls.get(0).struct()).order(ByteOrder.nativeOrder())
                .getLong(PassthroughStruct.ADDR)).isZero();
    }

    @Test
    void openFailureIsATypedErrno() {
        ioctl.openFailure = Errno.ENOENT;

        assertThatThrownBy(() -> AdminPassthrough.open(ioctl, DEVICE))
                .isInstanceOfSatisfying(ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT))
                .hasMessage("open /dev/nvme3: ENOENT (No such file or directory)");
    }
}
