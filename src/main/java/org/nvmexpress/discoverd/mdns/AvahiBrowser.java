package org.nvmexpress.discoverd.mdns;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.freedesktop.dbus.connections.IDisconnectCallback;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.matchrules.DBusMatchRuleBuilder;
import org.freedesktop.dbus.messages.DBusSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ServiceBrowser} over avahi-daemon's D-Bus API on the system bus, as nvme-stas's
 * {@code staslib/avahi.py} browses: one {@code ServiceBrowserNew} per service type on every
 * interface and both families, each {@code ItemNew} resolved with {@code ResolveService}, each
 * {@code ItemRemove} a withdrawal. avahi-daemon leaving the bus ({@code NameOwnerChanged}) is a
 * {@link BrowseEvent.BrowserLost}; when it is back its browsers are made anew and it reports every
 * instance again after {@link BrowseEvent.BrowserBack}. The system bus not there at start, or
 * its connection breaking, is a loss too, and a new connection is tried every
 * {@link #RECONNECT_DELAY}.
 *
 * <p><b>Threading:</b> dbus-java's threads only post to this browser's own worker thread, which
 * makes every call (resolving blocks up to {@link #CALL_TIMEOUT}) and feeds the sink, so events
 * keep their order. Signals need no path filter: avahi sends a browser's signals to its client
 * only, and the type argument tells ours from any other of the same connection.
 */
public final class AvahiBrowser implements ServiceBrowser {
    private static final Logger LOG = LoggerFactory.getLogger(AvahiBrowser.class);
    /** avahi resolves within its own 5 s timeout, or answers with an error; more is a hung daemon. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final String DOMAIN = "local";

    private final String busAddress;
    /** How long after losing the system bus (or not finding it at start) it is tried again. */
    static final Duration RECONNECT_DELAY = Duration.ofSeconds(5);

    private final Duration reconnectDelay;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "avahi-browser");
        t.setDaemon(true);
        return t;
    });
    private final BackendPresence presence = new BackendPresence();
    private final Object sinkLock = new Object();
    /** Guarded by {@code sinkLock}; null before start and after close. */
    private Consumer<BrowseEvent> sink;
    /** Set on the worker by {@link #connect()}; read there, and by {@link #close()} to disconnect. */
    private volatile AvahiCalls calls;
    /** Set and read on the worker only. */
    private InterfaceNames<AvahiCalls.CallFailed> interfaces;

    /** A browser on the bus at {@code busAddress} (the system bus: {@code unix:path=…}). */
    public AvahiBrowser(String busAddress) {
        this(busAddress, RECONNECT_DELAY);
    }

    AvahiBrowser(String busAddress, Duration reconnectDelay) {
        this.busAddress = Objects.requireNonNull(busAddress, "busAddress");
        this.reconnectDelay = Objects.requireNonNull(reconnectDelay, "reconnectDelay");
    }

    /** Whether {@code org.freedesktop.Avahi} has an owner on that bus now (for {@code zeroconf = auto}). */
    public static boolean presentOn(String busAddress) {
        try (DBusConnection connection = DBusConnectionBuilder.forAddress(busAddress).withShared(false).build()) {
            return new AvahiCalls(connection, CALL_TIMEOUT).nameHasOwner();
        } catch (AvahiCalls.CallFailed | DBusException | IOException | RuntimeException e) {
            LOG.info("avahi: cannot ask {} whether avahi-daemon is there: {}", busAddress, e.getMessage());
            return false;
        }
    }

    @Override
    public String backend() {
        return "avahi";
    }

    @Override
    public void start(Consumer<BrowseEvent> events) {
        synchronized (sinkLock) {
            if (sink != null) {
                throw new IllegalStateException("avahi browser already started");
            }
            sink = Objects.requireNonNull(events, "events");
        }
        post(this::connect);
    }

    @Override
    public void close() {
        synchronized (sinkLock) {
            sink = null;
        }
        worker.shutdownNow();
        // Disconnecting from the worker would race with a call in flight; the worker's interrupt
        // ends that call, and the connection is closed here, where nothing else uses it any more.
        AvahiCalls current = calls;
        if (current != null) {
            current.connection().disconnect();
        }
    }

    private void connect() {
        DBusConnection connection;
        BusLoss loss = new BusLoss();
        try {
            connection = DBusConnectionBuilder.forAddress(busAddress).withShared(false)
                    .withDisconnectCallback(loss).build();
        } catch (DBusException | RuntimeException e) {
            emit(presence.absent("cannot connect to the system bus " + busAddress + ": " + e.getMessage()));
            reconnectLater();
            return;
        }
        calls = new AvahiCalls(connection, CALL_TIMEOUT);
        loss.calls = calls;
        interfaces = new InterfaceNames<>(calls::interfaceName);
        try {
            connection.addGenericSigHandler(DBusMatchRuleBuilder.create().withType("signal")
                    .withSender(AvahiCalls.BUS_DRIVER).withInterface(AvahiCalls.BUS_DRIVER)
                    .withMember("NameOwnerChanged").withArg0123(0, AvahiWire.NAME).build(),
                    signal -> post(() -> ownerChanged(signal)));
            connection.addGenericSigHandler(DBusMatchRuleBuilder.create().withType("signal")
                    .withInterface(AvahiWire.SERVICE_BROWSER).build(), signal -> post(() -> browserSignal(signal)));
            if (calls.nameHasOwner()) {
                createBrowsers();
            } else {
                emit(presence.absent("avahi-daemon is not on the system bus"));
            }
        } catch (AvahiCalls.CallFailed | DBusException | RuntimeException e) {
            emit(presence.absent("avahi-daemon: " + e.getMessage()));
        }
    }

    /** One browser per type, on avahi-daemon's current instance; then it is present again. */
    private void createBrowsers() throws AvahiCalls.CallFailed {
        interfaces.clear();
        for (String type : List.of(ServiceInstance.TYPE_TCP, ServiceInstance.TYPE_UDP)) {
            String path = calls.serviceBrowserNew(type, DOMAIN);
            LOG.debug("avahi: browsing {} as {}", type, path);
        }
        emit(presence.present());
    }

    /** {@code NameOwnerChanged(name, old, new)}: an empty new owner means avahi-daemon left. */
    private void ownerChanged(DBusSignal signal) {
        Object[] args = parameters(signal);
        if (args.length != 3 || !(args[2] instanceof String owner)) {
            return;
        }
        if (owner.isEmpty()) {
            emit(presence.absent("avahi-daemon left the system bus"));
            return;
        }
        try {
            createBrowsers();
        } catch (AvahiCalls.CallFailed e) {
            LOG.warn("avahi: avahi-daemon is back but browsing failed: {}", e.getMessage());
        }
    }

    private void browserSignal(DBusSignal signal) {
        String member = signal.getName();
        Object[] args = parameters(signal);
        if ("Failure".equals(member)) {
            LOG.warn("avahi: a browser failed: {}", args.length > 0 ? args[0] : "(no reason)");
            return;
        }
        if (!"ItemNew".equals(member) && !"ItemRemove".equals(member)) {
            return; // AllForNow, CacheExhausted: nothing to act on for a browser that runs for ever
        }
        Optional<AvahiWire.Item> parsed = AvahiWire.item(args).filter(i -> AvahiWire.browsed(i.type()));
        if (parsed.isEmpty()) {
            return;
        }
        AvahiWire.Item item = parsed.get();
        try {
            String name = interfaces.nameOf(item.interfaceIndex());
            if ("ItemRemove".equals(member)) {
                emit(Optional.of(new BrowseEvent.Withdrawn(item.key(name))));
                return;
            }
            Optional<AvahiWire.Resolved> r = calls.resolveService(item);
            if (r.isEmpty()) {
                LOG.warn("avahi: {} on {}: ResolveService answered in an unknown shape", item.name(), name);
                return;
            }
            TxtRecord.Decoded txt = TxtRecord.decode(r.get().txt());
            if (txt.dropped() > 0) {
                LOG.warn("avahi: {} on {}: {} TXT item(s) dropped (no key, or over the size bounds)",
                        item.name(), name, txt.dropped());
            }
            emit(Optional.of(new BrowseEvent.Announced(
                    new ServiceInstance(item.key(name), r.get().address(), r.get().port(), txt.pairs()))));
        } catch (AvahiCalls.CallFailed e) {
            // One announcement that cannot be resolved (gone meanwhile, a timeout) is not the browser's end.
            LOG.warn("avahi: {} ({}) on interface {}: {}", item.name(), member, item.interfaceIndex(), e.getMessage());
        }
    }

    private static Object[] parameters(DBusSignal signal) {
        try {
            return signal.getParameters();
        } catch (DBusException e) {
            LOG.warn("avahi: ignoring an unreadable {} signal: {}", signal.getName(), e.getMessage());
            return new Object[0];
        }
    }

    private void post(Runnable task) {
        try {
            worker.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("avahi: closed, dropping a late notice: {}", e.getMessage());
        }
    }

    private void emit(Optional<BrowseEvent> event) {
        synchronized (sinkLock) {
            if (sink != null) {
                event.ifPresent(sink);
            }
        }
    }

    private void reconnectLater() {
        try {
            worker.schedule(this::connect, reconnectDelay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("avahi: closed, not reconnecting: {}", e.getMessage());
        }
    }

    /** The system bus connection broke (the bus restarted): lost, and a new connection later. */
    private final class BusLoss implements IDisconnectCallback {
        /** The calls of the connection this belongs to; set on the worker once it is built. */
        private volatile AvahiCalls calls;

        @Override
        public void disconnectOnError(IOException e) {
            post(() -> {
                if (calls != null && calls == AvahiBrowser.this.calls) {
                    emit(presence.absent("the system bus connection broke: " + e.getMessage()));
                    reconnectLater();
                }
            });
        }
    }
}
