package org.nvmexpress.discoverd.kernel.fabrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.kernel.ConnectIdentity;
import org.nvmexpress.discoverd.tid.TidParser;

final class HostIdentityFilesTest {
    private static final String FILE_NQN = "nqn.2014-08.org.nvmexpress:uuid:11111111-2222-3333-4444-555555555555";
    private static final String FILE_ID = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
    private static final String NVME = "transport=tcp;traddr=10.0.0.9;nqn=nqn.2024-01.com.example:vol1";

    @TempDir
    Path root;

    private void files(String hostnqn, String hostid) throws IOException {
        Files.createDirectories(root.resolve("etc/nvme"));
        if (hostnqn != null) {
            Files.writeString(root.resolve("etc/nvme/hostnqn"), hostnqn);
        }
        if (hostid != null) {
            Files.writeString(root.resolve("etc/nvme/hostid"), hostid);
        }
    }

    @Test
    void resolveTakesBothFilesWhenTheTidHasNoHost() throws Exception {
        files(FILE_NQN + "\n", FILE_ID + "\n");

        assertThat(new HostIdentityFiles(root).resolve(TidParser.strict(NVME)))
                .isEqualTo(new ConnectIdentity(Optional.of(FILE_NQN), Optional.of(FILE_ID)));
    }

    @Test
    void resolveDerivesTheIdFromAnExplicitNqn() throws Exception {
        files(FILE_NQN, FILE_ID);

        ConnectIdentity identity = new HostIdentityFiles(root).resolve(TidParser.strict(NVME
                + ";hostnqn=nqn.2014-08.org.nvmexpress:uuid:46ba5037-7ce5-41fa-9452-48477bf00080"));

        assertThat(identity).isEqualTo(new ConnectIdentity(
                Optional.of("nqn.2014-08.org.nvmexpress:uuid:46ba5037-7ce5-41fa-9452-48477bf00080"),
                Optional.of("46ba5037-7ce5-41fa-9452-48477bf00080")));
    }

    @Test
    void resolveKeepsAnExplicitIdWithTheFilesNqn() throws Exception {
        files(FILE_NQN, FILE_ID);

        ConnectIdentity identity = new HostIdentityFiles(root).resolve(TidParser.strict(NVME
                + ";hostid=01234567-89ab-cdef-0123-456789abcdef"));

        assertThat(identity).isEqualTo(new ConnectIdentity(Optional.of(FILE_NQN),
                Optional.of("01234567-89ab-cdef-0123-456789abcdef")));
    }

    @Test
    void resolveWithoutFilesDerivesOrLeavesOut() throws Exception {
        assertThat(new HostIdentityFiles(root).resolve(TidParser.strict(NVME))).isEqualTo(ConnectIdentity.none());

        files("nqn.2014-08.org.example:host-without-uuid\n", "\n");

        assertThat(new HostIdentityFiles(root).resolve(TidParser.strict(NVME))).isEqualTo(new ConnectIdentity(
                Optional.of("nqn.2014-08.org.example:host-without-uuid"), Optional.empty()));
    }

    @Test
    void resolveReportsAnUnreadableFile() throws Exception {
        Files.createDirectories(root.resolve("etc/nvme/hostnqn"));

        assertThatThrownBy(() -> new HostIdentityFiles(root).resolve(TidParser.strict(NVME)))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot read " + root.resolve("etc/nvme/hostnqn") + ": ");
    }
}
