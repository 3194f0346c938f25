package org.nvmexpress.discoverd.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** Numeric text only: a unit test never asks DNS. */
final class SystemHostResolverTest {
    private final SystemHostResolver resolver = new SystemHostResolver();

    @Test
    void numericTextIsCanonicalisedWithoutLookup() throws UnknownHostException {
        assertThat(resolver.resolve("2001:DB8:0:0::10")).isEqualTo("2001:db8::10");
        assertThat(resolver.resolve("::FFFF:10.0.0.1")).isEqualTo("::ffff:10.0.0.1");
        assertThat(resolver.resolve("10.0.0.1")).isEqualTo("10.0.0.1");
        assertThat(resolver.resolve("fe80::1%eth0")).isEqualTo("fe80::1%eth0");
    }

    @Test
    void emptyNameDoesNotResolve() {
        assertThatThrownBy(() -> resolver.resolve("")).isInstanceOf(UnknownHostException.class)
                .hasMessage("empty host name");
    }
}
