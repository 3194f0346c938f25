package org.nvmexpress.discoverd.kernel.fabrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ProcKeysTest {
    private static final String IDENTITY = "NVMe0R01 nqn.2014-08.org.nvmexpress:uuid:46ba5037-7ce5-41fa-9452-48477bf00080"
            + " nqn.2024-01.com.example:vol1";

    @TempDir
    Path root;

    private ProcKeys keys;

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(root.resolve("proc"));
        Files.writeString(root.resolve("proc/keys"), String.join("\n",
                "02e1d4b9 I--Q---     1 perm 1f3f0000     0 65534 keyring   _uid.0: empty",
                "0ba3c2f1 I------     1 perm 3f030000     0     0 keyring   .nvme: 1",
                "1c2d3e4f I--Q---     1 perm 3f010000     0     0 psk       " + IDENTITY + ": 32",
                "")); 
        keys = new ProcKeys(root);
    }

    @Test
    void keyringByNameIsItsSerial() throws Exception {
        assertThat(keys.keyring(".nvme")).isEqualTo(0x0ba3c2f1);
    }

    @Test
    void keyringBySerialIsTakenAsGiven() throws Exception {
        assertThat(keys.keyring("12345")).isEqualTo(12345);
        assertThat(keys.keyring("0x10")).isEqualTo(16);
    }

    @Test
    void pskByIdentityIsItsSerial() throws Exception {
        assertThat(keys.psk(IDENTITY)).isEqualTo(0x1c2d3e4f);
    }

    @Test
    void descriptionMustMatchWholly() throws Exception {
        assertThat(keys.find("keyring", ".nv")).isEmpty();
        assertThat(keys.find("psk", ".nvme")).isEmpty();
    }

    @Test
    void unknownNamesAreArgumentErrors() {
        assertThatThrownBy(() -> keys.keyring(".other"))
                .isInstanceOf(ConnectArgumentException.class)
                .hasMessage("keyring '.other' not found in " + root.resolve("proc/keys"));
        assertThatThrownBy(() -> keys.psk("NVMe0R01 a b"))
                .hasMessage("no TLS PSK with identity 'NVMe0R01 a b' in " + root.resolve("proc/keys"));
    }

    @Test
    void missingProcKeysSaysWhy() throws Exception {
        Files.delete(root.resolve("proc/keys"));

        assertThatThrownBy(() -> keys.keyring(".nvme"))
                .isInstanceOf(ConnectArgumentException.class)
                .hasMessage("cannot look up keyring '.nvme': " + root.resolve("proc/keys")
                        + " does not exist (kernel without key support, or /proc not mounted)");
    }

    @Test
    void garbageLinesAreSkipped() throws Exception {
        Files.writeString(root.resolve("proc/keys"), "garbage\n\n zz\n0ba3c2f1 I------     1 perm 3f030000     0     0 keyring   .nvme: 1\n");

        assertThat(keys.keyring(".nvme")).isEqualTo(0x0ba3c2f1);
    }
}
