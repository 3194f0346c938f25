package org.nvmexpress.discoverd.mdns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

final class BackendPresenceTest {
    private final BackendPresence presence = new BackendPresence();

    @Test
    void presentAtStartSaysNothing() {
        assertThat(presence.present()).isEmpty();
    }

    @Test
    void absentAtStartIsALossAndItsArrivalAReturn() {
        assertThat(presence.absent("not there")).contains(new BrowseEvent.BrowserLost("not there"));
        assertThat(presence.present()).contains(new BrowseEvent.BrowserBack());
    }

    @Test
    void lossSaidOnceHoweverManyWaysItIsNoticed() {
        presence.present();
        assertThat(presence.absent("left the bus")).contains(new BrowseEvent.BrowserLost("left the bus"));
        assertThat(presence.absent("call failed")).isEmpty();
    }

    @Test
    void returnSaidOnlyAfterALoss() {
        presence.present();
        assertThat(presence.present()).isEmpty();
        presence.absent("gone");
        assertThat(presence.present()).isEqualTo(Optional.of(new BrowseEvent.BrowserBack()));
        assertThat(presence.present()).isEmpty();
    }
}
