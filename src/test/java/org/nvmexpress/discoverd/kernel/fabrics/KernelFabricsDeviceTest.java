package org.nvmexpress.discoverd.kernel.fabrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.kernel.Errno;
import org.nvmexpress.discoverd.kernel.ErrnoException;

/**
 * The libc path of {@link KernelFabricsDevice}, with a regular file standing in for the character
 * device: it reads back what it holds and takes a write, but cannot answer one. The kernel itself is
 * exercised in the qemu guest.
 */
final class KernelFabricsDeviceTest {
    @TempDir
    Path root;

    @Test
    void probeReadsTheOptionTable() throws Exception {
        Files.createDirectories(root.resolve("dev"));
        Files.writeString(root.resolve("dev/nvme-fabrics"), KernelOptionTableTest.LINUX_6_1);

        KernelOptionTable table = new KernelFabricsDevice(root).probe();

        assertThat(table.isKnown()).isTrue();
        assertThat(table.supports("dhchap_ctrl_secret")).isTrue();
        assertThat(table.supports("tls")).isFalse();
    }

    @Test
    void probeOfSomethingElseIsAnUnknownTable() throws Exception {
        Files.createDirectories(root.resolve("dev"));
        Files.writeString(root.resolve("dev/nvme-fabrics"), "");

        assertThat(new KernelFabricsDevice(root).probe().isKnown()).isFalse();
    }

    @Test
    void connectWritesTheOptionStringInOneWriteAndReadsTheReply() throws Exception {
        Files.createDirectories(root.resolve("dev"));
        Path device = Files.writeString(root.resolve("dev/nvme-fabrics"), "");
        FabricsOptions options = FabricsOptions.builder().set(FabricsOption.TRANSPORT, "loop")
                .set(FabricsOption.NQN, "nqn.2024-01.com.example:loop1").build();

        String reply = new KernelFabricsDevice(root).connect(options);

        assertThat(Files.readString(device)).isEqualTo("transport=loop,nqn=nqn.2024-01.com.example:loop1");
        assertThat(reply).as("a regular file has nothing after what was written").isEmpty();
    }

    @Test
    void missingDeviceIsATypedErrno() {
        KernelFabricsDevice fabrics = new KernelFabricsDevice(root);

        assertThatThrownBy(fabrics::probe)
                .isInstanceOfSatisfying(ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT))
                .hasMessage("open " + root.resolve("dev/nvme-fabrics") + ": ENOENT (No such file or directory)");
    }
}
