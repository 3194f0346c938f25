package org.nvmexpress.discoverd.kernel.uevent;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.nvmexpress.discoverd.config.UeventGroup;

/**
 * Which uevent datagrams the monitor believes. Any process with {@code CAP_NET_ADMIN} in the
 * network namespace can send to the uevent groups, and an unprivileged one can send to its own
 * port, so the sender is checked before a byte of the payload is parsed (as sd-device does):
 *
 * <ul>
 * <li>group {@link UeventGroup#KERNEL}: the kernel's own format, from port id 0, which only the
 * kernel has;
 * <li>group {@link UeventGroup#UDEV}: a libudev header, from a process with uid 0 (udevd);
 * <li>both: sent to a group, not unicast to our port.
 * </ul>
 *
 * <p>{@link #alsoTrusting} adds one more sender by port id, for a sender the caller created itself:
 * a test that plays the kernel, or a relay. It still must use the group's format.
 */
public final class SenderPolicy {
    private final UeventGroup group;
    private final OptionalLong alsoTrusted;

    private SenderPolicy(UeventGroup group, OptionalLong alsoTrusted) {
        this.group = Objects.requireNonNull(group, "group");
        this.alsoTrusted = alsoTrusted;
    }

    /** The rules above for {@code group}. */
    public static SenderPolicy standard(UeventGroup group) {
        return new SenderPolicy(group, OptionalLong.empty());
    }

    /** The rules above, and also whatever port {@code portId} sends to the group in its format. */
    public static SenderPolicy alsoTrusting(UeventGroup group, long portId) {
        if (portId < 0 || portId > Sender.MAX_PORT_ID) {
            throw new IllegalArgumentException("portId out of range: " + portId);
        }
        return new SenderPolicy(group, OptionalLong.of(portId));
    }

    /** The group whose messages this policy judges. */
    public UeventGroup group() {
        return group;
    }

    /** Why a datagram from {@code sender} in {@code format} must be dropped, or empty to accept it. */
    public Optional<String> rejection(Sender sender, Uevent.Format format) {
        Uevent.Format expected = group == UeventGroup.KERNEL ? Uevent.Format.KERNEL : Uevent.Format.LIBUDEV;
        if (format != expected) {
            return Optional.of(format == Uevent.Format.KERNEL ? "no libudev header on the udev group"
                    : "libudev header on the kernel group");
        }
        if (alsoTrusted.isPresent() && alsoTrusted.getAsLong() == sender.portId()) {
            return Optional.empty();
        }
        if (sender.groups() == 0) {
            return Optional.of("unicast, not sent to a group");
        }
        if (group == UeventGroup.KERNEL) {
            return sender.portId() == 0 ? Optional.empty()
                    : Optional.of("sent from port id " + sender.portId() + ", not the kernel's (0)");
        }
        Optional<Sender.Credentials> credentials = sender.credentials();
        if (credentials.isEmpty()) {
            return Optional.of("no sender credentials");
        }
        return credentials.get().uid() == 0 ? Optional.empty()
                : Optional.of("sent by " + credentials.get().uidText() + ", not root");
    }

    @Override
    public String toString() {
        return group.configName() + " group" + (alsoTrusted.isPresent()
                ? ", also trusting port id " + alsoTrusted.getAsLong() : "");
    }
}
