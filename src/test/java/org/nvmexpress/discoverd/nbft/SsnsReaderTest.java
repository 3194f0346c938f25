package org.nvmexpress.discoverd.nbft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nvmexpress.discoverd.nbft.NbftFixtures.mutated;
import static org.nvmexpress.discoverd.nbft.NbftFixtures.putU16;
import static org.nvmexpress.discoverd.nbft.NbftFixtures.putU32;
import static org.nvmexpress.discoverd.nbft.NbftParserTest.STATIC;
import static org.nvmexpress.discoverd.nbft.NbftParserTest.SYNTH;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The SSNS rules of reference §7.3, on the SSNS at offset 192 of the static table (or the three of
 * the synthetic one, at 224, 352 and 480): what drops an SSNS with a warning, what is only a
 * warning, and how its HFI list is built.
 */
final class SsnsReaderTest {
    private static final String DROPPED = "T: SSNS descriptor 0 at offset 192: dropped: ";

    private static NbftTable parse(byte[] bytes) throws NbftParseException {
        return NbftParser.parse("T", bytes);
    }

    @Test
    void ssnsIsReadWithItsLinksAndExtendedInfo() throws NbftParseException {
        NbftTable table = parse(NbftFixtures.table(STATIC));
        NbftSubsystemNamespace ssns = table.subsystemNamespaces().get(0);
        assertThat(ssns.traddr().canonical()).isEqualTo("192.168.49.10");
        assertThat(ssns.trsvcid()).isEqualTo("4420");
        assertThat(ssns.nqn()).isEqualTo("nqn.2022-12.org.nvmexpress.boot.poc:bremer.vagrant-nvmet.subsys02");
        assertThat(ssns.primaryHfi()).isSameAs(table.hfis().get(0));
        assertThat(ssns.discovery()).containsSame(table.discoveryControllers().get(0));
        assertThat(ssns.extendedInfo()).contains(new NbftSsnsExtendedInfo(13, 0, Optional.empty(), 0, 0, 0, 0));
    }

    @Test
    void ssnsWithAnEmptySecondaryHfiListIsKeptWithItsPrimary() throws NbftParseException {
        NbftTable table = parse(mutated(SYNTH, b -> putU16(b, 224 + 52, 0)));
        assertThat(table.warnings()).isEmpty();
        assertThat(table.subsystemNamespaces()).hasSize(3);
        assertThat(table.subsystemNamespaces().get(0).hfis()).containsExactly(table.hfis().get(0));
    }

    @Test
    void secondaryHfisFollowThePrimaryOnceEachAndUnresolvedOnesAreLeftOut() throws NbftParseException {
        byte[] bytes = NbftFixtures.table(SYNTH);
        int listOffset = bytes.length;
        bytes = NbftFixtures.appendToHeap(bytes, new byte[] {2, 1, 1, 0, 9, 2});
        putU32(bytes, 480 + 48, listOffset);
        putU16(bytes, 480 + 52, 6);
        NbftTable table = parse(NbftFixtures.withChecksum(bytes));
        NbftSubsystemNamespace ssns = table.subsystemNamespaces().get(2);
        assertThat(ssns.hfis()).extracting(NbftHfi::index).containsExactly(2, 1);
        assertThat(table.warnings()).extracting(NbftProblem::toString)
                .containsExactly("T: SSNS descriptor 2 at offset 480: secondary HFI 9 not found (left out)");
    }

    @Test
    void unresolvedPrimaryHfiDropsTheSsns() throws NbftParseException {
        NbftTable table = parse(mutated(STATIC, b -> b[238] = 5));
        assertThat(table.subsystemNamespaces()).isEmpty();
        assertThat(table.warnings()).extracting(NbftProblem::toString).containsExactly(DROPPED + "primary HFI 5 not found");
    }

    @Test
    void unresolvedSecurityProfileDropsTheSsns() throws NbftParseException {
        NbftTable table = parse(mutated(STATIC, b -> b[237] = 3));
        assertThat(table.subsystemNamespaces()).isEmpty();
        assertThat(table.warnings()).extracting(NbftProblem::toString)
                .containsExactly(DROPPED + "security profile 3 not found");
    }

    @Test
    void unresolvedDiscoveryLinkIsOnlyAWarning() throws NbftParseException {
        NbftTable table = parse(mutated(STATIC, b -> b[200] = 4));
        assertThat(table.subsystemNamespaces()).singleElement().satisfies(s -> assertThat(s.discovery()).isEmpty());
        assertThat(table.warnings()).extracting(NbftProblem::toString).containsExactly(
                "T: SSNS descriptor 0 at offset 192: primary discovery controller 4 not found (link left out)");
    }

    @Test
    void requiredFieldsThatAreAbsentOrBrokenDropTheSsns() throws NbftParseException {
        assertDropped(mutated(STATIC, b -> putU16(b, 206, 0)), "traddr is absent");
        assertDropped(mutated(STATIC, b -> putU16(b, 206, 4)), "traddr is 4 bytes, expected a 16-byte IP address");
        assertDropped(mutated(STATIC, b -> putU16(b, 212, 0)), "trsvcid is absent");
        assertDropped(mutated(STATIC, b -> putU32(b, 208, 100)),
                "trsvcid (offset 100, length 4) is outside the heap (offset 352, length 473)");
        assertDropped(mutated(STATIC, b -> putU16(b, 250, 0)), "NQN is absent");
        assertDropped(mutated(STATIC, b -> putU16(b, 250, 5)), "NQN (offset 672, length 5) is not NUL-terminated");
        assertDropped(mutated(STATIC, b -> putU32(b, 240, 900)),
                "secondary HFI list (offset 900, length 1) is outside the heap (offset 352, length 473)");
    }

    @Test
    void heapBoundsCheckDoesNotOverflow() throws NbftParseException {
        assertDropped(mutated(STATIC, b -> {
            putU32(b, 208, 0xffff_fff0L);
            putU16(b, 212, 0xffff);
        }), "trsvcid (offset 4294967280, length 65535) is outside the heap (offset 352, length 473)");
    }

    @Test
    void stringReachingTheTableEndWithoutNulIsNotReadPastIt() throws NbftParseException {
        // The discovery NQN (offset 788, length 36) is the last string: its NUL is the table's last
        // byte (824). Overwritten, and the length stretched to the end of the heap, the NUL would
        // have to be at 825, past the table: the string is invalid, and nothing is read there.
        assertThat(parse(NbftFixtures.table(STATIC)).discoveryControllers().get(0).nqn()).isPresent();
        NbftTable table = parse(mutated(STATIC, b -> {
            b[824] = 'x';
            putU16(b, 336, 37);
        }));
        assertThat(table.discoveryControllers()).isEmpty();
        assertThat(table.warnings()).extracting(NbftProblem::toString).first().isEqualTo("T: discovery descriptor 0 at"
                + " offset 320: dropped: NQN (offset 788, length 37) is not NUL-terminated");
    }

    @Test
    void invalidOrForeignSsnsIsDropped() throws NbftParseException {
        assertDropped(mutated(STATIC, b -> b[195] = 0x50), "not valid (flags 0x0050)");
        assertDropped(mutated(STATIC, b -> b[192] = 5), "structure ID 5, expected 4");
        assertDropped(mutated(STATIC, b -> b[197] = 2), "transport type 2 is not TCP (3)");
    }

    @Test
    void extendedInfoOfAnotherSsnsIsLeftOutWithAWarning() throws NbftParseException {
        NbftTable table = parse(mutated(STATIC, b -> b[738 + 2] = 7));
        assertThat(table.subsystemNamespaces().get(0).extendedInfo()).isEmpty();
        assertThat(table.warnings()).extracting(NbftProblem::toString).containsExactly("T: SSNS descriptor 0 at offset 192:"
                + " extended info at offset 738 is not this SSNS's (structure ID 9, version 1, SSNS index 7)"
                + " (extended info left out)");
    }

    @Test
    void extendedInfoIsReadOnlyWhenFlaggedInUseAndValid() throws NbftParseException {
        assertThat(parse(mutated(STATIC, b -> b[195] &= ~0x10)).subsystemNamespaces().get(0).extendedInfo()).isEmpty();
        NbftTable notValid = parse(mutated(STATIC, b -> b[738 + 4] = 0));
        assertThat(notValid.subsystemNamespaces().get(0).extendedInfo()).isEmpty();
        assertThat(notValid.warnings()).isEmpty();
    }

    /**
     * Written with {@link NbftTableWriter}: HFI 1 at 160, SSNS 1 at 192, heap 320-572 holding the
     * host NQN, the HFI's transport info, then the SSNS's traddr (517), trsvcid (533), secondary HFI
     * list (538) and NQN (539, 32 bytes), which ends the table.
     */
    static byte[] written() {
        return new NbftTableWriter().hfi(new HfiSpec(1).ip("192.168.10.50", 24))
                .ssns(new SsnsSpec(1).target("192.168.10.5", "4420").nqn("nqn.2026-01.example:subsys-alpha").hfis(1, 1))
                .build();
    }

    @Test
    void writtenTableHasItsSsns() throws NbftParseException {
        NbftTable table = parse(written());
        assertThat(table.warnings()).isEmpty();
        assertThat(table.subsystemNamespaces()).singleElement()
                .satisfies(s -> assertThat(s.nqn()).isEqualTo("nqn.2026-01.example:subsys-alpha"));
    }

    @Test
    void heapCutShortDropsTheSsnsWhoseNqnFallsOutside() throws NbftParseException {
        assertDropped(NbftTableBytes.of(written()).u32(40, 240).checksum().toByteArray(),
                "NQN (offset 539, length 32) is outside the heap (offset 320, length 240)");
    }

    @Test
    void heapObjectPointingPastTheTableDropsTheSsns() throws NbftParseException {
        assertDropped(NbftTableBytes.of(written()).u32(192 + 10, 600).checksum().toByteArray(),
                "traddr (offset 600, length 16) is outside the heap (offset 320, length 252)");
        assertDropped(NbftTableBytes.of(written()).u32(192 + 48, 0xffff_fffeL).u16(192 + 52, 3).checksum().toByteArray(),
                "secondary HFI list (offset 4294967294, length 3) is outside the heap (offset 320, length 252)");
    }

    @Test
    void heapObjectWhoseEndOverflowsDropsTheSsns() throws NbftParseException {
        assertDropped(NbftTableBytes.of(written()).u32(192 + 54, 0xffff_ffffL).u16(192 + 58, 0xffff).checksum()
                .toByteArray(), "NQN (offset 4294967295, length 65535) is outside the heap (offset 320, length 252)");
    }

    private static void assertDropped(byte[] bytes, String why) throws NbftParseException {
        NbftTable table = parse(bytes);
        assertThat(table.subsystemNamespaces()).isEmpty();
        assertThat(table.hfis()).hasSize(1);
        assertThat(table.warnings()).extracting(NbftProblem::toString).containsExactly(DROPPED + why);
    }
}
