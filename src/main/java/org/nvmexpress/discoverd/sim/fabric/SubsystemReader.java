package org.nvmexpress.discoverd.sim.fabric;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code subsystems} of a fabric file: each I/O subsystem's NQN and the ports it is
 * linked to. An NQN is known from the moment it is read, with the port names it lists, so a
 * reference to it resolves even when one of its ports is wrong.
 */
final class SubsystemReader {
    private static final List<String> KEYS = List.of("nqn", "ports");

    private final FabricJson json;
    private final PortReader ports;
    /** Every NQN read, to the port names it lists (those that name a port). */
    private final Map<String, Set<String>> linked = new HashMap<>();
    /** Every NQN read, to the path of the subsystem that has it. */
    private final Map<String, String> paths = new HashMap<>();

    SubsystemReader(FabricJson json, PortReader ports) {
        this.json = json;
        this.ports = ports;
    }

    boolean known(String nqn) {
        return linked.containsKey(nqn);
    }

    /** Whether the subsystem {@code nqn} is known and linked to the port {@code port}. */
    boolean linkedTo(String nqn, String port) {
        return linked.getOrDefault(nqn, Set.of()).contains(port);
    }

    List<Subsystem> read(List<JsonNode> nodes) {
        List<Subsystem> subsystems = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            String path = FabricJson.at("subsystems", i);
            json.object(nodes.get(i), path, KEYS).flatMap(o -> subsystem(o, path)).ifPresent(subsystems::add);
        }
        return subsystems;
    }

    private Optional<Subsystem> subsystem(ObjectNode o, String path) {
        Optional<String> nqn = json.nqn(o, path, "nqn", true);
        Set<String> names = new LinkedHashSet<>();
        if (nqn.isPresent()) {
            String first = paths.putIfAbsent(nqn.get(), path);
            if (first != null) {
                json.problem(FabricJson.at(path, "nqn"), FabricJson.quote(nqn.get()) + " is also the NQN of " + first);
                nqn = Optional.empty();
            } else if (nqn.get().equals(DlpWriter.DISCOVERY_NQN)) {
                json.problem(FabricJson.at(path, "nqn"), "is the well-known discovery NQN; an I/O subsystem needs its own");
                nqn = Optional.empty();
            } else {
                linked.put(nqn.get(), names);
            }
        }
        List<JsonNode> listed = json.array(o, path, "ports", true);
        boolean ok = nqn.isPresent();
        if (listed.isEmpty() && o.has("ports") && o.get("ports").isArray()) {
            json.problem(FabricJson.at(path, "ports"), "is empty; a subsystem is linked to at least one port");
            ok = false;
        }
        for (int i = 0; i < listed.size(); i++) {
            String at = FabricJson.at(FabricJson.at(path, "ports"), i);
            Optional<String> port = portName(listed.get(i), at);
            if (port.isPresent() && !names.add(port.get())) {
                json.problem(at, FabricJson.quote(port.get()) + " is listed twice");
                port = Optional.empty();
            }
            ok &= port.isPresent();
        }
        ok &= o.has("ports") && o.get("ports").isArray();
        return ok ? Optional.of(new Subsystem(nqn.get(), List.copyOf(names))) : Optional.empty();
    }

    /** The port name {@code node} holds, when it is a string that names a port. */
    Optional<String> portName(JsonNode node, String path) {
        if (!node.isTextual()) {
            json.problem(path, "expected a port's name");
            return Optional.empty();
        }
        if (!ports.known(node.textValue())) {
            json.problem(path, "no port is named " + FabricJson.quote(node.textValue()));
            return Optional.empty();
        }
        return Optional.of(node.textValue());
    }
}
