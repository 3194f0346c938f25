package org.nvmexpress.discoverd.kernel.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.dlp.GetLogPageCommand;

/** The struct layout of reference §5.2, byte by byte, and the worked example of §5.3. */
final class PassthroughStructTest {
    private static final long BUFFER = 0x1122334455667788L;

    /** {@code _IOWR(type, nr, size)} with the standard Linux {@code _IOC} layout. */
    private static long iowr(char type, int nr, int size) {
        return (3L << 30) | ((long) size << 16) | ((long) type << 8) | nr;
    }

    @Test
    void ioctlNumbersAreIowrOfTheStructSizes() {
        assertThat(PassthroughStruct.NVME_IOCTL_ADMIN_CMD).isEqualTo(iowr('N', 0x41, 72)).isEqualTo(0xC0484E41L);
        assertThat(PassthroughStruct.NVME_IOCTL_ADMIN64_CMD).isEqualTo(iowr('N', 0x47, 80)).isEqualTo(0xC0504E47L);
    }

    @Test
    void encodeWorkedExampleHeaderReadIsExactBytes() {
        AdminCommand header = AdminCommand.getLogPage(new GetLogPageCommand(0, 20, false));

        byte[] wide = PassthroughStruct.encode(header, BUFFER, true, ByteOrder.LITTLE_ENDIAN);

        byte[] expected = new byte[80];
        expected[0] = 0x02; // opcode Get Log Page
        byte[] addr = {(byte) 0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11};
        System.arraycopy(addr, 0, expected, 24, 8);
        expected[36] = 20; // data_len
        expected[40] = 0x70; // cdw10 = 0x00040070: LID 0x70, RAE 0, NUMDL 4
        expected[42] = 0x04;
        assertThat(wide).containsExactly(expected);
    }

    @Test
    void encodeNarrowStructIsTheFirst72BytesOfTheWideOne() {
        AdminCommand header = AdminCommand.getLogPage(new GetLogPageCommand(0, 20, false));

        byte[] narrow = PassthroughStruct.encode(header, BUFFER, false, ByteOrder.LITTLE_ENDIAN);
        byte[] wide = PassthroughStruct.encode(header, BUFFER, true, ByteOrder.LITTLE_ENDIAN);

        assertThat(narrow).hasSize(72);
        assertThat(wide).hasSize(80);
        assertThat(narrow).containsExactly(java.util.Arrays.copyOf(wide, 72));
    }

    @Test
    void encodePutsEveryFieldAtItsOffset() {
        AdminCommand command = new AdminCommand(0xC1, 0xA0A1A2A3, 0xB0B1B2B3, 0xC0C1C2C3, 0xD0D1D2D3, 0xE0E1E2E3,
                0xF0F1F2F3, 0x01020304, 4096);

        ByteBuffer b = ByteBuffer.wrap(PassthroughStruct.encode(command, BUFFER, true, ByteOrder.LITTLE_ENDIAN))
                .order(ByteOrder.LITTLE_ENDIAN);

        assertThat(b.get(0)).isEqualTo((byte) 0xC1);
        assertThat(b.get(1)).as("flags").isZero();
        assertThat(b.getShort(2)).as("rsvd1").isZero();
        assertThat(b.getInt(4)).isEqualTo(0xA0A1A2A3);
        assertThat(b.getInt(8)).as("cdw2").isZero();
        assertThat(b.getInt(12)).as("cdw3").isZero();
        assertThat(b.getLong(16)).as("metadata").isZero();
        assertThat(b.getLong(24)).isEqualTo(BUFFER);
        assertThat(b.getInt(32)).as("metadata_len").isZero();
        assertThat(b.getInt(36)).isEqualTo(4096);
        assertThat(b.getInt(40)).isEqualTo(0xB0B1B2B3);
        assertThat(b.getInt(44)).isEqualTo(0xC0C1C2C3);
        assertThat(b.getInt(48)).isEqualTo(0xD0D1D2D3);
        assertThat(b.getInt(52)).isEqualTo(0xE0E1E2E3);
        assertThat(b.getInt(56)).isEqualTo(0xF0F1F2F3);
        assertThat(b.getInt(60)).isEqualTo(0x01020304);
        assertThat(b.getInt(64)).as("timeout_ms").isZero();
        assertThat(b.getInt(68)).as("rsvd2").isZero();
        assertThat(b.getLong(72)).as("result").isZero();
    }

    @Test
    void encodeWorkedExampleEntryChunksMatchTheReference() {
        ByteBuffer first = le(PassthroughStruct.encode(AdminCommand.getLogPage(new GetLogPageCommand(1024, 4096, true)), 0, true,
                ByteOrder.LITTLE_ENDIAN));
        ByteBuffer last = le(PassthroughStruct.encode(AdminCommand.getLogPage(new GetLogPageCommand(5120, 1024, false)), 0, true,
                ByteOrder.LITTLE_ENDIAN));

        assertThat(first.getInt(36)).isEqualTo(4096);
        assertThat(first.getInt(40)).isEqualTo(0x03FF8070);
        assertThat(first.getInt(48)).isEqualTo(1024);
        assertThat(last.getInt(36)).isEqualTo(1024);
        assertThat(last.getInt(40)).isEqualTo(0x00FF0070);
        assertThat(last.getInt(48)).isEqualTo(5120);
    }

    @Test
    void encodeInHostOrderEqualsExplicitHostOrder() {
        AdminCommand header = AdminCommand.getLogPage(new GetLogPageCommand(0, 20, false));

        assertThat(PassthroughStruct.encode(header, BUFFER, true))
                .containsExactly(PassthroughStruct.encode(header, BUFFER, true, ByteOrder.nativeOrder()));
    }

    @Test
    void resultReadsDword0OrBothDwords() {
        byte[] wide = new byte[80];
        le(wide).putLong(72, 0x0000000700000005L);
        byte[] narrow = new byte[72];
        le(narrow).putInt(68, 0xFFFFFFFE);

        assertThat(PassthroughStruct.result(wide, true, ByteOrder.LITTLE_ENDIAN)).isEqualTo(0x0000000700000005L);
        assertThat(PassthroughStruct.result(narrow, false, ByteOrder.LITTLE_ENDIAN)).isEqualTo(0xFFFFFFFEL);
    }

    private static ByteBuffer le(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
