package org.nvmexpress.discoverd.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.tid.NumericAddress;
import org.nvmexpress.discoverd.tid.TransportId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small, honest {@link LiveControllerLookup} over {@code <root>/sys/class/nvme/nvmeN/}: it reads
 * {@code transport}, {@code address}, {@code subsysnqn}, {@code hostnqn} and {@code state}, splits
 * {@code address} ({@code traddr=...,trsvcid=...,host_traddr=...}) at commas into key=value pairs,
 * and compares:
 * <ul>
 * <li>{@code transport} and {@code subsysnqn} exactly;</li>
 * <li>{@code traddr} as an address: numerically for tcp and rdma ({@link NumericAddress#sameAddress},
 * so {@code 2001:DB8::1} is {@code 2001:db8::1}), case-insensitively for FC WWNs, exactly
 * otherwise;</li>
 * <li>{@code trsvcid} exactly, a TID without one meaning the kernel's default 4420 for tcp and
 * rdma;</li>
 * <li>{@code host_traddr} (as an address) and {@code host_iface} only when the TID sets them;</li>
 * <li>{@code hostnqn} when both the identity and the controller have one.</li>
 * </ul>
 * A controller that is being deleted or is dead is not live. A controller whose attributes vanish
 * while it is read has gone away and is skipped.
 *
 * <p>The daemon's connection-identity matcher (reference §4.3, ARCHITECTURE §8) also understands
 * {@code src_addr} and the system's default host NQN; the integrator may replace this class with it.
 */
public final class SimpleLiveControllerLookup implements LiveControllerLookup {
    private static final Logger LOG = LoggerFactory.getLogger(SimpleLiveControllerLookup.class);
    private static final Pattern CONTROLLER = Pattern.compile("nvme[0-9]{1,10}");
    private static final Set<String> NOT_LIVE = Set.of("deleting", "deleting (no IO)", "dead");
    /** The kernel's default service id for tcp and rdma when none is given. */
    private static final String DEFAULT_TRSVCID = "4420";
    /** sysfs attributes are one page at most. */
    private static final int MAX_ATTRIBUTE_BYTES = 4096;

    private final Path classDirectory;

    public SimpleLiveControllerLookup(Path systemRoot) {
        this.classDirectory = Objects.requireNonNull(systemRoot, "systemRoot").resolve("sys/class/nvme");
    }

    @Override
    public Optional<DeviceName> find(TransportId tid, ConnectIdentity identity) throws IOException {
        Objects.requireNonNull(tid, "tid");
        Objects.requireNonNull(identity, "identity");
        for (DeviceName device : controllers()) {
            Optional<Map<String, String>> attributes = attributes(classDirectory.resolve(device.value()));
            if (attributes.isPresent() && matches(tid, identity, attributes.get())) {
                return Optional.of(device);
            }
        }
        return Optional.empty();
    }

    private List<DeviceName> controllers() throws IOException {
        List<DeviceName> devices = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(classDirectory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (CONTROLLER.matcher(name).matches()) {
                    devices.add(new DeviceName(name));
                }
            }
        } catch (NoSuchFileException e) {
            return List.of(); // no NVMe driver loaded: nothing is connected
        }
        devices.sort(null);
        return devices;
    }

    /**
     * The attributes, or empty when the controller went away, is no fabrics controller, or cannot be
     * read (said once, here: a controller we cannot read is not one we can call the same).
     */
    private static Optional<Map<String, String>> attributes(Path dir) {
        Map<String, String> values = new HashMap<>();
        for (String name : List.of("transport", "address", "subsysnqn", "hostnqn", "state")) {
            try (var in = Files.newInputStream(dir.resolve(name))) {
                values.put(name, new String(in.readNBytes(MAX_ATTRIBUTE_BYTES), StandardCharsets.UTF_8).strip());
            } catch (NoSuchFileException e) {
                if (!name.equals("hostnqn") && !name.equals("state")) {
                    return Optional.empty();
                }
            } catch (IOException e) {
                LOG.warn("{}: cannot read {}, controller skipped: {}", dir.getFileName(), name, e.toString());
                return Optional.empty();
            }
        }
        return Optional.of(values);
    }

    static boolean matches(TransportId tid, ConnectIdentity identity, Map<String, String> live) {
        String transport = tid.transport();
        if (transport == null || !transport.equals(live.get("transport")) || NOT_LIVE.contains(live.getOrDefault("state", ""))) {
            return false;
        }
        if (tid.nqn() != null && !tid.nqn().equals(live.get("subsysnqn"))) {
            return false;
        }
        Map<String, String> address = splitAddress(live.get("address"));
        String trsvcid = tid.trsvcid() != null ? tid.trsvcid()
                : transport.equals("tcp") || transport.equals("rdma") ? DEFAULT_TRSVCID : null;
        String liveHostnqn = live.get("hostnqn");
        return (tid.traddr() == null || sameAddress(transport, tid.traddr(), address.get("traddr")))
                && (trsvcid == null || trsvcid.equals(address.get("trsvcid")))
                && (tid.hostTraddr() == null || sameAddress(transport, tid.hostTraddr(), address.get("host_traddr")))
                && (tid.hostIface() == null || tid.hostIface().equals(address.get("host_iface")))
                && (identity.hostnqn().isEmpty() || liveHostnqn == null || identity.hostnqn().get().equals(liveHostnqn));
    }

    /** {@code traddr=10.0.0.9,trsvcid=4420} as a map; tokens without {@code =} are skipped. */
    static Map<String, String> splitAddress(String address) {
        Map<String, String> pairs = new HashMap<>();
        for (String token : address.split(",")) {
            int eq = token.indexOf('=');
            if (eq > 0) {
                pairs.put(token.substring(0, eq).strip(), token.substring(eq + 1).strip());
            }
        }
        return pairs;
    }

    private static boolean sameAddress(String transport, String wanted, String live) {
        if (live == null) {
            return false;
        }
        switch (transport) {
            case "tcp", "rdma": {
                Optional<NumericAddress> a = NumericAddress.parse(wanted);
                Optional<NumericAddress> b = NumericAddress.parse(live);
                return a.isPresent() && b.isPresent() ? a.get().sameAddress(b.get()) : wanted.equals(live);
            }
            case "fc":
                return wanted.equalsIgnoreCase(live);
            default:
                return wanted.equals(live);
        }
    }
}
