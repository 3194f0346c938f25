package org.nvmexpress.discoverd.tid;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the TID's forms over generated TIDs of every transport. */
final class TransportIdPropertyTest {

    @Property
    void parsingTheCanonicalFormGivesTheSameTid(@ForAll("tids") TransportId tid) {
        TransportId reparsed = TidParser.strict(tid.canonical());
        assertThat(reparsed).isEqualTo(tid);
        assertThat(reparsed.canonical()).isEqualTo(tid.canonical());
        for (TidField f : TidField.values()) {
            assertThat(f.get(reparsed)).as(f.key()).isEqualTo(f.get(tid));
        }
    }

    @Property
    void canonicalisationIsIdempotent(@ForAll("tids") TransportId tid) {
        TransportId again = tid.toBuilder().build();
        assertThat(again.canonical()).isEqualTo(tid.canonical());
        assertThat(again.traddr()).isEqualTo(tid.traddr());
        assertThat(again.hostTraddr()).isEqualTo(tid.hostTraddr());
    }

    @Property
    void unitNameDependsOnlyOnTheCanonicalForm(@ForAll("tids") TransportId tid) {
        assertThat(tid.unitName()).isEqualTo(UnitName.ofCanonical(tid.canonical()));
        assertThat(TidParser.strict(tid.canonical()).unitName()).isEqualTo(tid.unitName());
    }

    @Provide
    Arbitrary<TransportId> tids() {
        return Arbitraries.of("tcp", "rdma", "fc", "loop").flatMap(transport -> Combinators.combine(
                address(transport).injectNull(0.2), token().injectNull(0.3), token().injectNull(0.2),
                address(transport).injectNull(0.5), token().injectNull(0.5), token().injectNull(0.5),
                token().injectNull(0.5))
                .as((traddr, trsvcid, nqn, hostTraddr, hostIface, hostnqn, hostid) -> TransportId.builder()
                        .transport(transport).traddr(traddr).trsvcid(trsvcid).nqn(nqn).hostTraddr(hostTraddr)
                        .hostIface(hostIface).hostnqn(hostnqn).hostid(hostid).build()));
    }

    /** Addresses in spellings the transport accepts, including non-canonical ones. */
    private static Arbitrary<String> address(String transport) {
        switch (transport) {
            case "tcp":
            case "rdma":
                return Arbitraries.oneOf(ipv4(), ipv6Expanded());
            case "fc":
                return Combinators.combine(hex(16), hex(16), Arbitraries.of(":", ","))
                        .as((nn, pn, sep) -> "nn-0x" + nn + sep + "pn-0x" + pn);
            default:
                return token();
        }
    }

    private static Arbitrary<String> ipv4() {
        return Arbitraries.integers().between(0, 255).list().ofSize(4)
                .map(octets -> octets.stream().map(String::valueOf).reduce((a, b) -> a + "." + b).orElseThrow());
    }

    private static Arbitrary<String> ipv6Expanded() {
        Arbitrary<String> group = Arbitraries.oneOf(Arbitraries.just("0"), Arbitraries.just("0000"), hex(4));
        return group.list().ofSize(8).map(groups -> String.join(":", groups));
    }

    private static Arbitrary<String> hex(int maxLength) {
        return Arbitraries.strings().withChars("0123456789abcdefABCDEF").ofMinLength(1).ofMaxLength(maxLength);
    }

    /** A value the text form can carry: non-empty, no separators, no surrounding white space. */
    private static Arbitrary<String> token() {
        return Arbitraries.strings().withCharRange('!', '~').excludeChars(';', '=').ofMinLength(1).ofMaxLength(24);
    }
}
