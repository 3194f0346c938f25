package org.nvmexpress.discoverd.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nvmexpress.discoverd.ini.Diagnostic;
import org.nvmexpress.discoverd.ini.IniReader;

/**
 * What one fabrics file is found wrong with (reference §8.3-§8.5): the Tier-1 errors of the §14.4
 * error table and the others of §8.5, each with its exact {@code FILE:LINE} message, and the
 * inline-comment message that is a deliberate difference from upstream.
 */
final class FabricsFileParserTest {
    private static final String NQN = "nqn = nqn.2014-08.org.nvmexpress:test\n";
    private static final String PATH = "controller = transport=tcp;traddr=1.2.3.4\n";
    private static final String SECURITY_PER_PATH = "security key 'tls-key' cannot be set per path: it belongs to the"
            + " host and subsystem; set it in the section instead";
    private static final String NQN_SHAPE = "expected nqn.YYYY-MM.<reverse domain>[:<name>]";
    private static final String INT = "(expected an integer (decimal, 0x hex or 0 octal))";

    static List<String> diagnostics(String text) {
        return FabricsFileParser.parse(IniReader.parse("f.conf", text)).diagnostics().stream()
                .map(Diagnostic::toString).toList();
    }

    /** The Tier-1 error table of reference §14.4, one row per upstream case, in its order. */
    static Stream<Arguments> tierOneTable() {
        return Stream.of(
            row("[Host]\n[Host]\n", "2: error: second [Host] section (the first is at line 1); a file has one persona"),
            row("ctrl-loss-tmo = 5\n", "1: error: key 'ctrl-loss-tmo' outside any section"),
            row("[Discovery Controller Defaults]\nhostnqn = x\n",
                "2: error: 'hostnqn' is not valid in section [Discovery Controller Defaults]"),
            row("[Subsystem]\n" + NQN + "controller = transport=tcp;traddr=1.2.3.4;tls-key=k\n",
                "3: error: " + SECURITY_PER_PATH),
            row("[Subsystem]\n" + NQN + "controller = transport=tcp;traddr=1.2.3.4;bogus=1\n",
                "3: error: unknown key 'bogus' in controller line"),
            row("[Subsystem]\n" + NQN + "controller = transport=tcp\n", "3: error: controller line without traddr"),
            row("[Subsystem]\n" + NQN + "controller = transport=tcp;traddr=1.2.3.4;traddr=5.6.7.8\n",
                "3: error: 'traddr' appears twice in controller line"),
            row("[Subsystem]\nnqn =\n" + PATH, "2: error: empty nqn: a section's nqn cannot be reset"),
            row("[Discovery Controller Defaults]\nwhat is this\n",
                "2: error: malformed line: 'what is this' (expected [Section], key = value or # comment)"),
            row("[Subsystem]\n" + PATH, "1: error: [Subsystem] without nqn: every subsystem section names its NQN"),
            row("[Discovery Controller Defaults]\nctrl-loss-tmo = ten\n",
                "2: error: invalid value for 'ctrl-loss-tmo': 'ten' " + INT),
            row("[Subsystem]\n" + NQN + "tls = maybe\n" + PATH,
                "3: error: invalid value for 'tls': 'maybe' (expected a boolean: yes/no, true/false, on/off, 1/0)"),
            row("[Subsystem]\nnqn = not-an-nqn\n" + PATH, "2: error: invalid nqn 'not-an-nqn': " + NQN_SHAPE),
            row("[Subsystem]\nnqn = nqn.2014-13.org.nvmexpress:test\n" + PATH,
                "2: error: invalid nqn 'nqn.2014-13.org.nvmexpress:test': " + NQN_SHAPE),
            row("[Host]\nhostnqn = not-an-nqn\n", "2: error: invalid hostnqn 'not-an-nqn': " + NQN_SHAPE),
            row("[Host]\nhostnqn = nqn.2014-08.org.nvmexpress:h\nhostid = 00000000-0000-0000-0000-000000000000\n",
                "3: error: invalid hostid '00000000-0000-0000-0000-000000000000': the all-zero host ID means 'none';"
                    + " remove the key or set a real UUID"),
            row("[Host]\nhostnqn = nqn.2014-08.org.nvmexpress:h\nhostid = not-a-uuid\n",
                "3: error: invalid hostid 'not-a-uuid': expected a UUID such as 46ba5037-7ce5-41fa-9452-48477bf00080"),
            row("[I/O Controller Defaults]\npersistent = auto\n",
                "2: error: 'persistent' is not valid in section [I/O Controller Defaults]"),
            row("[Subsystem]\n" + NQN + "persistent = auto\n" + PATH,
                "3: error: 'persistent' is not valid in section [Subsystem]"),
            row("[Subsystem]\n" + NQN + "controller = transport=tcp;traddr=1.2.3.4;persistent=auto\n",
                "3: error: 'persistent' is only valid for discovery controllers"),
            row("[Discovery Controller]\npersistent = maybe\n" + PATH,
                "2: error: invalid value for 'persistent': 'maybe' (expected no, auto or force)"));
    }

    /** Further Tier-1 cases of reference §8.3-§8.5: placement, value limits and line breaks. */
    static Stream<Arguments> moreTierOneCases() {
        return Stream.of(
            row("[Subsystem]\n" + NQN + "hostnqn = nqn.2014-08.org.nvmexpress:h\n" + PATH,
                "3: error: 'hostnqn' is not valid in section [Subsystem]"),
            row("[Host]\nnqn = nqn.2014-08.org.nvmexpress:h\n", "2: error: 'nqn' is not valid in section [Host]"),
            row("[Host]\npersistent = force\n", "2: error: 'persistent' is not valid in section [Host]"),
            row("[I/O Controller Defaults]\n" + PATH,
                "2: error: 'controller' is not valid in section [I/O Controller Defaults]"),
            row("[Discovery Controller Defaults]\nhostid = 46ba5037-7ce5-41fa-9452-48477bf00080\n",
                "2: error: 'hostid' is not valid in section [Discovery Controller Defaults]"),
            row("[I/O Controller Defaults]\nqueue-size = 2147483648\n",
                "2: error: invalid value for 'queue-size': '2147483648' (expected an integer within 32 bits)"),
            row("[Discovery Controller]\nnqn = nqn.2014-08.org.nvmexpress: spaced\n" + PATH,
                "2: error: invalid nqn 'nqn.2014-08.org.nvmexpress: spaced': an NQN has only printable ASCII"
                    + " characters, no spaces"),
            row("[Discovery Controller]\nnqn =\n" + PATH, "2: error: empty nqn: a section's nqn cannot be reset"),
            row("[Host]\nhostsymname = a\rb\n",
                "2: error: value of 'hostsymname' contains a carriage return: a value cannot span lines"),
            row("[Host]\nhostid = 46ba5037-7ce5-41fa-9452-48477bf00080\rx\n",
                "2: error: value of 'hostid' contains a carriage return: a value cannot span lines"),
            row("[I/O Controller Defaults]\nkeyring = a\rb\n",
                "2: error: value of 'keyring' contains a carriage return: a value cannot span lines"),
            row("[Discovery Controller]\ncontroller = transport=tcp;traddr=host\rname\n",
                "2: error: value of 'controller' contains a carriage return: a value cannot span lines"));
    }

    private static Arguments row(String text, String expected) {
        return Arguments.of(text, "f.conf:" + expected);
    }

    @ParameterizedTest
    @MethodSource({"tierOneTable", "moreTierOneCases"})
    void eachTierOneCaseIsOneErrorAtItsLine(String text, String expected) {
        assertThat(diagnostics(text)).containsExactly(expected);
    }

    @Test
    void aKeyAfterAMalformedHeaderIsOutsideAnySection() {
        assertThat(diagnostics("[I/O Controller Defaults]\ntos = 1\n[Host] x\nhostnqn = nqn.2014-08.org.nvmexpress:h\n"))
                .containsExactly("f.conf:3: error: malformed section header: '[Host] x'",
                        "f.conf:4: error: key 'hostnqn' outside any section");
    }

    @Test
    void theSecondHostIsIgnoredAfterItsError() {
        assertThat(diagnostics("[Host]\nhostnqn = nqn.2014-08.org.nvmexpress:a\n[Host]\nhostnqn = bad\nbogus = 1\n"))
                .containsExactly("f.conf:3: error: second [Host] section (the first is at line 1); a file has one persona");
    }

    @Test
    void everyErrorOfAFileIsReportedInLineOrder() {
        assertThat(diagnostics("tos = 1\n[Subsystem]\ncontroller = transport=tcp\n[Host]\nhostid = x\n[Bogus]\n"))
                .containsExactly(
                        "f.conf:1: error: key 'tos' outside any section",
                        "f.conf:2: error: [Subsystem] without nqn: every subsystem section names its NQN",
                        "f.conf:3: error: controller line without traddr",
                        "f.conf:5: error: invalid hostid 'x': expected a UUID such as 46ba5037-7ce5-41fa-9452-48477bf00080",
                        "f.conf:6: warning: unknown section [Bogus] ignored");
    }

    @Test
    void anInlineCommentOnAnIntIsNamedExactly() {
        FabricsFileParser.Parsed parsed = FabricsFileParser.parse(IniReader.parse("f.conf",
                "[Discovery Controller Defaults]\nkeep-alive-tmo = 30   # DC default\n"));
        assertThat(parsed.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.isError()).isTrue();
            assertThat(d.withoutSeverity()).isEqualTo("f.conf:2: inline comments are not supported: value of"
                    + " 'keep-alive-tmo' is '30   # DC default'");
        });
    }

    @Test
    void anInlineCommentIsNamedForEveryCheckedKind() {
        assertThat(diagnostics("[Discovery Controller]\nnqn = nqn.2014-08.org.example:cdc # main\npersistent = auto\t# x\n"
                + "tls = yes # always\n" + PATH + "[Host]\nhostnqn = nqn.2014-08.org.nvmexpress:h # me\n"
                + "hostid = 46ba5037-7ce5-41fa-9452-48477bf00080   # mine\n")).containsExactly(
                "f.conf:2: error: inline comments are not supported: value of 'nqn' is 'nqn.2014-08.org.example:cdc # main'",
                "f.conf:3: error: inline comments are not supported: value of 'persistent' is 'auto\t# x'",
                "f.conf:4: error: inline comments are not supported: value of 'tls' is 'yes # always'",
                "f.conf:7: error: inline comments are not supported: value of 'hostnqn' is"
                        + " 'nqn.2014-08.org.nvmexpress:h # me'",
                "f.conf:8: error: inline comments are not supported: value of 'hostid' is"
                        + " '46ba5037-7ce5-41fa-9452-48477bf00080   # mine'");
    }

    @Test
    void aFreeTextValueKeepsAnInlineCommentWithAWarning() {
        assertThat(diagnostics("[Host]\nhostsymname = lab-01 # rack 4\nkeyring = .nvme # default\n"
                + "kxchap-secret = DHHC-1:00:c2VjcmV0: # mine\n")).containsExactly(
                "f.conf:2: warning: value of 'hostsymname' contains ' #': inline comments are not supported, so it is"
                        + " part of the value",
                "f.conf:3: warning: value of 'keyring' contains ' #': inline comments are not supported, so it is"
                        + " part of the value",
                "f.conf:4: warning: value of 'kxchap-secret' contains ' #': inline comments are not supported, so it"
                        + " is part of the value");
    }

    /**
     * The shape fuzzing found: many {@code " #"} and then a line separator, which the old regular
     * expression rescanned once per {@code #} (a 40 KB file took 9.5 s to read). It is not an
     * inline comment (the expression never matched across a line break), and it is read once.
     */
    @ParameterizedTest
    @ValueSource(strings = {"\u2028", "\u2029", "\u0085"})
    void blankHashPairsBeforeALineSeparatorAreReadInOnePass(String separator) {
        String value = "a #".repeat(13_000) + separator;
        CountingChars chars = new CountingChars(value);
        assertThat(FabricsFileParser.looksLikeInlineComment(chars)).isFalse();
        assertThat(chars.reads()).isLessThanOrEqualTo(value.length());
        assertThat(diagnostics("[Host]\nhostsymname = " + value + "\n")).isEmpty();
        assertThat(diagnostics("[Host]\nhostsymname = " + value + "x\n")).isEmpty();
    }

    @Test
    void blankHashPairsWithoutALineSeparatorAreACommentFoundInOnePass() {
        String value = "a #".repeat(13_000);
        CountingChars chars = new CountingChars(value);
        assertThat(FabricsFileParser.looksLikeInlineComment(chars)).isTrue();
        assertThat(chars.reads()).isLessThanOrEqualTo(value.length());
        assertThat(diagnostics("[Host]\nhostsymname = " + value + "\n")).containsExactly("f.conf:2: warning: value"
                + " of 'hostsymname' contains ' #': inline comments are not supported, so it is part of the value");
    }

    @Test
    void aHashWithoutSpaceBeforeItIsPartOfTheValue() {
        assertThat(diagnostics("[Host]\nhostsymname = rack#4\n")).isEmpty();
    }

    @Test
    void tierTwoFindingsAreWarnings() {
        assertThat(diagnostics("[Discovery Controller Defaults]\nunknown-knob = 7\n[SomeFutureSection]\nwhatever = x\n"
                + "[Discovery Controller Defaults]\nreconnect-delay = 20\n[I/O Controller Defaults]\n"
                + "[I/O Controller Defaults]\n[host]\nhostnqn = not-checked\n")).containsExactly(
                "f.conf:2: warning: unknown key 'unknown-knob' ignored",
                "f.conf:3: warning: unknown section [SomeFutureSection] ignored",
                "f.conf:5: warning: repeated section [Discovery Controller Defaults] (first at line 1): merged,"
                        + " later values win",
                "f.conf:8: warning: repeated section [I/O Controller Defaults] (first at line 7): merged, later values win",
                "f.conf:9: warning: unknown section [host] ignored");
    }

    @Test
    void anEndpointWithoutControllerLinesIsWarnedAbout() {
        assertThat(diagnostics("[Discovery Controller]\nnqn = nqn.2014-08.org.example:cdc\n[Subsystem]\n" + NQN))
                .containsExactly(
                        "f.conf:1: warning: [Discovery Controller] has no controller lines: it connects nothing",
                        "f.conf:3: warning: [Subsystem] has no controller lines: it connects nothing");
    }

    @Test
    void aFailedControllerLineIsNotAlsoReportedAsMissing() {
        assertThat(diagnostics("[Subsystem]\n" + NQN + "controller = transport=tcp;traddr=1.2.3.4;tls=yes\n"))
                .containsExactly("f.conf:3: error: security key 'tls' cannot be set per path: it belongs to the host"
                        + " and subsystem; set it in the section instead");
    }

    @Test
    void aSecretIsNeverShownInAMessage() {
        List<String> messages = diagnostics("[Host]\nkxchap-secret = DHHC-1:00:c2VjcmV0:  # x\n"
                + "[Subsystem]\n" + NQN + "tls-key = NVMeTLSkey-1:01:c2VjcmV0: # y\n"
                + "controller = transport=tcp;traddr=1.2.3.4;kxchap-ctrl-secret=DHHC-1:01:c2VjcmV0: # z\n");
        assertThat(messages).hasSize(3).noneMatch(m -> m.contains("c2VjcmV0"));
    }

    @Test
    void aMalformedLineHoldingASecretIsDescribedNotEchoed() {
        assertThat(diagnostics("[Host]\nkxchap-secret DHHC-1:00:c2VjcmV0:\nDHHC-1:00:c2VjcmV0:\n")).containsExactly(
                "f.conf:2: error: malformed line: (not shown: it names a secret) (expected [Section], key = value or # comment)",
                "f.conf:3: error: malformed line: (not shown: it names a secret) (expected [Section], key = value or # comment)");
    }
}
