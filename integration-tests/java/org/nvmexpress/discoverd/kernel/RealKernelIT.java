package org.nvmexpress.discoverd.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Our Java code against a real NVMe-oF kernel: Debian's 6.1 kernel in a qemu guest with an nvmet
 * tcp target on loopback (docs/real-kernel-tests.md). One boot runs every {@link GuestMain} check;
 * each test asserts results of one check. Skips with the reason when qemu, root or the kernel
 * packages are missing.
 */
@Tag("real-kernel")
final class RealKernelIT {
    /** The first test boots the guest with every check; the others read that boot's results. */
    private static GuestResults results() {
        return RealKernelGuest.bootOnce(List.copyOf(GuestMain.CHECKS.keySet())).results();
    }

    @Test
    void discoveryControllerConnectsThroughTheFabricsDevice() {
        Map<String, String> dc = results().of("discovery-sysfs");
        assertThat(dc.get("reply")).matches("instance=\\d+,cntlid=\\d+");
        assertThat(dc.get("device")).matches("nvme\\d+");
    }

    @Test
    void discoveryControllerShowsItsIdentityInSysfs() {
        Map<String, String> dc = results().of("discovery-sysfs");
        assertThat(dc).containsEntry("transport", "tcp")
                .containsEntry("subsysnqn", GuestTarget.DISCOVERY_NQN)
                .containsEntry("cntrltype", "discovery")
                .containsEntry("state", "live");
        assertThat(dc.get("address")).startsWith("traddr=127.0.0.1,trsvcid=4420,").contains("src_addr=127.0.0.1");
    }

    @Test
    void ioControllerShowsItsIdentityInSysfs() {
        Map<String, String> io = results().of("io-sysfs");
        assertThat(io).containsEntry("transport", "tcp")
                .containsEntry("subsysnqn", GuestTarget.IO1_NQN)
                .containsEntry("cntrltype", "io")
                .containsEntry("state", "live");
        assertThat(io.get("address")).startsWith("traddr=127.0.0.1,trsvcid=4420,");
    }

    @Test
    void deleteControllerRemovesTheController() {
        assertThat(results().of("discovery-sysfs")).containsEntry("deleted", "true");
        assertThat(results().of("io-sysfs")).containsEntry("deleted", "true");
    }

    @Test
    void identityMatcherRecognisesTheRealControllerInItsOtherSpellings() {
        Map<String, String> id = results().of("identity-matcher");
        assertThat(id.get("hostnqn")).startsWith("nqn.");
        assertThat(id).containsEntry("problems", "0")
                .containsEntry("from-sysfs", "transport=tcp;traddr=127.0.0.1;trsvcid=4420;nqn=" + GuestTarget.IO1_NQN
                        + ";hostnqn=" + id.get("hostnqn"))
                .containsEntry("plain", "same connection")
                .containsEntry("explicit-port", "same connection")
                .containsEntry("mapped-address", "same connection")
                .containsEntry("src-addr-as-host-traddr", "same connection");
        assertThat(id.get("other-port")).startsWith("trsvcid: ");
        assertThat(id.get("other-nqn")).startsWith("nqn: ");
    }
}
