package org.nvmexpress.discoverd.sim.fabric;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code announcements} and {@code browser-restarts} of a fabric file (docs/simulate.md).
 * An instance is one name on one interface of one service type: two announcements of it whose
 * windows overlap would be one DNS-SD name claimed twice, so that is a problem, found by sorting
 * each instance's windows (linear after the sort, whatever the file holds).
 */
final class AnnouncementReader {
    private static final List<String> KEYS =
            List.of("discovery-controller", "interface", "instance", "from", "until", "txt");
    private static final List<String> RESTART_KEYS = List.of("at", "back");
    /** Linux's IFNAMSIZ less the terminating NUL. */
    private static final int MAX_INTERFACE_CHARS = 15;
    /** RFC 6763 §4.1.1: an instance name is at most 63 bytes of UTF-8. */
    private static final int MAX_INSTANCE_BYTES = 63;
    /** RFC 6763 §6.1: one TXT string (key, "=", value) is at most 255 bytes. */
    private static final int MAX_TXT_ENTRY_BYTES = 255;
    /** More keys than any DC announces; a bound so a huge object is one problem, not a huge record. */
    private static final int MAX_TXT_KEYS = 32;

    private record Read(String path, Announcement announcement, String instanceKey) {
    }

    private final FabricJson json;
    private final PortReader ports;
    private final DiscoveryReader discovery;

    AnnouncementReader(FabricJson json, PortReader ports, DiscoveryReader discovery) {
        this.json = json;
        this.ports = ports;
        this.discovery = discovery;
    }

    /** The announcements, sorted by start (stable: file order within one time). */
    List<Announcement> read(List<JsonNode> nodes, List<DiscoveryController> dcs) {
        Map<String, DiscoveryController> byName = new HashMap<>();
        dcs.forEach(dc -> byName.put(dc.name(), dc));
        List<Read> all = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            String path = FabricJson.at("announcements", i);
            json.object(nodes.get(i), path, KEYS).flatMap(o -> announcement(o, path, byName)).ifPresent(all::add);
        }
        all.sort(Comparator.comparing((Read r) -> r.instanceKey()).thenComparing(r -> r.announcement().from()));
        List<Announcement> valid = new ArrayList<>();
        Read open = null;
        for (Read r : all) {
            // Sorted by instance then start: a window overlaps an earlier one of its instance exactly
            // when the latest-ending earlier one has not ended by its start.
            if (open != null && open.instanceKey().equals(r.instanceKey())
                    && open.announcement().until().map(u -> u.compareTo(r.announcement().from()) > 0).orElse(true)) {
                json.problem(r.path(), "announces the instance " + FabricJson.quote(r.announcement().instance())
                        + " on " + FabricJson.quote(r.announcement().interfaceName()) + " while " + open.path()
                        + " does");
                continue;
            }
            valid.add(r.announcement());
            if (open == null || !open.instanceKey().equals(r.instanceKey()) || ends(r).compareTo(ends(open)) > 0) {
                open = r;
            }
        }
        valid.sort(Comparator.comparing(Announcement::from));
        return valid;
    }

    private static Duration ends(Read r) {
        return r.announcement().until().orElse(Duration.ofNanos(Long.MAX_VALUE));
    }

    private Optional<Read> announcement(ObjectNode o, String path, Map<String, DiscoveryController> dcs) {
        Optional<String> dcName = json.string(o, path, "discovery-controller", true);
        Optional<DiscoveryController> dc = dcName.flatMap(name -> {
            if (!discovery.known(name)) {
                json.problem(FabricJson.at(path, "discovery-controller"), "no discovery controller is named "
                        + FabricJson.quote(name));
            }
            return Optional.ofNullable(dcs.get(name));
        });
        Optional<String> iface = json.string(o, path, "interface", true).filter(i -> interfaceName(i, path));
        Optional<String> instance = json.string(o, path, "instance", true).filter(i -> instanceName(i, path));
        Optional<Duration> from = json.duration(o, path, "from", true);
        Optional<Duration> until = json.duration(o, path, "until", false);
        boolean ok = until.isPresent() || !o.has("until");
        if (from.isPresent() && until.isPresent() && until.get().compareTo(from.get()) <= 0) {
            json.problem(FabricJson.at(path, "until"), FabricDurations.format(until.get()) + " is not after from, "
                    + FabricDurations.format(from.get()));
            ok = false;
        }
        Optional<Map<String, String>> txt = o.has("txt") ? txt(o.get("txt"), FabricJson.at(path, "txt"))
                : Optional.of(Map.of());
        Optional<Port> port = dc.flatMap(d -> ports.port(d.port()));
        if (!ok || dc.isEmpty() || port.isEmpty() || iface.isEmpty() || instance.isEmpty() || from.isEmpty()
                || txt.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> record = o.has("txt") ? txt.get() : Announcement.defaultTxt(port.get().transport(), dc.get().nqn());
        Announcement a = new Announcement(dc.get().name(), iface.get(), instance.get(), from.get(), until, record);
        String type = port.get().transport().equals("rdma") ? "udp" : "tcp";
        return Optional.of(new Read(path, a, type + " " + iface.get() + " " + instance.get()));
    }

    private boolean interfaceName(String name, String path) {
        boolean ok = name.length() <= MAX_INTERFACE_CHARS && !name.equals(".") && !name.equals("..")
                && name.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '/' && c != ':' && c != '%');
        if (!ok) {
            json.problem(FabricJson.at(path, "interface"), FabricJson.quote(name) + " is not an interface name: 1 to "
                    + MAX_INTERFACE_CHARS + " printable ASCII characters, no space, /, : or %");
        }
        return ok;
    }

    private boolean instanceName(String name, String path) {
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_INSTANCE_BYTES) {
            json.problem(FabricJson.at(path, "instance"), FabricJson.quote(name) + " is longer than the "
                    + MAX_INSTANCE_BYTES + " bytes a DNS-SD instance name may have");
            return false;
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            json.problem(FabricJson.at(path, "instance"), FabricJson.quote(name) + " contains a control character");
            return false;
        }
        return true;
    }

    /** An explicit TXT record: keys of printable ASCII without {@code =}, distinct ignoring case; string values. */
    private Optional<Map<String, String>> txt(JsonNode node, String path) {
        Optional<Map<String, String>> pairs = json.strings(node, path);
        if (pairs.isEmpty()) {
            return pairs;
        }
        if (pairs.get().size() > MAX_TXT_KEYS) {
            json.problem(path, "has " + pairs.get().size() + " keys; at most " + MAX_TXT_KEYS);
            return Optional.empty();
        }
        boolean ok = true;
        Map<String, String> lower = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : pairs.get().entrySet()) {
            String key = e.getKey();
            String at = FabricJson.at(path, key);
            if (key.isEmpty() || !key.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '=')) {
                json.problem(at, "is not a TXT key: 1 or more printable ASCII characters other than =");
                ok = false;
            } else if ((key + "=" + e.getValue()).getBytes(StandardCharsets.UTF_8).length > MAX_TXT_ENTRY_BYTES) {
                json.problem(at, "key and value are longer than the " + MAX_TXT_ENTRY_BYTES + " bytes of a TXT string");
                ok = false;
            } else if (lower.putIfAbsent(key.toLowerCase(Locale.ROOT), e.getValue()) != null) {
                json.problem(at, "is the same TXT key as another ignoring case; browsers lower-case keys");
                ok = false;
            }
        }
        return ok ? Optional.of(lower) : Optional.empty();
    }

    /** The restarts, sorted by time; no two overlapping (the service cannot go away while it is away). */
    List<BrowserRestart> restarts(List<JsonNode> nodes) {
        List<Map.Entry<String, BrowserRestart>> all = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            String path = FabricJson.at("browser-restarts", i);
            json.object(nodes.get(i), path, RESTART_KEYS).flatMap(o -> restart(o, path))
                    .ifPresent(r -> all.add(Map.entry(path, r)));
        }
        all.sort(Comparator.comparing(e -> e.getValue().at()));
        List<BrowserRestart> valid = new ArrayList<>();
        Map.Entry<String, BrowserRestart> last = null;
        for (Map.Entry<String, BrowserRestart> e : all) {
            if (last != null && last.getValue().back().compareTo(e.getValue().at()) > 0) {
                json.problem(e.getKey(), "restarts the browser while it is away for " + last.getKey());
                continue;
            }
            valid.add(e.getValue());
            last = e;
        }
        return valid;
    }

    private Optional<BrowserRestart> restart(ObjectNode o, String path) {
        Optional<Duration> at = json.duration(o, path, "at", true);
        Optional<Duration> back = json.duration(o, path, "back", true);
        if (at.isEmpty() || back.isEmpty()) {
            return Optional.empty();
        }
        if (back.get().compareTo(at.get()) <= 0) {
            json.problem(FabricJson.at(path, "back"), FabricDurations.format(back.get()) + " is not after at, "
                    + FabricDurations.format(at.get()));
            return Optional.empty();
        }
        return Optional.of(new BrowserRestart(at.get(), back.get()));
    }
}
