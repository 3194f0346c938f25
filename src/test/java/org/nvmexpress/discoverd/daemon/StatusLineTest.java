package org.nvmexpress.discoverd.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

final class StatusLineTest {

    @Test
    void textCountsControllersByState() {
        assertThat(new StatusLine(Map.of(ControllerState.CONNECTED, 9, ControllerState.RETRYING, 2,
                ControllerState.EXCLUDED, 1)).text()).isEqualTo("12 controllers: 9 connected, 2 retrying, 1 excluded");
    }

    @Test
    void textAlwaysShowsConnectedAndOtherwiseOnlyStatesWithControllers() {
        assertThat(new StatusLine(Map.of(ControllerState.STARTING, 1)).text())
                .isEqualTo("1 controller: 0 connected, 1 starting");
        assertThat(new StatusLine(Map.of(ControllerState.CONNECTED, 1, ControllerState.REFUSED, 0)).text())
                .isEqualTo("1 controller: 1 connected");
        assertThat(StatusLine.NONE.text()).isEqualTo("0 controllers");
    }

    @Test
    void textListsStatesInAFixedOrder() {
        Map<ControllerState, Integer> all = Map.of(ControllerState.REFUSED, 1, ControllerState.FOREIGN_OWNED, 1,
                ControllerState.EXCLUDED, 1, ControllerState.UNRESOLVED, 1, ControllerState.WAITING, 1,
                ControllerState.RETRYING, 1, ControllerState.STARTING, 1, ControllerState.CONNECTED, 1);
        assertThat(new StatusLine(all).text()).isEqualTo("8 controllers: 1 connected, 1 starting, 1 retrying,"
                + " 1 waiting, 1 unresolved, 1 excluded, 1 foreign-owned, 1 refused");
    }

    @Test
    void equalCountsAreEqualLines() {
        assertThat(new StatusLine(Map.of(ControllerState.CONNECTED, 2, ControllerState.RETRYING, 0)))
                .isEqualTo(new StatusLine(Map.of(ControllerState.CONNECTED, 2)));
    }

    @Test
    void negativeCountsAreRejected() {
        assertThatThrownBy(() -> new StatusLine(Map.of(ControllerState.RETRYING, -1)))
                .hasMessage("count out of range for retrying: -1");
    }
}
