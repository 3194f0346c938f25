package org.nvmexpress.discoverd.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class AdminCommandTest {

    @Test
    void getLogPageHeaderIsTheWorkedExample() {
        AdminCommand header = AdminCommand.getLogPage(0x70, false, 0, 20);

        assertThat(header).isEqualTo(new AdminCommand(0x02, 0, 0x00040070, 0, 0, 0, 0, 0, 20));
    }

    @Test
    void getLogPageSplitsNumdAndOffsetIntoHalves() {
        AdminCommand big = AdminCommand.getLogPage(0x70, true, 0x1_0000_0400L, 0x40000 * 4);

        assertThat(big.cdw10()).isEqualTo(0xFFFF8070); // NUMDL 0xffff, RAE
        assertThat(big.cdw11()).isEqualTo(0x3); // NUMDU
        assertThat(big.cdw12()).isEqualTo(0x400);
        assertThat(big.cdw13()).isEqualTo(1);
        assertThat(big.dataLength()).isEqualTo(0x100000);
    }

    @Test
    void getLogPageRejectsLengthsThatAreNotDwords() {
        assertThatThrownBy(() -> AdminCommand.getLogPage(0x70, false, 0, 18))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("length must be a positive multiple of 4: 18");
        assertThatThrownBy(() -> AdminCommand.getLogPage(0x70, false, 2, 20))
                .hasMessage("offset must be a non-negative multiple of 4: 2");
        assertThatThrownBy(() -> AdminCommand.getLogPage(0x100, false, 0, 20))
                .hasMessage("logId out of range 0-255: 256");
    }

    @Test
    void constructorRejectsBadOpcodeAndLength() {
        assertThatThrownBy(() -> new AdminCommand(256, 0, 0, 0, 0, 0, 0, 0, 0))
                .hasMessage("opcode out of range 0-255: 256");
        assertThatThrownBy(() -> new AdminCommand(2, 0, 0, 0, 0, 0, 0, 0, -1))
                .hasMessage("dataLength must not be negative: -1");
    }
}
