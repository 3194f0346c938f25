package org.nvmexpress.discoverd.kernel.uevent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.config.UeventGroup;

final class SenderPolicyTest {
    private static final Uevent.Format KERNEL = Uevent.Format.KERNEL;
    private static final Uevent.Format LIBUDEV = Uevent.Format.LIBUDEV;

    private static Sender from(long portId, int groups, int uid) {
        return new Sender(portId, groups, Optional.of(new Sender.Credentials(812, uid, 0)));
    }

    @Test
    void kernelGroupTrustsOnlyPortZero() {
        SenderPolicy policy = SenderPolicy.standard(UeventGroup.KERNEL);
        assertThat(policy.rejection(from(0, 1, 0), KERNEL)).isEmpty();
        assertThat(policy.rejection(new Sender(0, 1, Optional.empty()), KERNEL)).isEmpty();
        assertThat(policy.rejection(from(3281817943L, 1, 0), KERNEL))
                .contains("sent from port id 3281817943, not the kernel's (0)");
    }

    @Test
    void kernelGroupWantsTheKernelFormatSentToAGroup() {
        SenderPolicy policy = SenderPolicy.standard(UeventGroup.KERNEL);
        assertThat(policy.rejection(from(0, 1, 0), LIBUDEV)).contains("libudev header on the kernel group");
        assertThat(policy.rejection(from(0, 0, 0), KERNEL)).contains("unicast, not sent to a group");
    }

    @Test
    void udevGroupTrustsRootWithALibudevHeader() {
        SenderPolicy policy = SenderPolicy.standard(UeventGroup.UDEV);
        assertThat(policy.rejection(from(4711, 2, 0), LIBUDEV)).isEmpty();
        assertThat(policy.rejection(from(4711, 2, 0), KERNEL)).contains("no libudev header on the udev group");
        assertThat(policy.rejection(from(4711, 2, 1000), LIBUDEV)).contains("sent by uid 1000, not root");
        assertThat(policy.rejection(from(4711, 2, -1), LIBUDEV)).contains("sent by uid 4294967295, not root");
        assertThat(policy.rejection(new Sender(4711, 2, Optional.empty()), LIBUDEV))
                .contains("no sender credentials");
        assertThat(policy.rejection(from(4711, 0, 0), LIBUDEV)).contains("unicast, not sent to a group");
    }

    @Test
    void alsoTrustingAddsOnePortButKeepsTheFormatRule() {
        SenderPolicy policy = SenderPolicy.alsoTrusting(UeventGroup.KERNEL, 77);
        assertThat(policy.rejection(from(77, 1, 1000), KERNEL)).isEmpty();
        assertThat(policy.rejection(from(77, 0, 1000), KERNEL)).isEmpty();
        assertThat(policy.rejection(from(0, 1, 0), KERNEL)).isEmpty();
        assertThat(policy.rejection(from(78, 1, 0), KERNEL)).contains("sent from port id 78, not the kernel's (0)");
        assertThat(policy.rejection(from(77, 1, 0), LIBUDEV)).contains("libudev header on the kernel group");
        assertThat(policy).hasToString("kernel group, also trusting port id 77");
        assertThat(SenderPolicy.standard(UeventGroup.UDEV)).hasToString("udev group");
    }

    @Test
    void alsoTrustingRejectsImpossiblePortIds() {
        assertThatThrownBy(() -> SenderPolicy.alsoTrusting(UeventGroup.UDEV, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("portId out of range: -1");
        assertThatThrownBy(() -> SenderPolicy.alsoTrusting(UeventGroup.UDEV, 1L << 32))
                .hasMessage("portId out of range: 4294967296");
    }

    @Test
    void senderDescribesItselfForLogs() {
        assertThat(from(5, 2, -2).describe()).isEqualTo("netlink port 5 (pid 812, uid 4294967294)");
        assertThat(new Sender(0, 1, Optional.empty()).describe()).isEqualTo("netlink port 0 (no credentials)");
        assertThatThrownBy(() -> new Sender(1L << 32, 1, Optional.empty()))
                .hasMessage("portId out of range: 4294967296");
    }
}
