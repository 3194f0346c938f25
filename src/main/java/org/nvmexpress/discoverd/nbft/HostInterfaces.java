package org.nvmexpress.discoverd.nbft;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the network interface an NBFT host fabric interface (HFI) names by its MAC address and
 * VLAN, the way {@code nvme connect-all --nbft} fills {@code host-iface} (reference §7.4; the C
 * daemon never does, §15 item 27).
 *
 * <p>Linux gives a VLAN device the MAC address of its parent, so the MAC alone is ambiguous: an
 * interface matches when its {@code /sys/class/net/IFACE/address} is the MAC and, for a VLAN id
 * other than 0, {@code /proc/net/vlan/IFACE} says {@code VID: <id>}. For VLAN 0 (untagged) an
 * interface that is not a VLAN device is preferred; a VLAN device is the answer only when no other
 * interface has the MAC. Several matches (a bond and its ports share a MAC) are decided by name
 * order, so the answer is at least stable.
 *
 * <p>Reading never fails: a missing directory is no interface, and an interface whose files cannot
 * be read is skipped (logged at debug). Every path is under a root, {@code /} on a real host.
 * Stateless; every call reads the files afresh and blocks on them.
 */
public final class HostInterfaces {
    private static final Logger LOG = LoggerFactory.getLogger(HostInterfaces.class);
    private static final int MAC_LENGTH = 6;
    private static final int MAX_VLAN_FIELD = 0xFFFF;
    /** sysfs attributes and proc files are a page at most; never read more from a fake tree. */
    private static final int MAX_FILE_BYTES = 4096;
    private static final Pattern VID = Pattern.compile("\\bVID:\\s*(\\d{1,4})\\b");

    private final Path netClass;
    private final Path procVlan;

    /** @param root the file system root: {@code /} on a real host, a test tree otherwise */
    public HostInterfaces(Path root) {
        Objects.requireNonNull(root, "root");
        this.netClass = root.resolve("sys/class/net");
        this.procVlan = root.resolve("proc/net/vlan");
    }

    /**
     * The interface with {@code mac} on {@code vlan}, or empty when there is none. An all-zero MAC
     * (an HFI that names no adapter; also the loopback's address) matches nothing.
     *
     * @param mac  6 bytes, as in the HFI transport info
     * @param vlan the HFI's VLAN field, 0 for untagged; ids above 4094 match nothing
     * @throws IllegalArgumentException when {@code mac} is not 6 bytes or {@code vlan} not a u16
     */
    public Optional<String> find(byte[] mac, int vlan) {
        Objects.requireNonNull(mac, "mac");
        if (mac.length != MAC_LENGTH) {
            throw new IllegalArgumentException("mac must be 6 bytes: " + mac.length);
        }
        if (vlan < 0 || vlan > MAX_VLAN_FIELD) {
            throw new IllegalArgumentException("vlan out of range: " + vlan);
        }
        if (Arrays.equals(mac, new byte[MAC_LENGTH])) {
            return Optional.empty();
        }
        String vlanDevice = null;
        for (String name : interfaceNames()) {
            if (!hasMac(name, mac)) {
                continue;
            }
            OptionalInt vid = vlanId(name);
            if (vlan != 0 && vid.isPresent() && vid.getAsInt() == vlan) {
                return Optional.of(name);
            }
            if (vlan == 0 && !isVlanDevice(name)) {
                return Optional.of(name);
            }
            if (vlan == 0 && vlanDevice == null) {
                vlanDevice = name;
            }
        }
        return Optional.ofNullable(vlanDevice);
    }

    private List<String> interfaceNames() {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(netClass)) {
            entries.forEach(entry -> names.add(entry.getFileName().toString()));
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            LOG.debug("{}: cannot list network interfaces: {}", netClass, e.toString());
            return List.of();
        }
        names.sort(null);
        return names;
    }

    private boolean hasMac(String name, byte[] mac) {
        return read(netClass.resolve(name).resolve("address"))
                .flatMap(HostInterfaces::parseMac)
                .map(address -> Arrays.equals(address, mac))
                .orElse(false);
    }

    /** Only the kernel's 8021q driver creates {@code /proc/net/vlan/IFACE}, one per VLAN device. */
    private boolean isVlanDevice(String name) {
        return Files.exists(procVlan.resolve(name));
    }

    /** Empty for an interface that is not a VLAN device, or whose VLAN file says no id. */
    private OptionalInt vlanId(String name) {
        Optional<String> text = read(procVlan.resolve(name));
        if (text.isEmpty()) {
            return OptionalInt.empty();
        }
        Matcher m = VID.matcher(text.get());
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    /** {@code aa:bb:cc:dd:ee:ff} in any case; empty for other lengths (InfiniBand has 20 bytes). */
    static Optional<byte[]> parseMac(String text) {
        String[] parts = text.strip().split(":", -1);
        if (parts.length != MAC_LENGTH) {
            return Optional.empty();
        }
        byte[] mac = new byte[MAC_LENGTH];
        for (int i = 0; i < MAC_LENGTH; i++) {
            if (!parts[i].matches("[0-9A-Fa-f]{1,2}")) {
                return Optional.empty();
            }
            mac[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return Optional.of(mac);
    }

    /** The file's text, or empty when it is missing (not an interface, not a VLAN) or unreadable. */
    private static Optional<String> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of(new String(in.readNBytes(MAX_FILE_BYTES), StandardCharsets.US_ASCII));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.debug("{}: unreadable, interface skipped: {}", file, e.toString());
            return Optional.empty();
        }
    }
}
