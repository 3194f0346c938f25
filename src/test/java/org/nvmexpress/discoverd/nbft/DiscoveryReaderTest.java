package org.nvmexpress.discoverd.nbft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nvmexpress.discoverd.nbft.NbftFixtures.mutated;
import static org.nvmexpress.discoverd.nbft.NbftFixtures.putU16;
import static org.nvmexpress.discoverd.nbft.NbftParserTest.STATIC;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The discovery descriptor rules of reference §7.3, on the descriptor at offset 320 of the static table. */
final class DiscoveryReaderTest {
    private static NbftTable parse(byte[] bytes) throws NbftParseException {
        return NbftParser.parse("T", bytes);
    }

    @Test
    void discoveryIsReadWithItsHfi() throws NbftParseException {
        NbftTable table = parse(NbftFixtures.table(STATIC));
        NbftDiscovery discovery = table.discoveryControllers().get(0);
        assertThat(discovery.uri()).isEqualTo("nvme+tcp://192.168.49.10:4420/");
        assertThat(discovery.nqn()).contains("nqn.2014-08.org.nvmexpress.discovery");
        assertThat(discovery.hfi()).isSameAs(table.hfis().get(0));
        assertThat(discovery.security()).isEmpty();
    }

    @Test
    void absentNqnIsKeptAsTheWellKnownOne() throws NbftParseException {
        NbftTable table = parse(mutated(STATIC, b -> putU16(b, 336, 0)));
        assertThat(table.discoveryControllers().get(0).nqn()).isEmpty();
        assertThat(table.warnings()).isEmpty();
        assertThat(NbftDump.of(table)).contains("\ndiscovery_list[0]->nqn=(null)\n");
    }

    @Test
    void unusableDiscoveryIsDroppedAndItsLinkWithIt() throws NbftParseException {
        assertDropped(b -> putU16(b, 330, 0), "URI is absent");
        assertDropped(b -> b[323] = 2, "HFI 2 not found");
        assertDropped(b -> b[324] = 1, "security profile 1 not found");
        assertDropped(b -> b[321] = 0, "not valid (flags 0x00)");
        assertDropped(b -> b[320] = 5, "structure ID 5, expected 6");
    }

    private static void assertDropped(Consumer<byte[]> change, String why) throws NbftParseException {
        NbftTable table = parse(mutated(STATIC, change));
        assertThat(table.discoveryControllers()).isEmpty();
        assertThat(table.subsystemNamespaces()).hasSize(1);
        assertThat(table.warnings()).extracting(NbftProblem::toString).containsExactly(
                "T: discovery descriptor 0 at offset 320: dropped: " + why,
                "T: SSNS descriptor 0 at offset 192: primary discovery controller 1 not found (link left out)");
    }

    /** Written: HFI 1 at 160, the discovery descriptor at 192, heap 224-450 ending with the URI (421, 28 bytes). */
    @Test
    void uriPastTheHeapDropsTheWrittenDiscoveryDescriptor() throws NbftParseException {
        byte[] written = new NbftTableWriter().hfi(new HfiSpec(1))
                .discovery(new DiscoverySpec(1).hfiIndex(1).uri("nvme+tcp://[fd00:1::5]:8009/")).build();
        assertThat(parse(written).discoveryControllers()).hasSize(1);

        NbftTable cut = parse(NbftTableBytes.of(written).u32(40, 197).checksum().toByteArray());
        NbftTable past = parse(NbftTableBytes.of(written).u32(192 + 6, 0xffff_fffaL).checksum().toByteArray());

        assertThat(cut.discoveryControllers()).isEmpty();
        assertThat(cut.warnings()).extracting(NbftProblem::toString).containsExactly("T: discovery descriptor 0 at offset"
                + " 192: dropped: URI (offset 421, length 28) is outside the heap (offset 224, length 197)");
        assertThat(past.warnings()).extracting(NbftProblem::toString).containsExactly("T: discovery descriptor 0 at"
                + " offset 192: dropped: URI (offset 4294967290, length 28) is outside the heap (offset 224, length 226)");
    }
}
