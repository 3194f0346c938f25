package org.nvmexpress.discoverd.kernel.sysfs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nvmexpress.discoverd.kernel.AttributeText;
import org.nvmexpress.discoverd.registry.DeviceName;

/**
 * The production {@link Sysfs}: files under a root ({@code /} on a real host), so tests and
 * {@code --root} images read a directory tree shaped like sysfs.
 *
 * <p>Unlike the C daemon, which reads {@code transport}, {@code address}, {@code subsysnqn},
 * {@code hostnqn} and {@code cntrltype} (reference §4.3), this also reads {@code hostid},
 * {@code state} and {@code dctype}, and parses {@code address} field by field
 * ({@link ControllerAddress#parse}); {@code host_iface} comes from the address, where the kernel
 * puts it, not from a separate attribute that does not exist.
 */
public final class SysfsReader implements Sysfs {
    static final String TRANSPORT = "transport";
    static final String ADDRESS = "address";
    static final String SUBSYSNQN = "subsysnqn";
    static final String HOSTNQN = "hostnqn";
    static final String HOSTID = "hostid";
    static final String CNTRLTYPE = "cntrltype";
    static final String STATE = "state";
    static final String DCTYPE = "dctype";

    private final Path classNvme;
    private final Path ueventSeqnum;

    /** Reads {@code <root>/sys/class/nvme} and {@code <root>/sys/kernel/uevent_seqnum}. */
    public SysfsReader(Path root) {
        Objects.requireNonNull(root, "root");
        this.classNvme = root.resolve("sys/class/nvme");
        this.ueventSeqnum = root.resolve("sys/kernel/uevent_seqnum");
    }

    @Override
    public List<DeviceName> controllers() throws SysfsException {
        List<DeviceName> devices = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(classNvme)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (DeviceName.isValid(name)) {
                    devices.add(new DeviceName(name));
                }
            }
        } catch (NoSuchFileException e) {
            return List.of(); // no nvme driver loaded: no controllers
        } catch (IOException e) {
            throw new SysfsException(classNvme, "cannot list controllers: " + AttributeText.reason(e), e);
        }
        devices.sort(null);
        return devices;
    }

    @Override
    public ControllerReading controller(DeviceName device) {
        Path dir = classNvme.resolve(device.value());
        if (!Files.isDirectory(dir)) {
            return new ControllerReading.Gone(device);
        }
        List<AttributeProblem> problems = new ArrayList<>();
        AttributeReader reader = new AttributeReader(device, dir, problems);
        String addressText = reader.read(ADDRESS);
        ControllerAddress address = ControllerAddress.EMPTY;
        if (addressText != null) {
            ControllerAddress.Parsed parsed = ControllerAddress.parse(addressText);
            address = parsed.address();
            parsed.problems().forEach(p -> problems.add(new AttributeProblem(device, ADDRESS, p)));
        }
        LiveController controller = new LiveController(device, reader.read(TRANSPORT), address,
                subsysnqn(reader.read(SUBSYSNQN)), reader.read(HOSTNQN), reader.read(HOSTID), reader.read(CNTRLTYPE),
                reader.read(STATE), reader.read(DCTYPE));
        if (!Files.isDirectory(dir)) {
            return new ControllerReading.Gone(device); // removed while we read: the values are torn
        }
        return new ControllerReading.Found(controller, problems);
    }

    @Override
    public long ueventSeqnum() throws SysfsException {
        AttributeText.Result text = AttributeText.read(ueventSeqnum);
        if (text.problem() != null) {
            throw new SysfsException(ueventSeqnum, text.problem(), null);
        }
        String value = text.value();
        if (value == null) {
            throw new SysfsException(ueventSeqnum, "missing or empty (is sysfs mounted?)", null);
        }
        if (!value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new SysfsException(ueventSeqnum, "not a sequence number: '" + value + "'", null);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new SysfsException(ueventSeqnum, "sequence number out of range: " + value, e);
        }
    }

    /**
     * {@code subsysnqn} as read, or absent while the kernel has none yet. A fabrics controller's
     * device (and its {@code add} uevent) exists before its admin queue is connected and identified,
     * and until then {@code ctrl->subsys} is NULL: 6.1 prints the attribute as {@code (efault)}, the
     * marker its {@code %s} gives an unreadable pointer (seen in the real-kernel guest while a
     * controller was {@code connecting}). Taken as an NQN it made the new controller "not ours" for
     * good, since the settler stops at the first reading with every attribute present.
     */
    static String subsysnqn(String value) {
        return value == null || value.equals("(efault)") || value.equals("(null)") ? null : value;
    }

    /** Reads the attributes of one controller directory, collecting the problems. */
    private record AttributeReader(DeviceName device, Path dir, List<AttributeProblem> problems) {
        String read(String attribute) {
            AttributeText.Result result = AttributeText.read(dir.resolve(attribute));
            if (result.problem() != null) {
                problems.add(new AttributeProblem(device, attribute, result.problem()));
            }
            return result.value();
        }
    }
}
