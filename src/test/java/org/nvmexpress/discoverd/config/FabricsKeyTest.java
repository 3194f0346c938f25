package org.nvmexpress.discoverd.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The key table of reference §8.3: every key's spelling, type and class, and the per-type value check. */
final class FabricsKeyTest {

    @ParameterizedTest
    @CsvSource({
        "nr-io-queues, INT, TUNABLE", "nr-write-queues, INT, TUNABLE", "nr-poll-queues, INT, TUNABLE",
        "queue-size, INT, TUNABLE", "keep-alive-tmo, INT, TUNABLE", "reconnect-delay, INT, TUNABLE",
        "ctrl-loss-tmo, INT, TUNABLE", "fast-io-fail-tmo, INT, TUNABLE", "tos, INT, TUNABLE",
        "duplicate-connect, BOOL, TUNABLE", "disable-sqflow, BOOL, TUNABLE", "hdr-digest, BOOL, TUNABLE",
        "data-digest, BOOL, TUNABLE",
        "persistent, PERSISTENT, DC_TUNABLE",
        "tls, BOOL, SECURITY", "concat, BOOL, SECURITY",
        "tls-key, SECRET, SECURITY", "tls-key-identity, STRING, SECURITY", "keyring, STRING, SECURITY",
        "kxchap-secret, SECRET, SECURITY", "kxchap-ctrl-secret, SECRET, SECURITY",
        "hostnqn, STRING, IDENTITY", "hostid, STRING, IDENTITY", "hostsymname, STRING, IDENTITY",
        "nqn, STRING, NQN",
        "controller, STRING, CONTROLLER",
    })
    void everyKeyHasTheReferenceTypeAndClass(String name, FabricsKey.Type type, FabricsKey.KeyClass keyClass) {
        FabricsKey key = FabricsKey.forName(name).orElseThrow();
        assertThat(key.configName()).isEqualTo(name);
        assertThat(key.type()).isEqualTo(type);
        assertThat(key.keyClass()).isEqualTo(keyClass);
    }

    @Test
    void theTableHasExactlyTheReferenceKeys() {
        assertThat(FabricsKey.values()).hasSize(26);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast_io_fail_tmo", "subsysnqn", "bogus", "Keep-Alive-Tmo", "epcsd", "dhchap-secret",
        "host-traddr", "traddr", " tls", ""})
    void aliasesOtherCasesAndAddressingKeysAreNotSectionKeys(String name) {
        assertThat(FabricsKey.forName(name)).isEmpty();
    }

    @Test
    void exactlyTheThreeSecretsAreSecret() {
        assertThat(Arrays.stream(FabricsKey.values()).filter(FabricsKey::isSecret).map(FabricsKey::configName)
                .collect(Collectors.joining(" "))).isEqualTo("tls-key kxchap-secret kxchap-ctrl-secret");
    }

    @Test
    void parametersAreTunableDcTunableAndSecurityKeys() {
        assertThat(Arrays.stream(FabricsKey.values()).filter(k -> !k.isParameter()).map(FabricsKey::configName)
                .collect(Collectors.joining(" "))).isEqualTo("hostnqn hostid hostsymname nqn controller");
    }

    @ParameterizedTest
    @EnumSource(FabricsKey.class)
    void theEmptyValueIsAValidResetForEveryKey(FabricsKey key) {
        assertThat(key.checkValue("")).isNull();
    }

    @ParameterizedTest
    @EnumSource(FabricsKey.class)
    void aValueWithALineBreakIsInvalidForEveryKey(FabricsKey key) {
        assertThat(key.checkValue("a\rb")).isEqualTo("a value cannot span lines");
        assertThat(key.checkValue("1\n")).isEqualTo("a value cannot span lines");
    }

    @ParameterizedTest
    @ValueSource(strings = {"600", "-1", "0x1E", "0X1e", "030", "0", "+7", "2147483647", "-2147483648"})
    void intKeysTakeWhatStrtolBaseZeroTakes(String value) {
        assertThat(FabricsKey.CTRL_LOSS_TMO.checkValue(value)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12x", "1.5", "tomorrow", "ten", "0x", "08", "--1", "+-1", "1 2", "\u0663"})
    void intKeysRejectGarbage(String value) {
        assertThat(FabricsKey.KEEP_ALIVE_TMO.checkValue(value)).isEqualTo("expected an integer (decimal, 0x hex or 0 octal)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2147483648", "-2147483649", "0x80000000", "99999999999999999999"})
    void intKeysRejectValuesBeyondThirtyTwoBits(String value) {
        assertThat(FabricsKey.TOS.checkValue(value)).isEqualTo("expected an integer within 32 bits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "yes", "Y", "TRUE", "t", "On", "0", "no", "N", "False", "f", "OFF"})
    void boolKeysTakeTheSystemdSpellingsInAnyCase(String value) {
        assertThat(FabricsKey.TLS.checkValue(value)).isNull();
        assertThat(FabricsKey.DATA_DIGEST.checkValue(value)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"maybe", "2", "enable", "yess", "ýes"})
    void boolKeysRejectOtherWords(String value) {
        assertThat(FabricsKey.HDR_DIGEST.checkValue(value)).isEqualTo("expected a boolean: yes/no, true/false, on/off, 1/0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"no", "auto", "force", "NO", "Auto", "FORCE"})
    void persistentTakesNoAutoForceInAnyCase(String value) {
        assertThat(FabricsKey.PERSISTENT.checkValue(value)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"maybe", "yes", "1", "always", "ƒorce"})
    void persistentRejectsAnythingElse(String value) {
        assertThat(FabricsKey.PERSISTENT.checkValue(value)).isEqualTo("expected no, auto or force");
    }

    @ParameterizedTest
    @EnumSource(value = FabricsKey.class, names = {"TLS_KEY", "TLS_KEY_IDENTITY", "KEYRING", "KXCHAP_SECRET",
        "KXCHAP_CTRL_SECRET"})
    void stringKeysTakeAnythingOnOneLine(FabricsKey key) {
        assertThat(key.checkValue("NVMe1R02 my-id # with spaces, ünïcode and = signs")).isNull();
    }

    @Test
    void printableHidesSecretsOnly() {
        assertThat(FabricsKey.KXCHAP_SECRET.printable("DHHC-1:00:abc:")).isEqualTo("<secret>");
        assertThat(FabricsKey.KXCHAP_CTRL_SECRET.printable("DHHC-1:00:abc:")).isEqualTo("<secret>");
        assertThat(FabricsKey.TLS_KEY.printable("NVMeTLSkey-1:01:abc:")).isEqualTo("<secret>");
        assertThat(FabricsKey.TLS_KEY.printable("")).as("a reset hides nothing").isEmpty();
        assertThat(FabricsKey.TLS_KEY_IDENTITY.printable("NVMe1R02 id")).isEqualTo("NVMe1R02 id");
        assertThat(FabricsKey.KEYRING.printable(".nvme")).isEqualTo(".nvme");
    }
}
