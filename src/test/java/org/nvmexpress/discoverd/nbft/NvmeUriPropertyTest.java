package org.nvmexpress.discoverd.nbft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link NvmeUri#parse} reads firmware bytes: whatever the text, it answers or names the problem. */
final class NvmeUriPropertyTest {

    @Property(tries = 3000)
    void parseThrowsNothingButItsOwnError(@ForAll("uriLike") String text) {
        assertParsesOrNamesTheProblem(text);
    }

    @Property
    void parseThrowsNothingButItsOwnErrorForAnyText(@ForAll String text) {
        assertParsesOrNamesTheProblem(text);
    }

    @Property
    void parseReadsBackWhatWasWritten(@ForAll("uris") NvmeUri uri) {
        String host = uri.host().contains(":") ? "[" + uri.host().replace("%", "%25") + "]" : uri.host();
        String port = uri.port().isPresent() ? ":" + uri.port().getAsInt() : "";
        String text = "nvme+" + uri.transport() + "://" + host + port + "/";
        assertThat(NvmeUri.parse(text)).isEqualTo(uri);
    }

    private static void assertParsesOrNamesTheProblem(String text) {
        try {
            NvmeUri uri = NvmeUri.parse(text);
            assertThat(uri.host()).isNotEmpty();
        } catch (InvalidNvmeUriException e) {
            assertThat(e.getMessage()).endsWith(": " + e.problem());
            assertThat(e.getMessage()).doesNotContain("\n", "\r");
        }
    }

    /** Mostly well-formed prefixes followed by characters that matter to the grammar. */
    @Provide
    Arbitrary<String> uriLike() {
        Arbitrary<String> prefix = Arbitraries.of("nvme://", "nvme+tcp://", "NVME+RDMA://", "nvme+://", "nvme:",
                "nvme+tcp://[", "nvme+tcp://[fe80::1%25", "nvme://h:", "", "x");
        Arbitrary<String> tail = Arbitraries.strings()
                .withChars("nvmetcp+:/[]%@?#.0123456789abcdefABCDEF-_~ \n\u00e9")
                .ofMaxLength(40);
        return Combinators.combine(prefix, tail).as(String::concat);
    }

    @Provide
    Arbitrary<NvmeUri> uris() {
        Arbitrary<String> transport = Arbitraries.of("tcp", "rdma", "fc", "loop");
        Arbitrary<String> ipv4 = Arbitraries.integers().between(0, 255).list().ofSize(4)
                .map(b -> b.get(0) + "." + b.get(1) + "." + b.get(2) + "." + b.get(3));
        Arbitrary<String> ipv6 = Arbitraries.strings().withChars("0123456789abcdefABCDEF").ofMinLength(1)
                .ofMaxLength(4).list().ofSize(8).map(groups -> String.join(":", groups));
        Arbitrary<String> zoned = Combinators.combine(ipv6, Arbitraries.of("eth0", "enp1s0", "vlan.100"))
                .as((a, z) -> a + "%" + z);
        Arbitrary<String> name = Arbitraries.strings().withChars("abcxyz0189-.").ofMinLength(1).ofMaxLength(20)
                .filter(s -> !s.startsWith("."));
        Arbitrary<OptionalInt> port = Arbitraries.integers().between(1, 65535).map(OptionalInt::of)
                .injectDuplicates(0.1).edgeCases(c -> c.add(OptionalInt.empty()));
        Arbitrary<OptionalInt> maybePort = Arbitraries.oneOf(port, Arbitraries.just(OptionalInt.empty()));
        return Combinators.combine(transport, Arbitraries.oneOf(ipv4, ipv6, zoned, name), maybePort)
                .as(NvmeUri::new);
    }
}
