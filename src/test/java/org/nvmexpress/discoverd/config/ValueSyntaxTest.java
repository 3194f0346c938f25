package org.nvmexpress.discoverd.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The identity syntaxes of reference §8.5: NQNs and host IDs as libnvme checks them. */
final class ValueSyntaxTest {
    private static final String NQN_SHAPE = "expected nqn.YYYY-MM.<reverse domain>[:<name>]";
    private static final String UUID_SHAPE = "expected a UUID such as 46ba5037-7ce5-41fa-9452-48477bf00080";

    @ParameterizedTest
    @ValueSource(strings = {"nqn.2014-08.org.nvmexpress.discovery", "nqn.2014-08.org.nvmexpress:main-vol",
        "nqn.2024-12.x", "nqn.1988-11.com.dell:powerstore:00:2a64abf1c5b81F6C4549",
        "nqn.2014-08.org.nvmexpress:uuid:46ba5037-7ce5-41fa-9452-48477bf00080", "nqn.0000-01.~!"})
    void wellFormedNqnsPass(String nqn) {
        assertThat(ValueSyntax.checkNqn(nqn)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-nqn", "nqn.2014-13.org.nvmexpress:test", "nqn.2014-00.org.x", "nqn.2014-8.org.x",
        "nqn.14-08.org.x", "nqn.2014-08.", "nqn.2014-08", "NQN.2014-08.org.x", "nqn.2014_08.org.x", "nqn-2014-08.org.x"})
    void malformedNqnsNameTheExpectedShape(String nqn) {
        assertThat(ValueSyntax.checkNqn(nqn)).isEqualTo(NQN_SHAPE);
    }

    @Test
    void anNqnHasAtMost223Characters() {
        String prefix = "nqn.2014-08.org.example:";
        String longest = prefix + "x".repeat(223 - prefix.length());
        assertThat(ValueSyntax.checkNqn(longest)).isNull();
        assertThat(ValueSyntax.checkNqn(longest + "x")).isEqualTo("an NQN has at most 223 characters, this one 224");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nqn.2014-08.org.example:a b", "nqn.2014-08.org.example:\tb", "nqn.2014-08.org.exämple",
        "nqn.2014-08.org.example:\u007f"})
    void anNqnIsPrintableAsciiWithoutSpaces(String nqn) {
        assertThat(ValueSyntax.checkNqn(nqn)).isEqualTo("an NQN has only printable ASCII characters, no spaces");
    }

    @ParameterizedTest
    @ValueSource(strings = {"46ba5037-7ce5-41fa-9452-48477bf00080", "46BA5037-7CE5-41FA-9452-48477BF00080",
        "00000000-0000-0000-0000-000000000001",
        // upstream's sscanf is lenient: one-digit bytes and trailing characters pass
        "46ba503-7ce5-41fa-9452-48477bf00080", "46ba5037-7ce5-41fa-9452-48477bf00080-and-more"})
    void hostIdsAreUuidsReadAsLenientlyAsUpstream(String hostid) {
        assertThat(ValueSyntax.checkHostid(hostid)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "46ba50377ce541fa945248477bf00080", "46ba5037-7ce5-41fa-9452",
        "46ba5037_7ce5_41fa_9452_48477bf00080", "g6ba5037-7ce5-41fa-9452-48477bf00080", "46ba5037-7ce5-41fa-9452-",
        "४६ba5037-7ce5-41fa-9452-48477bf00080"})
    void malformedHostIdsNameTheExpectedShape(String hostid) {
        assertThat(ValueSyntax.checkHostid(hostid)).isEqualTo(UUID_SHAPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"00000000-0000-0000-0000-000000000000", "0000000-000-0000-0000-000000000000"})
    void theAllZeroHostIdMeansNone(String hostid) {
        assertThat(ValueSyntax.checkHostid(hostid))
                .isEqualTo("the all-zero host ID means 'none'; remove the key or set a real UUID");
    }
}
