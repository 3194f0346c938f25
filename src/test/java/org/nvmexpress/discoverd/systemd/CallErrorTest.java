package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class CallErrorTest {

    @Test
    void eachErrorNameMapsToItsKindOnce() {
        assertThat(CallError.of("org.freedesktop.systemd1.NoSuchUnit")).isEqualTo(CallError.NO_SUCH_UNIT);
        assertThat(CallError.of("org.freedesktop.systemd1.UnitExists")).isEqualTo(CallError.UNIT_EXISTS);
        assertThat(CallError.of("org.freedesktop.DBus.Error.NoReply")).isEqualTo(CallError.NO_REPLY);
        assertThat(CallError.of("org.freedesktop.DBus.Error.AccessDenied")).isEqualTo(CallError.ACCESS_DENIED);
        assertThat(CallError.of("org.freedesktop.DBus.Error.InteractiveAuthorizationRequired"))
                .isEqualTo(CallError.ACCESS_DENIED);
        assertThat(CallError.of("org.freedesktop.DBus.Error.Disconnected")).isEqualTo(CallError.BUS_LOST);
        assertThat(CallError.of("org.freedesktop.DBus.Error.ServiceUnknown")).isEqualTo(CallError.SYSTEMD_GONE);
        assertThat(CallError.of("org.freedesktop.DBus.Error.NameHasNoOwner")).isEqualTo(CallError.SYSTEMD_GONE);
        assertThat(CallError.of("org.freedesktop.DBus.Error.InvalidArgs")).isEqualTo(CallError.INVALID_ARGS);
        assertThat(CallError.of("org.freedesktop.DBus.Error.InvalidSignature")).isEqualTo(CallError.INVALID_ARGS);
    }

    @Test
    void anUnknownNameIsOther() {
        assertThat(CallError.of("org.freedesktop.DBus.Error.Failed")).isEqualTo(CallError.OTHER);
        assertThat(CallError.of("org.freedesktop.systemd1.UnitMasked")).isEqualTo(CallError.OTHER);
        assertThat(CallError.of("")).isEqualTo(CallError.OTHER);
    }

    @Test
    void aBusCallExceptionCarriesTheKindOfItsName() {
        BusCallException e = new BusCallException("StopUnit", BusCallException.NO_SUCH_UNIT, "Unit x not loaded.");
        assertThat(e.kind()).isEqualTo(CallError.NO_SUCH_UNIT);
        assertThat(e.isNoSuchUnit()).isTrue();
        assertThat(e.isDisconnected()).isFalse();
    }
}
