package org.nvmexpress.discoverd.nbft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nvmexpress.discoverd.nbft.NbftFixtures.mutated;
import static org.nvmexpress.discoverd.nbft.NbftFixtures.putU16;
import static org.nvmexpress.discoverd.nbft.NbftParserTest.SYNTH;

import org.junit.jupiter.api.Test;

/**
 * Lists and links, on the synthetic table: HFIs at 160 and 192 (index 1 and 2, transport info at
 * 773 and 901), SSNS at 224 and 352 on HFI 1 and at 480 on HFI 2.
 */
final class ListReaderTest {
    private static NbftTable parse(byte[] bytes) throws NbftParseException {
        return NbftParser.parse("T", bytes);
    }

    @Test
    void linksResolveByIndexNotByPosition() throws NbftParseException {
        NbftTable table = parse(mutated(SYNTH, b -> {
            b[161] = 2;
            putU16(b, 773 + 4, 2);
            b[193] = 1;
            putU16(b, 901 + 4, 1);
        }));
        assertThat(table.warnings()).isEmpty();
        NbftHfi second = table.hfis().get(1);
        assertThat(second.index()).isEqualTo(1);
        assertThat(table.subsystemNamespaces().get(0).primaryHfi()).isSameAs(second);
        assertThat(table.discoveryControllers().get(0).hfi()).isSameAs(second);
        assertThat(second.tcpInfo().ipAddress().canonical()).isEqualTo("192.168.20.50");
    }

    @Test
    void droppedDescriptorLeavesTheOthers() throws NbftParseException {
        NbftTable table = parse(mutated(SYNTH, b -> b[194] = 0));
        assertThat(table.hfis()).extracting(NbftHfi::index).containsExactly(1);
        assertThat(table.subsystemNamespaces()).extracting(NbftSubsystemNamespace::index).containsExactly(1, 2);
        assertThat(table.warnings()).extracting(NbftProblem::toString).containsExactly(
                "T: HFI descriptor 1 at offset 192: dropped: not valid (flags 0x00)",
                "T: SSNS descriptor 2 at offset 480: dropped: primary HFI 2 not found");
    }

    @Test
    void repeatedIndexIsReportedAndLinksResolveToTheFirst() throws NbftParseException {
        NbftTable table = parse(mutated(SYNTH, b -> {
            b[193] = 1;
            putU16(b, 901 + 4, 1);
        }));
        assertThat(table.hfis()).hasSize(2);
        assertThat(table.subsystemNamespaces().get(0).primaryHfi()).isSameAs(table.hfis().get(0));
        assertThat(table.warnings()).extracting(NbftProblem::toString).containsExactly(
                "T: HFI descriptor 1 at offset 192: index 1 repeats that of HFI descriptor 0 (links resolve to the first)",
                "T: SSNS descriptor 2 at offset 480: dropped: primary HFI 2 not found");
    }
}
