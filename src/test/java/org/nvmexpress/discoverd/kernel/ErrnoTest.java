package org.nvmexpress.discoverd.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class ErrnoTest {

    @Test
    void knownErrnoPrintsItsNameAndText() {
        assertThat(Errno.ENOTTY.name()).isEqualTo("ENOTTY");
        assertThat(Errno.ENOTTY).hasToString("ENOTTY (Inappropriate ioctl for device)");
        assertThat(new Errno(111)).isEqualTo(Errno.ECONNREFUSED).hasToString("ECONNREFUSED (Connection refused)");
    }

    @Test
    void unknownErrnoPrintsItsNumber() {
        assertThat(new Errno(200).name()).isEqualTo("errno 200");
        assertThat(new Errno(200)).hasToString("errno 200");
    }

    @Test
    void namedSaysWhetherTheNumberHasAName() {
        assertThat(Errno.ENOTTY.named()).isTrue();
        assertThat(new Errno(200).named()).isFalse();
    }

    @Test
    void errnoMustBePositive() {
        assertThatThrownBy(() -> new Errno(0)).hasMessage("errno must be positive: 0");
    }

    @Test
    void errnoExceptionNamesTheCallAndTheErrno() {
        ErrnoException e = new ErrnoException("write /dev/nvme-fabrics", Errno.EALREADY);

        assertThat(e).hasMessage("write /dev/nvme-fabrics: EALREADY (Operation already in progress)");
        assertThat(e.errno()).isEqualTo(Errno.EALREADY);
    }
}
