package org.nvmexpress.discoverd.sim.fabric;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code discovery-controllers} of a fabric file with their log pages, and the
 * {@code changes} to those pages. Every name is read before any log, so a referral may name a
 * discovery controller that comes later in the file.
 */
final class DiscoveryReader {
    private static final List<String> KEYS = List.of("name", "nqn", "port", "log");
    private static final List<String> ENTRY_KEYS = List.of("subsystem", "port", "referral", "self");
    private static final List<String> SELF_KEYS = List.of("epcsd");
    private static final List<String> CHANGE_KEYS = List.of("at", "discovery-controller", "log");

    private final FabricJson json;
    private final PortReader ports;
    private final SubsystemReader subsystems;
    /** Every name read, to the port name of its controller (empty when that was wrong). */
    private final Map<String, Optional<String>> names = new HashMap<>();

    DiscoveryReader(FabricJson json, PortReader ports, SubsystemReader subsystems) {
        this.json = json;
        this.ports = ports;
        this.subsystems = subsystems;
    }

    boolean known(String name) {
        return names.containsKey(name);
    }

    /** The port of the controller {@code name}, when both are known. */
    Optional<String> portOf(String name) {
        return names.getOrDefault(name, Optional.empty());
    }

    List<DiscoveryController> read(List<JsonNode> nodes) {
        List<Optional<ObjectNode>> objects = new ArrayList<>();
        Map<String, String> paths = new HashMap<>();
        Map<String, String> identities = new HashMap<>();
        List<Optional<DiscoveryController>> heads = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            String path = FabricJson.at("discovery-controllers", i);
            Optional<ObjectNode> o = json.object(nodes.get(i), path, KEYS);
            objects.add(o);
            heads.add(o.flatMap(object -> head(object, path, paths, identities)));
        }
        List<DiscoveryController> controllers = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            String path = FabricJson.at("discovery-controllers", i);
            Optional<List<LogEntry>> log = objects.get(i).flatMap(o -> log(o, path, false));
            if (heads.get(i).isPresent() && log.isPresent()) {
                DiscoveryController head = heads.get(i).get();
                controllers.add(new DiscoveryController(head.name(), head.nqn(), head.port(), log.get()));
            }
        }
        return controllers;
    }

    /** The controller without its log; its name is known from here on. */
    private Optional<DiscoveryController> head(ObjectNode o, String path, Map<String, String> paths,
            Map<String, String> identities) {
        Optional<String> name = json.name(o, path, "name");
        if (name.isPresent()) {
            String first = paths.putIfAbsent(name.get(), path);
            if (first != null) {
                json.problem(FabricJson.at(path, "name"), FabricJson.quote(name.get()) + " is also the name of " + first);
                name = Optional.empty();
            } else if (subsystems.known(name.get())) {
                // preconnected.subsystem takes either, so one string must not mean both.
                json.problem(FabricJson.at(path, "name"), FabricJson.quote(name.get()) + " is an I/O subsystem's NQN");
                name = Optional.empty();
            }
        }
        Optional<String> nqn = o.has("nqn") ? json.nqn(o, path, "nqn", true) : Optional.of(DlpWriter.DISCOVERY_NQN);
        Optional<String> port = json.string(o, path, "port", true).filter(p -> resolves(p, FabricJson.at(path, "port")));
        name.ifPresent(n -> names.put(n, port));
        if (name.isEmpty() || nqn.isEmpty() || port.isEmpty()) {
            return Optional.empty();
        }
        String same = identities.putIfAbsent(port.get() + " " + nqn.get(), path);
        if (same != null) {
            json.problem(path, "same port and NQN as " + same);
            return Optional.empty();
        }
        return Optional.of(new DiscoveryController(name.get(), nqn.get(), port.get(), List.of()));
    }

    /** The log at {@code log} (absent: empty, unless {@code required}); empty when an entry is wrong. */
    private Optional<List<LogEntry>> log(ObjectNode o, String path, boolean required) {
        List<JsonNode> nodes = json.array(o, path, "log", required);
        boolean ok = !o.has("log") ? !required : o.get("log").isArray();
        List<LogEntry> entries = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            String at = FabricJson.at(FabricJson.at(path, "log"), i);
            Optional<LogEntry> entry = json.object(nodes.get(i), at, ENTRY_KEYS).flatMap(e -> entry(e, at));
            entry.ifPresent(entries::add);
            ok &= entry.isPresent();
        }
        return ok ? Optional.of(entries) : Optional.empty();
    }

    private Optional<LogEntry> entry(ObjectNode e, String path) {
        boolean ioc = e.has("subsystem") || e.has("port");
        int kinds = (ioc ? 1 : 0) + (e.has("referral") ? 1 : 0) + (e.has("self") ? 1 : 0);
        if (kinds != 1) {
            json.problem(path, (kinds == 0 ? "empty" : "mixes kinds of entry")
                    + "; an entry is {\"subsystem\", \"port\"}, {\"referral\"} or {\"self\"}");
            return Optional.empty();
        }
        if (e.has("referral")) {
            return json.string(e, path, "referral", true).filter(name -> {
                boolean known = known(name);
                if (!known) {
                    json.problem(FabricJson.at(path, "referral"), "no discovery controller is named "
                            + FabricJson.quote(name));
                }
                return known;
            }).map(LogEntry.Referral::new);
        }
        if (e.has("self")) {
            return json.object(e.get("self"), FabricJson.at(path, "self"), SELF_KEYS)
                    .map(self -> new LogEntry.Self(json.flag(self, FabricJson.at(path, "self"), "epcsd")));
        }
        Optional<String> nqn = json.string(e, path, "subsystem", true);
        Optional<String> port = json.string(e, path, "port", true).filter(p -> resolves(p, FabricJson.at(path, "port")));
        if (nqn.isPresent() && !subsystems.known(nqn.get())) {
            json.problem(FabricJson.at(path, "subsystem"), "no I/O subsystem has the NQN " + FabricJson.quote(nqn.get()));
            return Optional.empty();
        }
        if (nqn.isEmpty() || port.isEmpty()) {
            return Optional.empty();
        }
        if (!subsystems.linkedTo(nqn.get(), port.get())) {
            json.problem(path, "the subsystem " + FabricJson.quote(nqn.get()) + " is not linked to the port "
                    + FabricJson.quote(port.get()));
            return Optional.empty();
        }
        return Optional.of(new LogEntry.Ioc(nqn.get(), port.get()));
    }

    /** The changes, sorted by time (stable: file order within one time); one per controller and time. */
    List<LogChange> changes(List<JsonNode> nodes) {
        List<LogChange> changes = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            String path = FabricJson.at("changes", i);
            json.object(nodes.get(i), path, CHANGE_KEYS).flatMap(o -> change(o, path, seen)).ifPresent(changes::add);
        }
        changes.sort(Comparator.comparing(LogChange::at));
        return changes;
    }

    private Optional<LogChange> change(ObjectNode o, String path, Map<String, String> seen) {
        Optional<Duration> at = json.duration(o, path, "at", true);
        Optional<String> dc = json.string(o, path, "discovery-controller", true).filter(name -> {
            boolean known = known(name);
            if (!known) {
                json.problem(FabricJson.at(path, "discovery-controller"), "no discovery controller is named "
                        + FabricJson.quote(name));
            }
            return known;
        });
        Optional<List<LogEntry>> log = log(o, path, true);
        if (at.isEmpty() || dc.isEmpty() || log.isEmpty()) {
            return Optional.empty();
        }
        String first = seen.putIfAbsent(dc.get() + " " + at.get(), path);
        if (first != null) {
            json.problem(path, "changes " + FabricJson.quote(dc.get()) + " at " + FabricDurations.format(at.get())
                    + " again, as " + first + " does");
            return Optional.empty();
        }
        return Optional.of(new LogChange(at.get(), dc.get(), log.get()));
    }

    private boolean resolves(String port, String path) {
        if (!ports.known(port)) {
            json.problem(path, "no port is named " + FabricJson.quote(port));
        }
        return ports.known(port);
    }
}
