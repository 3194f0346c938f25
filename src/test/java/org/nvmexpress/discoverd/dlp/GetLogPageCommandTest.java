package org.nvmexpress.discoverd.dlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class GetLogPageCommandTest {

    @Test
    void headerCommandEncodesLidAndNumdl() {
        GetLogPageCommand header = new GetLogPageCommand(0, 20, false);

        assertThat(header.numd()).isEqualTo(4);
        assertThat(header.cdw10()).isEqualTo(0x00040070);
        assertThat(header.cdw11()).isZero();
        assertThat(header.cdw12()).isZero();
        assertThat(header.cdw13()).isZero();
    }

    @Test
    void raeIsBitFifteen() {
        assertThat(new GetLogPageCommand(1024, 4096, true).cdw10()).isEqualTo(0x03FF8070);
        assertThat(new GetLogPageCommand(1024, 4096, false).cdw10()).isEqualTo(0x03FF0070);
    }

    /** NUMD above 16 bits splits into NUMDL (cdw10 high half) and NUMDU (cdw11 low half). */
    @Test
    void largeTransferSplitsNumdIntoLowAndHighHalves() {
        GetLogPageCommand big = new GetLogPageCommand(0, 1 << 20, false);

        assertThat(big.numd()).isEqualTo(0x3FFFF);
        assertThat(big.cdw10()).isEqualTo(0xFFFF0070);
        assertThat(big.cdw11()).isEqualTo(0x3);
    }

    @Test
    void offsetSplitsIntoLpolAndLpou() {
        GetLogPageCommand far = new GetLogPageCommand(0x1_2345_6788L, 4, false);

        assertThat(far.cdw12()).isEqualTo(0x23456788);
        assertThat(far.cdw13()).isEqualTo(0x1);
    }

    @Test
    void lengthMustBeAPositiveMultipleOfFour() {
        assertThatThrownBy(() -> new GetLogPageCommand(0, 0, false))
                .hasMessage("length out of range: 0 (a positive multiple of 4)");
        assertThatThrownBy(() -> new GetLogPageCommand(0, 18, false))
                .hasMessage("length out of range: 18 (a positive multiple of 4)");
        assertThatThrownBy(() -> new GetLogPageCommand(0, -4, false))
                .hasMessage("length out of range: -4 (a positive multiple of 4)");
    }

    @Test
    void offsetMustBeANonNegativeMultipleOfFour() {
        assertThatThrownBy(() -> new GetLogPageCommand(-4, 4, false))
                .hasMessage("offset out of range: -4 (a non-negative multiple of 4)");
        assertThatThrownBy(() -> new GetLogPageCommand(1026, 4, false))
                .hasMessage("offset out of range: 1026 (a non-negative multiple of 4)");
    }

    @Test
    void commandDescribesItself() {
        assertThat(new GetLogPageCommand(5120, 1024, true))
                .hasToString("Get Log Page (LID 0x70, offset 5120, 1024 bytes, RAE 1)");
    }
}
