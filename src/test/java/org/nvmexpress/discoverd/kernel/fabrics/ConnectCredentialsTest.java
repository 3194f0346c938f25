package org.nvmexpress.discoverd.kernel.fabrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ConnectCredentialsTest {
    static final String HOST_SECRET = "DHHC-1:00:aG9zdCBzZWNyZXQgZm9yIHRlc3RzIG9ubHkhIQ==:";
    static final String CTRL_SECRET = "DHHC-1:01:Y3RybCBzZWNyZXQgZm9yIHRlc3RzIG9ubHkhIQ==:";

    @TempDir
    Path dir;

    private void credential(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }

    @Test
    void readTakesEachCredentialFromItsFile() throws Exception {
        credential("dhchap-secret", HOST_SECRET + "\n");
        credential("dhchap-ctrl-secret", CTRL_SECRET);
        credential("tls-key", "0x2a\r\n");

        ConnectCredentials credentials = ConnectCredentials.read(Optional.of(dir));
        FabricsOptions.Builder options = FabricsOptions.builder();
        credentials.addTo(options);

        assertThat(options.build().render())
                .isEqualTo("dhchap_secret=" + HOST_SECRET + ",dhchap_ctrl_secret=" + CTRL_SECRET + ",tls_key=42");
        assertThat(credentials.dhchapSecret()).get().extracting(ConnectCredentials.Secret::name)
                .isEqualTo("dhchap-secret");
    }

    @Test
    void readWithoutDirectoryOrFilesIsNoSecrets() throws Exception {
        assertThat(ConnectCredentials.read(Optional.empty())).isEqualTo(ConnectCredentials.none());
        assertThat(ConnectCredentials.read(Optional.of(dir))).isEqualTo(ConnectCredentials.none());
        assertThat(ConnectCredentials.read(Optional.of(dir.resolve("absent")))).isEqualTo(ConnectCredentials.none());
    }

    @Test
    void readOfAnUnreadableCredentialNamesItsFile() throws Exception {
        Files.createDirectory(dir.resolve("dhchap-secret")); // unreadable as a file, even for root

        assertThatThrownBy(() -> ConnectCredentials.read(Optional.of(dir)))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("credential 'dhchap-secret' (" + dir.resolve("dhchap-secret") + "): cannot read: ");
    }

    @Test
    void readRefusesAnUnusableSecretWithoutShowingIt() throws Exception {
        credential("dhchap-secret", HOST_SECRET + ",tls");

        assertThatThrownBy(() -> ConnectCredentials.read(Optional.of(dir)))
                .isInstanceOf(ConnectArgumentException.class)
                .hasMessage("credential 'dhchap-secret' contains ',', which separates the kernel's options")
                .message().doesNotContain(HOST_SECRET);
    }

    @Test
    void readRefusesEmptyMultiLineAndOversizedCredentials() throws Exception {
        credential("dhchap-ctrl-secret", "\n");
        assertThatThrownBy(() -> ConnectCredentials.read(Optional.of(dir)))
                .hasMessage("credential 'dhchap-ctrl-secret' is empty");

        credential("dhchap-ctrl-secret", CTRL_SECRET + "\n\n");
        assertThatThrownBy(() -> ConnectCredentials.read(Optional.of(dir)))
                .hasMessage("credential 'dhchap-ctrl-secret' contains a space, a line break or a character that is not"
                        + " printable ASCII");

        credential("dhchap-ctrl-secret", "D".repeat(4097));
        assertThatThrownBy(() -> ConnectCredentials.read(Optional.of(dir)))
                .hasMessage("credential 'dhchap-ctrl-secret' is longer than 4096 bytes");
    }

    @Test
    void readRefusesADhchapSecretOfAnotherFormat() throws Exception {
        credential("dhchap-secret", "hunter2");

        assertThatThrownBy(() -> ConnectCredentials.read(Optional.of(dir)))
                .hasMessage("credential 'dhchap-secret' is not a DH-HMAC-CHAP secret: it must start with 'DHHC-1:'")
                .message().doesNotContain("hunter2");
    }

    @Test
    void readRefusesATlsPskInInterchangeFormat() throws Exception {
        String psk = "NVMeTLSkey-1:01:VGhpcyBpcyBhIHRlc3QgUFNLIGZvciB0ZXN0cyBvbmx5ISEhIQ==:";
        credential("tls-key", psk);

        assertThatThrownBy(() -> ConnectCredentials.read(Optional.of(dir)))
                .isInstanceOf(ConnectArgumentException.class)
                .hasMessage("credential 'tls-key' holds a PSK in interchange format; the built-in connector passes the"
                        + " kernel a key serial: insert the PSK into the .nvme keyring (nvme tls-key --import) and"
                        + " store its serial number instead, or use the nvme-cli connector")
                .message().doesNotContain(psk);
    }

    @Test
    void readRefusesATlsKeyThatIsNoSerial() throws Exception {
        credential("tls-key", "-5");

        assertThatThrownBy(() -> ConnectCredentials.read(Optional.of(dir)))
                .hasMessage("credential 'tls-key' is not a key serial number (a positive decimal or 0x hex number)");
    }

    @Test
    void toStringNeverShowsASecret() throws Exception {
        credential("dhchap-secret", HOST_SECRET);

        ConnectCredentials credentials = ConnectCredentials.read(Optional.of(dir));

        assertThat(credentials.toString()).doesNotContain(HOST_SECRET).contains("<secret>");
    }
}
