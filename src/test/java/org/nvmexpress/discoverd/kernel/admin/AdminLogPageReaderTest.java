package org.nvmexpress.discoverd.kernel.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.dlp.GetLogPageCommand;
import org.nvmexpress.discoverd.dlp.LogPageReadException;
import org.nvmexpress.discoverd.kernel.Errno;

final class AdminLogPageReaderTest {
    private static final GetLogPageCommand HEADER = new GetLogPageCommand(0, 20, false);
    private static final Path DEVICE = Path.of("/dev/nvme3");

    private final FakeIoctl ioctl = new FakeIoctl();

    @Test
    void readReturnsTheTransferredBytes() throws Exception {
        byte[] header = new byte[20];
        header[8] = 4;
        ioctl.script.add(FakeIoctl.Answer.success(header, 0));

        assertThat(new AdminLogPageReader(AdminPassthrough.open(ioctl, DEVICE)).read(HEADER)).containsExactly(header);
        assertThat(ioctl.calls).singleElement().satisfies(call -> assertThat(call.struct()).containsExactly(
                PassthroughStruct.encode(AdminCommand.getLogPage(HEADER), addressOf(call.struct()), true)));
    }

    @Test
    void readReportsAnErrnoByName() throws Exception {
        ioctl.script.add(FakeIoctl.Answer.fail(Errno.EACCES));
        AdminLogPageReader reader = new AdminLogPageReader(AdminPassthrough.open(ioctl, DEVICE));

        assertThatThrownBy(() -> reader.read(HEADER)).isInstanceOfSatisfying(LogPageReadException.class, e -> {
            assertThat(e.errnoName()).hasValue("EACCES");
            assertThat(e.getMessage()).startsWith("/dev/nvme3: Get Log Page 0x70 at offset 0, 20 bytes");
        });
    }

    @Test
    void readReportsAnErrnoWithoutANameByItsNumber() throws Exception {
        ioctl.script.add(FakeIoctl.Answer.fail(new Errno(67)));
        AdminLogPageReader reader = new AdminLogPageReader(AdminPassthrough.open(ioctl, DEVICE));

        assertThatThrownBy(() -> reader.read(HEADER)).isInstanceOfSatisfying(LogPageReadException.class, e -> {
            assertThat(e.errno()).hasValue(67);
            assertThat(e.errnoName()).isEmpty();
            assertThat(e).hasMessage("/dev/nvme3: Get Log Page 0x70 at offset 0, 20 bytes: errno 67");
        });
    }

    @Test
    void readReportsAFailedCompletionByItsStatus() throws Exception {
        ioctl.script.add(FakeIoctl.Answer.status(0x4002));
        AdminLogPageReader reader = new AdminLogPageReader(AdminPassthrough.open(ioctl, DEVICE));

        assertThatThrownBy(() -> reader.read(HEADER)).isInstanceOfSatisfying(LogPageReadException.class,
                e -> assertThat(e.nvmeStatus()).hasValue(0x4002));
    }

    private static long addressOf(byte[] struct) {
        return ByteBuffer.wrap(struct).order(ByteOrder.nativeOrder()).getLong(PassthroughStruct.ADDR);
    }
}
