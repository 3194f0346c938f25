package org.nvmexpress.discoverd.varlink;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.nvmexpress.discoverd.daemon.DaemonControl;
import org.nvmexpress.discoverd.daemon.DaemonEvent;
import org.nvmexpress.discoverd.daemon.DaemonSnapshot;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TransportId;

/**
 * A {@link DaemonControl} the test drives: the snapshot it serves, the reload result it gives,
 * the units it retries; it records commands and lets the test publish events to subscribers.
 */
final class FakeDaemon implements DaemonControl {
    final AtomicReference<DaemonSnapshot> snapshot = new AtomicReference<>(snapshot(List.of()));
    final AtomicReference<ReloadResult> reloadResult = new AtomicReference<>(new ReloadResult(List.of()));
    final AtomicInteger reloads = new AtomicInteger();
    final List<Optional<String>> retries = new CopyOnWriteArrayList<>();
    private final List<Consumer<DaemonEvent>> listeners = new CopyOnWriteArrayList<>();

    static DaemonSnapshot snapshot(List<DaemonSnapshot.Controller> controllers) {
        Map<String, Integer> states = new java.util.LinkedHashMap<>();
        controllers.forEach(c -> states.merge(c.state(), 1, Integer::sum));
        return new DaemonSnapshot(new DaemonSnapshot.Status("0.1.0", 1_700_000_000_000_000L, "builtin", states,
                List.of("/etc/nvme/discoverd.conf", "/etc/nvme/nvme-fabrics.conf"),
                List.of("/etc/nvme/nvme-fabrics.conf:3: unknown key 'foo'"), List.of(), OptionalLong.empty()),
                controllers);
    }

    /** An IOC at 10.0.0.{n} in {@code state}; device nvme{n} when connected. */
    static DaemonSnapshot.Controller controller(int n, String state) {
        TransportId tid = TransportId.builder().transport("tcp").traddr("10.0." + (n / 250) + "." + (n % 250 + 1))
                .trsvcid("4420").nqn("nqn.2014-08.org.nvmexpress:vol" + n).build();
        return controller(tid, Role.IOC, state, n, List.of("config.conf:" + n));
    }

    static DaemonSnapshot.Controller controller(TransportId tid, Role role, String state, int n, List<String> details) {
        boolean connected = state.equals("connected");
        return new DaemonSnapshot.Controller(tid.unitName().toString(), tid, role, List.of("config"), details,
                "discoverd", connected ? Optional.of("nvme" + n) : Optional.empty(), state, connected ? 0 : 2,
                state.equals("backoff") ? OptionalLong.of(1_700_000_060_000_000L) : OptionalLong.empty(),
                state.equals("backoff") ? Optional.of("connect failed: Connection refused") : Optional.empty(),
                1_700_000_001_000_000L + n);
    }

    int subscribers() {
        return listeners.size();
    }

    /** Waits until exactly {@code n} clients are subscribed (subscribing happens on server threads). */
    void awaitSubscribers(int n) throws InterruptedException {
        synchronized (listeners) {
            while (listeners.size() != n) {
                listeners.wait();
            }
        }
    }

    private void changed(Runnable change) {
        synchronized (listeners) {
            change.run();
            listeners.notifyAll();
        }
    }

    void publish(DaemonEvent event) {
        listeners.forEach(l -> l.accept(event));
    }

    @Override
    public DaemonSnapshot snapshot() {
        return snapshot.get();
    }

    @Override
    public Subscription subscribe(Consumer<DaemonEvent> listener) {
        changed(() -> listeners.add(listener));
        return () -> changed(() -> listeners.remove(listener));
    }

    @Override
    public CompletableFuture<ReloadResult> reload() {
        reloads.incrementAndGet();
        return CompletableFuture.completedFuture(reloadResult.get());
    }

    @Override
    public CompletableFuture<Integer> retry(Optional<String> unit) {
        retries.add(unit);
        List<DaemonSnapshot.Controller> controllers = snapshot.get().controllers();
        if (unit.isPresent()) {
            if (controllers.stream().noneMatch(c -> c.unit().equals(unit.get()))) {
                return CompletableFuture.failedFuture(new NoSuchController(unit.get()));
            }
            return CompletableFuture.completedFuture(1);
        }
        return CompletableFuture.completedFuture((int) controllers.stream().filter(c -> c.state().equals("backoff")).count());
    }
}
