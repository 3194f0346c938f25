package org.nvmexpress.discoverd.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.nvmexpress.discoverd.mdns.BrowseEvent;
import org.nvmexpress.discoverd.mdns.ServiceInstance;
import org.nvmexpress.discoverd.sim.fabric.Announcement;
import org.nvmexpress.discoverd.sim.fabric.BrowserRestart;
import org.nvmexpress.discoverd.sim.fabric.DiscoveryController;
import org.nvmexpress.discoverd.sim.fabric.Fabric;
import org.nvmexpress.discoverd.sim.fabric.Port;

/**
 * The simulated network's DNS-SD side and the browsing service on the host: which announcements are
 * live and whether the service (avahi-daemon, systemd-resolved) is running, at each time of the
 * fabric's schedule, and the browsers told of each change. Every change is computed as the
 * difference between the state before and after an edge, so announcements that end and start at the
 * same time give the goodbye first, then the new announcement. Guarded by the host's lock.
 */
final class SimMdns {
    private final Object lock;
    private final SimScheduler time;
    private final List<Announcement> announcements;
    private final List<BrowserRestart> restarts;
    private final List<ServiceInstance> instances = new ArrayList<>();
    private final List<Consumer<BrowseEvent>> sinks = new ArrayList<>();
    /** What the browsers were last told: the live announcements (by index) and whether the service is up. */
    private boolean[] live;
    private boolean up;

    SimMdns(Object lock, SimScheduler time, Fabric fabric) {
        this.lock = lock;
        this.time = time;
        this.announcements = fabric.announcements();
        this.restarts = fabric.browserRestarts();
        for (Announcement a : announcements) {
            DiscoveryController dc = fabric.discoveryController(a.discoveryController()).orElseThrow();
            instances.add(instance(a, fabric.port(dc.port()).orElseThrow()));
        }
        this.live = liveAt(Duration.ZERO);
        this.up = true;
    }

    private static ServiceInstance instance(Announcement a, Port port) {
        boolean ipv6 = port.traddr().indexOf(':') >= 0;
        // RDMA discovery controllers are announced as _nvme-disc._udp (TP8009): DNS-SD has no rdma.
        String type = port.transport().equals("rdma") ? ServiceInstance.TYPE_UDP : ServiceInstance.TYPE_TCP;
        ServiceInstance.Key key = new ServiceInstance.Key(a.instance(), type, "local", a.interfaceName(), ipv6);
        return new ServiceInstance(key, port.traddr(), Integer.parseInt(port.trsvcid()), lowerCased(a.txt()));
    }

    /** Browsers lower-case TXT keys (ServiceInstance); the file reader already refused keys equal but for case. */
    private static Map<String, String> lowerCased(Map<String, String> txt) {
        Map<String, String> out = new HashMap<>();
        txt.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
        return out;
    }

    /**
     * Takes the state of now as the initial one and schedules every later edge: in real time "now"
     * is a little after 0, and an edge before it must be in the state rather than lost.
     */
    void schedule() {
        TreeSet<Duration> edges = new TreeSet<>();
        for (Announcement a : announcements) {
            edges.add(a.from());
            a.until().ifPresent(edges::add);
        }
        for (BrowserRestart r : restarts) {
            edges.add(r.at());
            edges.add(r.back());
        }
        Duration now = time.elapsed();
        live = liveAt(now);
        up = upAt(now);
        for (Duration edge : edges.tailSet(now, false)) {
            time.after(edge.minus(now), this::step);
        }
    }

    /** Tells {@code sink} of every change from now on, starting with what is there now. */
    void attach(Consumer<BrowseEvent> sink) {
        synchronized (lock) {
            sinks.add(sink);
            if (!up) {
                sink.accept(new BrowseEvent.BrowserLost("the browsing service is not running"));
                return;
            }
            for (int i = 0; i < live.length; i++) {
                if (live[i]) {
                    sink.accept(new BrowseEvent.Announced(instances.get(i)));
                }
            }
        }
    }

    void detach(Consumer<BrowseEvent> sink) {
        synchronized (lock) {
            sinks.removeIf(s -> s == sink);
        }
    }

    /** One edge: runs under the host's lock (the scheduler wraps it). */
    private void step() {
        Duration now = time.elapsed();
        boolean[] next = liveAt(now);
        boolean nextUp = upAt(now);
        List<BrowseEvent> events = new ArrayList<>();
        if (up && !nextUp) {
            events.add(new BrowseEvent.BrowserLost("avahi-daemon stopped (a simulated restart)"));
        } else if (!up && nextUp) {
            // A restarted avahi-daemon knows nothing of what it said before: it reports what it sees now.
            events.add(new BrowseEvent.BrowserBack());
            for (int i = 0; i < next.length; i++) {
                if (next[i]) {
                    events.add(new BrowseEvent.Announced(instances.get(i)));
                }
            }
        } else if (up) {
            for (int i = 0; i < next.length; i++) {
                if (live[i] && !next[i]) {
                    events.add(new BrowseEvent.Withdrawn(instances.get(i).key()));
                }
            }
            for (int i = 0; i < next.length; i++) {
                if (!live[i] && next[i]) {
                    events.add(new BrowseEvent.Announced(instances.get(i)));
                }
            }
        }
        live = next;
        up = nextUp;
        for (Consumer<BrowseEvent> sink : List.copyOf(sinks)) {
            events.forEach(sink);
        }
    }

    private boolean[] liveAt(Duration t) {
        boolean[] at = new boolean[announcements.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = announcements.get(i).liveAt(t);
        }
        return at;
    }

    private boolean upAt(Duration t) {
        return restarts.stream().noneMatch(r -> r.awayAt(t));
    }
}
