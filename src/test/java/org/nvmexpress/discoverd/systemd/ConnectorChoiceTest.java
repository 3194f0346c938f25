package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.config.Connector;

final class ConnectorChoiceTest {
    private final List<String> probed = new ArrayList<>();

    private ConnectorProbe answering(boolean supportsOwner) {
        return nvmePath -> {
            probed.add(nvmePath);
            return supportsOwner;
        };
    }

    @Test
    void autoTakesNvmeCliWhenItSupportsOwner() {
        assertThat(ConnectorChoice.resolve(Connector.AUTO, "/usr/sbin/nvme", answering(true)))
                .isEqualTo(Connector.NVME_CLI);
        assertThat(probed).containsExactly("/usr/sbin/nvme");
    }

    @Test
    void autoTakesBuiltinWhenNvmeLacksOwner() {
        assertThat(ConnectorChoice.resolve(Connector.AUTO, "/opt/nvme", answering(false))).isEqualTo(Connector.BUILTIN);
        assertThat(probed).containsExactly("/opt/nvme");
    }

    @Test
    void anExplicitChoiceIsNotProbed() {
        assertThat(ConnectorChoice.resolve(Connector.NVME_CLI, "/usr/sbin/nvme", answering(false)))
                .isEqualTo(Connector.NVME_CLI);
        assertThat(ConnectorChoice.resolve(Connector.BUILTIN, "/usr/sbin/nvme", answering(true)))
                .isEqualTo(Connector.BUILTIN);
        assertThat(probed).isEmpty();
    }
}
