package org.nvmexpress.discoverd.sim.fabric;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.nvmexpress.discoverd.tid.NumericAddress;

/**
 * Reads a fabric file's JSON tree into a {@link Fabric}, section by section in the order references
 * need (ports, subsystems, discovery controllers, changes, preconnected, boot,
 * announcements, browser restarts), reporting every
 * problem to {@link Problems}. Each section resolves its references through the readers before it,
 * by hash lookups, so the work stays linear in the number of nodes. Single use, one thread.
 */
final class FabricReader {
    private static final List<String> KEYS =
            List.of("ports", "subsystems", "discovery-controllers", "changes", "preconnected", "boot",
                    "announcements", "browser-restarts");
    private static final List<String> PRECONNECTED_KEYS = List.of("subsystem", "port", "owner");
    private static final List<String> BOOT_KEYS = List.of("subsystem", "port", "host-ip");
    /** A registry owner as orchestrators write it ({@code stas}, {@code nbft}, {@code admin-42}). */
    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final FabricJson json;
    private final PortReader ports;
    private final SubsystemReader subsystems;
    private final DiscoveryReader discovery;
    private final AnnouncementReader announcements;

    FabricReader(Problems problems) {
        this.json = new FabricJson(problems);
        this.ports = new PortReader(json);
        this.subsystems = new SubsystemReader(json, ports);
        this.discovery = new DiscoveryReader(json, ports, subsystems);
        this.announcements = new AnnouncementReader(json, ports, discovery);
    }

    /** Nodes looked at so far: the parser's work, which the linear-work property bounds. */
    long visits() {
        return json.visits();
    }

    /** The fabric, or empty when there were problems (all of them reported). */
    Optional<Fabric> read(JsonNode root) {
        Optional<ObjectNode> top = json.object(root, "", KEYS);
        if (top.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode o = top.get();
        List<Port> portList = ports.read(json.array(o, "", "ports", true));
        List<Subsystem> subsystemList = subsystems.read(json.array(o, "", "subsystems", false));
        List<DiscoveryController> dcs = discovery.read(json.array(o, "", "discovery-controllers", false));
        List<LogChange> changes = discovery.changes(json.array(o, "", "changes", false));
        List<Preconnected> preconnected = preconnected(json.array(o, "", "preconnected", false));
        Optional<BootPath> boot = o.has("boot") ? json.object(o.get("boot"), "boot", BOOT_KEYS).flatMap(this::boot)
                : Optional.empty();
        List<Announcement> announced = announcements.read(json.array(o, "", "announcements", false), dcs);
        List<BrowserRestart> restarts = announcements.restarts(json.array(o, "", "browser-restarts", false));
        return Optional.of(new Fabric(portList, subsystemList, dcs, changes, preconnected, boot, announced, restarts));
    }

    private List<Preconnected> preconnected(List<JsonNode> nodes) {
        List<Preconnected> all = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            String path = FabricJson.at("preconnected", i);
            json.object(nodes.get(i), path, PRECONNECTED_KEYS).flatMap(o -> preconnected(o, path)).ifPresent(p -> {
                String first = seen.putIfAbsent(p.subsystem() + " " + p.port(), path);
                if (first != null) {
                    json.problem(path, "the same controller as " + first);
                } else {
                    all.add(p);
                }
            });
        }
        return all;
    }

    private Optional<Preconnected> preconnected(ObjectNode o, String path) {
        Optional<String> subsystem = json.string(o, path, "subsystem", true);
        Optional<String> port = json.string(o, path, "port", true).filter(p -> port(p, FabricJson.at(path, "port")));
        Optional<String> owner = json.string(o, path, "owner", false);
        boolean ok = owner.isPresent() || !o.has("owner");
        if (owner.isPresent() && !OWNER.matcher(owner.get()).matches()) {
            json.problem(FabricJson.at(path, "owner"), FabricJson.quote(owner.get())
                    + " is not an owner: 1 to 64 of A-Z a-z 0-9 . _ -");
            ok = false;
        }
        if (subsystem.isEmpty() || port.isEmpty()) {
            return Optional.empty();
        }
        String s = subsystem.get();
        if (discovery.known(s)) {
            Optional<String> dcPort = discovery.portOf(s);
            if (dcPort.isPresent() && !dcPort.get().equals(port.get())) {
                json.problem(FabricJson.at(path, "port"), "the discovery controller " + FabricJson.quote(s)
                        + " is on the port " + FabricJson.quote(dcPort.get()));
                ok = false;
            }
        } else if (!linked(s, port.get(), path)) {
            ok = false;
        }
        return ok ? Optional.of(new Preconnected(s, port.get(), owner)) : Optional.empty();
    }

    private Optional<BootPath> boot(ObjectNode o) {
        Optional<String> subsystem = json.string(o, "boot", "subsystem", true);
        Optional<String> port = json.string(o, "boot", "port", true).filter(p -> port(p, "boot.port"));
        Optional<String> hostIp = json.string(o, "boot", "host-ip", true);
        Optional<NumericAddress> address = hostIp.flatMap(NumericAddress::parse).filter(a -> hostIp.get().indexOf('%') < 0);
        if (hostIp.isPresent() && address.isEmpty()) {
            json.problem("boot.host-ip", FabricJson.quote(hostIp.get()) + " is not a numeric IPv4 or IPv6 address");
        }
        if (subsystem.isEmpty() || port.isEmpty() || !linked(subsystem.get(), port.get(), "boot")) {
            return Optional.empty();
        }
        Optional<Port> target = ports.port(port.get());
        if (target.isPresent() && !target.get().transport().equals("tcp")) {
            json.problem("boot.port", "is " + target.get().transport() + "; an NBFT boots over tcp only");
            return Optional.empty();
        }
        if (address.isEmpty()) {
            return Optional.empty();
        }
        boolean sameFamily = target.map(t -> NumericAddress.parse(t.traddr()).orElseThrow().isIpv4()
                == address.get().isIpv4()).orElse(true);
        if (!sameFamily) {
            json.problem("boot.host-ip", "is not of the address family of the port's " + target.get().traddr());
            return Optional.empty();
        }
        return Optional.of(new BootPath(subsystem.get(), port.get(), address.get().canonical()));
    }

    /** Whether the I/O subsystem {@code nqn} is known and linked to {@code port}; a problem at {@code path} if not. */
    private boolean linked(String nqn, String port, String path) {
        if (!subsystems.known(nqn)) {
            json.problem(FabricJson.at(path, "subsystem"), "no I/O subsystem has the NQN " + FabricJson.quote(nqn)
                    + (path.startsWith("preconnected") ? " and no discovery controller that name" : ""));
            return false;
        }
        if (!subsystems.linkedTo(nqn, port)) {
            json.problem(path, "the subsystem " + FabricJson.quote(nqn) + " is not linked to the port "
                    + FabricJson.quote(port));
            return false;
        }
        return true;
    }

    private boolean port(String name, String path) {
        if (!ports.known(name)) {
            json.problem(path, "no port is named " + FabricJson.quote(name));
        }
        return ports.known(name);
    }
}
