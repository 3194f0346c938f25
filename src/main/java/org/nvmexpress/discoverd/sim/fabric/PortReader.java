package org.nvmexpress.discoverd.sim.fabric;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nvmexpress.discoverd.tid.NumericAddress;

/**
 * Reads the {@code ports} of a fabric file (docs/simulate.md): each port's name, address and
 * reachability. A port name is known from the moment it is read, even when the rest of the port is
 * wrong, so one typo in a port gives one problem, not one more per reference to it.
 */
final class PortReader {
    private static final List<String> KEYS =
            List.of("name", "transport", "traddr", "trsvcid", "down", "flapping", "connect-delay");
    private static final List<String> WINDOW_KEYS = List.of("from", "until");
    private static final List<String> FLAPPING_KEYS = List.of("from", "up", "down");
    private static final List<String> TRANSPORTS = List.of("tcp", "rdma");
    /** Digits in a port number: 65535 has five; more is not a port, however it continues. */
    private static final int MAX_PORT_DIGITS = 5;

    private final FabricJson json;
    /** Every name read, to the path of the port that has it: references resolve against this. */
    private final Map<String, String> names = new HashMap<>();
    /** The ports read without a problem, by name. */
    private final Map<String, Port> valid = new HashMap<>();
    /** {@code tcp 192.168.1.10:4420} to the path of the port that has that address. */
    private final Map<String, String> addresses = new HashMap<>();

    PortReader(FabricJson json) {
        this.json = json;
    }

    /** Whether a port has {@code name}, valid or not. */
    boolean known(String name) {
        return names.containsKey(name);
    }

    /** The port named {@code name}, when it is known and valid. */
    Optional<Port> port(String name) {
        return Optional.ofNullable(valid.get(name));
    }

    /** The valid ports of {@code nodes}, in file order; the rest are problems. */
    List<Port> read(List<JsonNode> nodes) {
        List<Port> ports = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            String path = FabricJson.at("ports", i);
            json.object(nodes.get(i), path, KEYS).flatMap(o -> port(o, path)).ifPresent(port -> {
                ports.add(port);
                valid.put(port.name(), port);
            });
        }
        return ports;
    }

    private Optional<Port> port(ObjectNode o, String path) {
        Optional<String> name = json.name(o, path, "name");
        if (name.isPresent()) {
            String first = names.putIfAbsent(name.get(), path);
            if (first != null) {
                json.problem(FabricJson.at(path, "name"), FabricJson.quote(name.get()) + " is also the name of " + first);
                name = Optional.empty();
            }
        }
        Optional<String> transport = json.string(o, path, "transport", true).filter(t -> {
            boolean known = TRANSPORTS.contains(t);
            if (!known) {
                json.problem(FabricJson.at(path, "transport"), FabricJson.quote(t) + " is not a transport; expected tcp or rdma");
            }
            return known;
        });
        Optional<String> traddr = json.string(o, path, "traddr", true).flatMap(a -> address(path, a));
        Optional<String> trsvcid = json.string(o, path, "trsvcid", true).filter(s -> portNumber(path, s));
        Optional<Reachability> reachability = reachability(o, path);
        if (name.isEmpty() || transport.isEmpty() || traddr.isEmpty() || trsvcid.isEmpty() || reachability.isEmpty()) {
            return Optional.empty();
        }
        String address = transport.get() + " " + traddr.get() + ":" + trsvcid.get();
        String same = addresses.putIfAbsent(address, path);
        if (same != null) {
            json.problem(path, "same address as " + same + ": " + FabricJson.quote(address));
            return Optional.empty();
        }
        return Optional.of(new Port(name.get(), transport.get(), traddr.get(), trsvcid.get(), reachability.get()));
    }

    /** The address in canonical form (what the host's TIDs will hold), when it is numeric. */
    private Optional<String> address(String path, String text) {
        Optional<NumericAddress> address = NumericAddress.parse(text);
        if (address.isEmpty() || text.indexOf('%') >= 0) {
            json.problem(FabricJson.at(path, "traddr"), FabricJson.quote(text)
                    + " is not a numeric IPv4 or IPv6 address without a scope");
            return Optional.empty();
        }
        return Optional.of(address.get().canonical());
    }

    private boolean portNumber(String path, String text) {
        boolean digits = text.length() <= MAX_PORT_DIGITS && text.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!digits || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 0xFFFF) {
            json.problem(FabricJson.at(path, "trsvcid"), FabricJson.quote(text) + " is not a port number");
            return false;
        }
        return true;
    }

    private Optional<Reachability> reachability(ObjectNode o, String path) {
        boolean ok = true;
        List<Reachability.Window> windows = new ArrayList<>();
        List<JsonNode> down = json.array(o, path, "down", false);
        for (int i = 0; i < down.size(); i++) {
            Optional<Reachability.Window> window = window(down.get(i), FabricJson.at(FabricJson.at(path, "down"), i));
            window.ifPresent(windows::add);
            ok &= window.isPresent();
        }
        Optional<Reachability.Flapping> flapping = Optional.empty();
        if (o.has("flapping")) {
            flapping = flapping(o.get("flapping"), FabricJson.at(path, "flapping"));
            ok &= flapping.isPresent();
        }
        Optional<Duration> delay = json.duration(o, path, "connect-delay", false);
        ok &= delay.isPresent() || !o.has("connect-delay");
        return ok ? Optional.of(new Reachability(windows, flapping, delay.orElse(Duration.ZERO))) : Optional.empty();
    }

    private Optional<Reachability.Window> window(JsonNode node, String path) {
        Optional<ObjectNode> o = json.object(node, path, WINDOW_KEYS);
        if (o.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> from = json.duration(o.get(), path, "from", true);
        Optional<Duration> until = json.duration(o.get(), path, "until", true);
        if (from.isEmpty() || until.isEmpty()) {
            return Optional.empty();
        }
        if (until.get().compareTo(from.get()) <= 0) {
            json.problem(FabricJson.at(path, "until"), FabricDurations.format(until.get()) + " is not after from, "
                    + FabricDurations.format(from.get()));
            return Optional.empty();
        }
        return Optional.of(new Reachability.Window(from.get(), until.get()));
    }

    private Optional<Reachability.Flapping> flapping(JsonNode node, String path) {
        Optional<ObjectNode> o = json.object(node, path, FLAPPING_KEYS);
        if (o.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> from = json.duration(o.get(), path, "from", false);
        Optional<Duration> up = positive(o.get(), path, "up");
        Optional<Duration> down = positive(o.get(), path, "down");
        if ((from.isEmpty() && o.get().has("from")) || up.isEmpty() || down.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Reachability.Flapping(from.orElse(Duration.ZERO), up.get(), down.get()));
    }

    private Optional<Duration> positive(ObjectNode o, String path, String key) {
        Optional<Duration> d = json.duration(o, path, key, true);
        if (d.isPresent() && d.get().isZero()) {
            json.problem(FabricJson.at(path, key), "must be longer than 0s");
            return Optional.empty();
        }
        return d;
    }
}
