package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class StatusLineTest {

    @Test
    void textCountsConnectedAndRetrying() {
        assertThat(new StatusLine(12, 11, 1).text()).isEqualTo("12 controllers: 11 connected, 1 retrying");
        assertThat(new StatusLine(1, 1, 0).text()).isEqualTo("1 controller: 1 connected, 0 retrying");
        assertThat(new StatusLine(0, 0, 0).text()).isEqualTo("0 controllers: 0 connected, 0 retrying");
    }

    @Test
    void textShowsWaitingOnlyWhenSomeAre() {
        assertThat(new StatusLine(7, 2, 1).text()).isEqualTo("7 controllers: 2 connected, 1 retrying, 4 waiting");
    }

    @Test
    void countsMustAddUp() {
        assertThatThrownBy(() -> new StatusLine(2, 2, 1))
                .hasMessage("controller counts do not add up: 2 controllers, 2 connected, 1 retrying");
        assertThatThrownBy(() -> new StatusLine(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
