package org.nvmexpress.discoverd.dlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

final class LogPageReadExceptionTest {

    @Test
    void errnoFailureNamesTheErrno() {
        LogPageReadException e = LogPageReadException.errno("EACCES", 13, "open /dev/nvme3");

        assertThat(e.kind()).isEqualTo(LogPageReadException.Kind.ERRNO);
        assertThat(e.errnoName()).isEqualTo(Optional.of("EACCES"));
        assertThat(e.errno()).isEqualTo(OptionalInt.of(13));
        assertThat(e.nvmeStatus()).isEmpty();
        assertThat(e).hasMessage("open /dev/nvme3: EACCES (errno 13)");
    }

    @Test
    void errnoWithoutANameShowsTheNumber() {
        LogPageReadException e = LogPageReadException.errno(67, "Get Log Page");

        assertThat(e.kind()).isEqualTo(LogPageReadException.Kind.ERRNO);
        assertThat(e.errnoName()).isEmpty();
        assertThat(e.errno()).isEqualTo(OptionalInt.of(67));
        assertThat(e).hasMessage("Get Log Page: errno 67");
    }

    @Test
    void nvmeStatusIsShownInHex() {
        LogPageReadException e = LogPageReadException.nvmeStatus(0x2, "Get Log Page");

        assertThat(e.kind()).isEqualTo(LogPageReadException.Kind.NVME_STATUS);
        assertThat(e.nvmeStatus()).isEqualTo(OptionalInt.of(2));
        assertThat(e.errno()).isEmpty();
        assertThat(e.errnoName()).isEmpty();
        assertThat(e).hasMessage("Get Log Page: NVMe status 0x0002");
    }

    @Test
    void emptyMessageLeavesOnlyTheCause() {
        assertThat(LogPageReadException.errno("ENODEV", 19, "")).hasMessage("ENODEV (errno 19)");
    }

    @Test
    void badFactoryArgumentsAreRejected() {
        assertThatThrownBy(() -> LogPageReadException.errno("25", 25, "x"))
                .hasMessage("errno name out of range: '25' (like ENOTTY)");
        assertThatThrownBy(() -> LogPageReadException.errno("ENOTTY", -25, "x")).hasMessage("errno out of range: -25");
        assertThatThrownBy(() -> LogPageReadException.errno(0, "x")).hasMessage("errno out of range: 0");
        assertThatThrownBy(() -> LogPageReadException.nvmeStatus(0, "x")).hasMessage("NVMe status out of range: 0");
    }
}
