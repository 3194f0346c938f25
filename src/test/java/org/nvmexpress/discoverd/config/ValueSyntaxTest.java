package org.nvmexpress.discoverd.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The value syntaxes of reference §8.3-§8.5: integers as strtol reads them, NQNs and host IDs as libnvme checks them. */
final class ValueSyntaxTest {
    private static final String NQN_SHAPE = "expected nqn.YYYY-MM.<reverse domain>[:<name>]";
    private static final String INT_RANGE = "expected an integer within 32 bits";
    private static final String INT_SYNTAX = "expected an integer (decimal, 0x hex or 0 octal)";
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

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "+7", "2147483647", "-2147483648", "0x7fffffff", "-0X80000000", "017777777777",
        "-020000000000"})
    void integersWithin32BitsPass(String value) {
        assertThat(ValueSyntax.checkInt(value)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2147483648", "-2147483649", "0x80000000", "-0x80000001", "020000000000",
        "99999999999999999999"})
    void integersPast32BitsAreOutOfRange(String value) {
        assertThat(ValueSyntax.checkInt(value)).isEqualTo(INT_RANGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "+", "-", "0x", "0x-5", "09", "1e3", "12a", "\u0661", "--1", " 1"})
    void nonIntegersNameTheSyntax(String value) {
        assertThat(ValueSyntax.checkInt(value)).isEqualTo(INT_SYNTAX);
    }

    /** Fuzzing found this: 300,000 digits used to become a big number first, which took seconds. */
    @Test
    void aNumberOfHundredsOfThousandsOfDigitsIsOutOfRangeInOnePass() {
        CountingChars digits = new CountingChars("9".repeat(300_000));
        assertThat(ValueSyntax.checkInt(digits)).isEqualTo(INT_RANGE);
        assertThat(digits.reads()).isLessThanOrEqualTo(300_000 + 5);
    }

    @Test
    void leadingZerosKeepALongNumberValidAsStrtolDoes() {
        assertThat(ValueSyntax.checkInt("0".repeat(300_000) + "7")).isNull();
        assertThat(ValueSyntax.checkInt("-0x" + "0".repeat(300_000) + "80000000")).isNull();
        assertThat(ValueSyntax.checkInt("0".repeat(300_000) + "8")).isEqualTo(INT_SYNTAX);
    }

    @Test
    void anOverlongNumberIsReportedWithItsKeyAndATruncatedValue() {
        assertThat(FabricsFileParserTest.diagnostics("[I/O Controller Defaults]\nqueue-size = " + "9".repeat(300_000)))
                .containsExactly("f.conf:2: error: invalid value for 'queue-size': '" + "9".repeat(80)
                        + "'... (300000 characters) (expected an integer within 32 bits)");
    }

    @Test
    void aShortValueIsQuotedWhole() {
        assertThat(ValueSyntax.quotedShort("x".repeat(80))).isEqualTo("'" + "x".repeat(80) + "'");
        assertThat(ValueSyntax.quotedShort("x".repeat(79) + "\uD83D\uDE00")).isEqualTo("'" + "x".repeat(79) + "'... (81 characters)");
    }
}
