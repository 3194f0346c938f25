package org.nvmexpress.discoverd.nbft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nvmexpress.discoverd.nbft.NbftFixtures.mutated;
import static org.nvmexpress.discoverd.nbft.NbftFixtures.putU16;
import static org.nvmexpress.discoverd.nbft.NbftFixtures.putU32;
import static org.nvmexpress.discoverd.nbft.NbftParserTest.SYNTH;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The security profile rules of reference §7.3, on the profile at offset 608 of the synthetic table
 * (flags 0x0055: an authentication list at 620 is announced, the secure channel list at 614 is
 * present in the table but not announced; key path object at 644). All three SSNS link to it.
 */
final class SecurityReaderTest {
    private static NbftTable parse(byte[] bytes) throws NbftParseException {
        return NbftParser.parse("T", bytes);
    }

    @Test
    void onlyAnnouncedListsAreRead() throws NbftParseException {
        NbftTable table = parse(NbftFixtures.table(SYNTH));
        NbftSecurity profile = table.securityProfiles().get(0);
        assertThat(profile.flags()).isEqualTo(0x55);
        assertThat(profile.authProtocols().hex()).isEqualTo("03");
        assertThat(profile.secureChannelAlgorithms().isEmpty()).isTrue();
        assertThat(profile.keyPath()).contains("redfish://bmc.test.example/keys/boot");
        assertThat(table.subsystemNamespaces()).allSatisfy(s -> assertThat(s.security()).containsSame(profile));
    }

    @Test
    void unannouncedListIsNotEvenChecked() throws NbftParseException {
        NbftTable table = parse(mutated(SYNTH, b -> {
            putU16(b, 610, 0x45);
            putU32(b, 620, 10);
        }));
        assertThat(table.securityProfiles().get(0).authProtocols().isEmpty()).isTrue();
        assertThat(table.warnings()).isEmpty();
    }

    @Test
    void unusableProfileIsDroppedAndSoIsEverySsnsThatNeedsIt() throws NbftParseException {
        assertDropped(b -> putU32(b, 620, 10),
                "authentication protocol list (offset 10, length 1) is outside the heap (offset 704, length 595)");
        assertDropped(b -> putU16(b, 648, 5), "key path (offset 1195, length 5) is not NUL-terminated");
        assertDropped(b -> b[610] = 0x54, "not valid (flags 0x0054)");
        assertDropped(b -> b[608] = 6, "structure ID 6, expected 5");
    }

    private static void assertDropped(Consumer<byte[]> change, String why) throws NbftParseException {
        NbftTable table = parse(mutated(SYNTH, change));
        assertThat(table.securityProfiles()).isEmpty();
        assertThat(table.subsystemNamespaces()).isEmpty();
        assertThat(table.warnings()).extracting(NbftProblem::toString).containsExactly(
                "T: security descriptor 0 at offset 608: dropped: " + why,
                "T: SSNS descriptor 0 at offset 224: dropped: security profile 1 not found",
                "T: SSNS descriptor 1 at offset 352: dropped: security profile 1 not found",
                "T: SSNS descriptor 2 at offset 480: dropped: security profile 1 not found");
    }
}
