package org.nvmexpress.discoverd.ini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class DiagnosticTest {
    @Test
    void rendersFileLineSeverityAndMessage() {
        assertThat(Diagnostic.error("/etc/nvme/nvme-fabrics.conf", 12, "bad").toString())
                .isEqualTo("/etc/nvme/nvme-fabrics.conf:12: error: bad");
        assertThat(Diagnostic.warning("a.conf", 3, "odd").toString()).isEqualTo("a.conf:3: warning: odd");
        assertThat(Diagnostic.warning("a.conf", 3, "odd").withoutSeverity()).isEqualTo("a.conf:3: odd");
    }

    @Test
    void lineZeroMeansTheWholeFile() {
        assertThat(Diagnostic.error("a.conf", 0, "is a directory").toString()).isEqualTo("a.conf: error: is a directory");
    }

    @Test
    void negativeLineIsRejected() {
        assertThatThrownBy(() -> Diagnostic.error("a", -1, "m")).hasMessage("line out of range: -1");
    }
}
