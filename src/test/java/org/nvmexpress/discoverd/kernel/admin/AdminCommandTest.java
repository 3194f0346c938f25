package org.nvmexpress.discoverd.kernel.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.dlp.GetLogPageCommand;

final class AdminCommandTest {

    @Test
    void getLogPageCarriesTheDiscoveryLogDwords() {
        AdminCommand header = AdminCommand.getLogPage(new GetLogPageCommand(0, 20, false));
        assertThat(header).isEqualTo(new AdminCommand(0x02, 0, 0x00040070, 0, 0, 0, 0, 0, 20));

        AdminCommand big = AdminCommand.getLogPage(new GetLogPageCommand(0x1_0000_0400L, 0x40000 * 4, true));
        assertThat(big).isEqualTo(new AdminCommand(0x02, 0, 0xFFFF8070, 0x3, 0x400, 1, 0, 0, 0x100000));
    }

    @Test
    void constructorRejectsBadOpcodeAndLength() {
        assertThatThrownBy(() -> new AdminCommand(256, 0, 0, 0, 0, 0, 0, 0, 0))
                .hasMessage("opcode out of range 0-255: 256");
        assertThatThrownBy(() -> new AdminCommand(2, 0, 0, 0, 0, 0, 0, 0, -1))
                .hasMessage("dataLength must not be negative: -1");
    }
}
