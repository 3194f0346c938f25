package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

final class ExecCommandTest {

    @Test
    void literalDoublesEveryDollarForSystemd() {
        assertThat(ExecCommand.literal("dev=$(cat f); ${dev#nvme} $$ $HOME"))
                .isEqualTo("dev=$$(cat f); $${dev#nvme} $$$$ $$HOME");
        assertThat(new ExecCommand("/bin/sh", List.of("/bin/sh", "-c", "echo $x"), true).literal())
                .isEqualTo(new ExecCommand("/bin/sh", List.of("/bin/sh", "-c", "echo $$x"), true));
    }

    @Test
    void pathMustBeAbsoluteAndArgvNotEmpty() {
        assertThatThrownBy(() -> new ExecCommand("nvme", List.of("nvme"), false)).hasMessage("path is not absolute: nvme");
        assertThatThrownBy(() -> new ExecCommand("/bin/true", List.of(), false)).hasMessage("argv is empty for /bin/true");
    }
}
