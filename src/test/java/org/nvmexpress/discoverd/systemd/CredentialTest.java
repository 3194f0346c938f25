package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class CredentialTest {
    private static final byte[] SECRET = "DHHC-1:00:abc:".getBytes(StandardCharsets.UTF_8);

    @Test
    void toStringNeverShowsTheSecret() {
        assertThat(new Credential("dhchap-secret", SECRET)).hasToString("Credential[dhchap-secret, 14 bytes]");
    }

    @Test
    void bytesAreCopiedInAndOutAndComparedByContent() {
        byte[] data = SECRET.clone();
        Credential credential = new Credential("tls-key", data);
        data[0] = 'X';
        credential.data()[1] = 'Y';
        assertThat(credential).isEqualTo(new Credential("tls-key", SECRET))
                .hasSameHashCodeAs(new Credential("tls-key", SECRET));
        assertThat(credential.data()).isEqualTo(SECRET);
    }

    @Test
    void idMustBeAPlainFileName() {
        assertThatThrownBy(() -> new Credential("../key", SECRET))
                .hasMessage("credential id is not a plain file name: ../key");
    }
}
