package org.nvmexpress.discoverd.mdns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** TXT records are whatever anyone on the link sent: reading one never throws and says little. */
class AnnouncementsPropertyTest {
    /** A reason quotes at most three values of {@link Announcements#MAX_QUOTED} characters, each escaped ×4, plus text. */
    private static final int MAX_REASON = 3 * (4 * Announcements.MAX_QUOTED + 40) + 120;

    @Property(tries = 500)
    void hostileRecordsNeverThrowAndTheReasonIsBoundedAndPrintable(@ForAll("instances") ServiceInstance instance) {
        Announcements.Reading reading = Announcements.read(instance);
        if (reading instanceof Announcements.Ignored ignored) {
            assertThat(ignored.reason().length()).isLessThanOrEqualTo(MAX_REASON);
            assertThat(ignored.reason().chars().noneMatch(Character::isISOControl)).isTrue();
        } else {
            Announcements.Dc dc = (Announcements.Dc) reading;
            assertThat(dc.tid().nqn().chars().noneMatch(Character::isISOControl)).isTrue();
            assertThat(dc.tid().nqn().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo(Announcements.MAX_NQN_BYTES);
            assertThat(dc.tid().transport()).isIn("tcp", "rdma");
        }
    }

    @Provide
    Arbitrary<ServiceInstance> instances() {
        Arbitrary<String> hostile = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(600),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(20),
                Arbitraries.of("tcp", "rdma", "roce", "iwarp", "TCP", "", "fc", "nqn.2014-08.org.nvmexpress.discovery"),
                Arbitraries.strings().alpha().ofMinLength(200).ofMaxLength(300));
        Arbitrary<Map<String, String>> txt = Arbitraries.maps(Arbitraries.of("p", "nqn", "x", ""), hostile).ofMaxSize(3);
        Arbitrary<String> address = Arbitraries.oneOf(hostile, Arbitraries.of("10.0.0.1", "fe80::1", "::1"));
        Arbitrary<String> iface = Arbitraries.oneOf(hostile, Arbitraries.of("eth0", "ib0"));
        Arbitrary<String> type = Arbitraries.of(ServiceInstance.TYPE_TCP, ServiceInstance.TYPE_UDP);
        return Combinators.combine(type, iface, address, Arbitraries.integers().between(0, 65535), txt)
                .as((t, i, a, port, record) -> new ServiceInstance(new ServiceInstance.Key("x", t, "local", i, false),
                        a, port, record));
    }
}
