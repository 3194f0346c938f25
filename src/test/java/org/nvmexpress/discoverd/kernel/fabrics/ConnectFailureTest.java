package org.nvmexpress.discoverd.kernel.fabrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.kernel.Errno;

final class ConnectFailureTest {

    @Test
    void networkErrorsAreUnreachable() {
        for (Errno errno : new Errno[] {Errno.ECONNREFUSED, Errno.ETIMEDOUT, Errno.EHOSTUNREACH, Errno.ENETUNREACH,
                Errno.ECONNRESET, Errno.EADDRNOTAVAIL, Errno.ECONNABORTED, Errno.ENETDOWN, Errno.EHOSTDOWN}) {
            assertThat(ConnectFailure.of(errno)).as(errno.name()).isEqualTo(ConnectFailure.UNREACHABLE);
        }
    }

    @Test
    void targetAnswersAreRefusedByTarget() {
        for (Errno errno : new Errno[] {Errno.EIO, Errno.EPROTO, Errno.EKEYREJECTED, Errno.EACCES, Errno.EPERM}) {
            assertThat(ConnectFailure.of(errno)).as(errno.name()).isEqualTo(ConnectFailure.REFUSED_BY_TARGET);
        }
    }

    @Test
    void ealreadyIsAlreadyConnected() {
        assertThat(ConnectFailure.of(Errno.EALREADY)).isEqualTo(ConnectFailure.ALREADY_CONNECTED);
    }

    @Test
    void optionErrorsAreBadArguments() {
        for (Errno errno : new Errno[] {Errno.EINVAL, Errno.ENOMEM, Errno.ENODEV, Errno.ENOKEY, Errno.EKEYEXPIRED,
                Errno.EKEYREVOKED}) {
            assertThat(ConnectFailure.of(errno)).as(errno.name()).isEqualTo(ConnectFailure.BAD_ARGUMENTS);
        }
    }

    @Test
    void anythingElseIsFailed() {
        assertThat(ConnectFailure.of(Errno.EBUSY)).isEqualTo(ConnectFailure.FAILED);
        assertThat(ConnectFailure.of(new Errno(200))).isEqualTo(ConnectFailure.FAILED);
    }

    @Test
    void describeIsLowerCaseWords() {
        assertThat(ConnectFailure.REFUSED_BY_TARGET.describe()).isEqualTo("refused by target");
    }
}
