package org.nvmexpress.discoverd.varlink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.nvmexpress.discoverd.mdns.BackendPresence;
import org.nvmexpress.discoverd.mdns.BrowseEvent;
import org.nvmexpress.discoverd.mdns.InterfaceNames;
import org.nvmexpress.discoverd.mdns.ServiceBrowser;
import org.nvmexpress.discoverd.mdns.ServiceInstance;
import org.nvmexpress.discoverd.mdns.TxtRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ServiceBrowser} over systemd-resolved's varlink socket (systemd ≥ 258), as upstream's C
 * daemon browses: one {@code io.systemd.Resolve.BrowseServices} call with {@code more} per service
 * type, each {@code added} update resolved with {@code ResolveService} on a connection of its own,
 * each {@code removed} a withdrawal. A stream that ends or fails (resolved stopped or restarted)
 * is a {@link BrowseEvent.BrowserLost}; it is called again every {@code retryDelay}, and the first
 * stream that answers again is the {@link BrowseEvent.BrowserBack} (resolved then reports what its
 * cache holds as {@code added}).
 *
 * <p><b>Threading:</b> one thread per service type reads its stream, resolves and feeds the sink;
 * the resolving connection is shared under a lock.
 */
public final class ResolvedBrowser implements ServiceBrowser {
    private static final Logger LOG = LoggerFactory.getLogger(ResolvedBrowser.class);
    /** systemd-resolved's varlink socket. */
    public static final Path SOCKET = Path.of("/run/systemd/resolve/io.systemd.Resolve");
    public static final Duration RETRY_DELAY = Duration.ofSeconds(5);

    private final Path socket;
    private final Duration retryDelay;
    private final BackendPresence presence = new BackendPresence();
    private final InterfaceNames<SocketException> interfaces = new InterfaceNames<>(ResolvedBrowser::localInterfaceName);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Object lock = new Object();
    /** Held for a whole ResolveService call: the resolving connection makes one at a time. */
    private final Object resolving = new Object();
    /** Guarded by {@code lock}: null before start and after close. */
    private Consumer<BrowseEvent> sink;
    /** Guarded by {@code lock}: every connection open now, closed by {@link #close()}. */
    private final List<VarlinkClient> open = new ArrayList<>();
    /** Guarded by {@code lock}: the resolving connection, opened when first needed. */
    private VarlinkClient resolver;
    private final List<Thread> threads = new ArrayList<>();

    public ResolvedBrowser(Path socket, Duration retryDelay) {
        this.socket = Objects.requireNonNull(socket, "socket");
        this.retryDelay = Objects.requireNonNull(retryDelay, "retryDelay");
    }

    /**
     * Whether the resolved at {@code socket} answers and its {@code io.systemd.Resolve} interface
     * lists {@code BrowseServices} (systemd 258 and later), for {@code zeroconf = auto}. Blocks for
     * one call; a resolved that does not answer at all would block it, as any varlink client.
     */
    public static boolean offeredAt(Path socket) {
        try (VarlinkClient client = VarlinkClient.connect(socket)) {
            JsonNode reply = client.call("org.varlink.service.GetInterfaceDescription",
                    JsonNodeFactory.instance.objectNode().put("interface", "io.systemd.Resolve"));
            return ResolvedWire.describesBrowsing(reply.path("description").asText(""));
        } catch (IOException | VarlinkError e) {
            LOG.info("resolved: {} cannot be asked for its interface: {}", socket, e.getMessage());
            return false;
        }
    }

    @Override
    public String backend() {
        return "resolved";
    }

    @Override
    public void start(Consumer<BrowseEvent> events) {
        synchronized (lock) {
            if (sink != null || closed.getCount() == 0) {
                throw new IllegalStateException("resolved browser already started");
            }
            sink = Objects.requireNonNull(events, "events");
            for (String type : List.of(ServiceInstance.TYPE_TCP, ServiceInstance.TYPE_UDP)) {
                Thread t = new Thread(() -> browse(type), "resolved-browse-" + type);
                t.setDaemon(true);
                threads.add(t);
            }
        }
        threads.forEach(Thread::start);
    }

    @Override
    public void close() {
        List<VarlinkClient> toClose;
        synchronized (lock) {
            sink = null;
            closed.countDown();
            toClose = new ArrayList<>(open);
            open.clear();
            resolver = null;
        }
        for (VarlinkClient c : toClose) {
            try {
                c.close(); // ends the blocked read of its stream
            } catch (IOException e) {
                LOG.debug("resolved: closing a connection: {}", e.getMessage());
            }
        }
    }

    /** One type's stream, again after every end until {@link #close()}. */
    private void browse(String type) {
        while (closed.getCount() > 0) {
            String reason;
            try (VarlinkClient client = VarlinkClient.connect(socket)) {
                register(client);
                // resolved answers a browse only when it has something to report, so the socket
                // answering is what says it is there.
                emit(presence.present());
                client.callMore(ResolvedWire.BROWSE, ResolvedWire.browseParameters(type),
                        reply -> ResolvedWire.updates(reply).stream().filter(u -> type.equals(u.type()))
                                .forEach(this::update));
                reason = "systemd-resolved ended the browse of " + type;
            } catch (IOException e) {
                reason = "systemd-resolved at " + socket + ": " + e.getMessage();
            } catch (VarlinkError e) {
                if (ResolvedWire.lacksBrowsing(e.error())) {
                    // An older resolved: asking again every few seconds would not change that.
                    LOG.error("resolved: {} offers no BrowseServices (it needs systemd 258 or later): {}", socket,
                            e.error());
                    emit(presence.absent("systemd-resolved offers no BrowseServices"));
                    return;
                }
                reason = "systemd-resolved refused to browse " + type + ": " + e.getMessage();
            }
            if (closed.getCount() == 0) {
                return;
            }
            emit(presence.absent(reason));
            resetResolver();
            try {
                if (closed.await(retryDelay.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void update(ResolvedWire.Update u) {
        String ifname = interfaceName(u.ifindex());
        ServiceInstance.Key key = new ServiceInstance.Key(u.name(), u.type(), u.domain(), ifname, u.ipv6());
        if (!u.added()) {
            emit(Optional.of(new BrowseEvent.Withdrawn(key)));
            return;
        }
        Optional<ResolvedWire.Resolution> r;
        try {
            r = ResolvedWire.resolution(resolve(u), u.family());
        } catch (IOException | VarlinkError e) {
            // One instance that does not resolve (gone meanwhile, a timeout) is not the browse's end.
            LOG.warn("resolved: {} on {}: ResolveService failed: {}", u.name(), ifname, e.getMessage());
            resetResolver();
            return;
        }
        if (r.isEmpty()) {
            LOG.warn("resolved: {} on {}: ResolveService gave no address of its family", u.name(), ifname);
            return;
        }
        TxtRecord.Decoded txt = TxtRecord.decode(r.get().txt());
        if (txt.dropped() > 0) {
            LOG.warn("resolved: {} on {}: {} TXT item(s) dropped (no key, or over the size bounds)", u.name(),
                    ifname, txt.dropped());
        }
        emit(Optional.of(new BrowseEvent.Announced(
                new ServiceInstance(key, r.get().address(), r.get().port(), txt.pairs()))));
    }

    /** Not under {@code lock}: a hung call must not keep {@link #close()} from closing its connection. */
    private JsonNode resolve(ResolvedWire.Update u) throws IOException, VarlinkError {
        synchronized (resolving) {
            VarlinkClient client;
            synchronized (lock) {
                client = resolver;
            }
            if (client == null) {
                client = VarlinkClient.connect(socket);
                register(client);
                synchronized (lock) {
                    resolver = client;
                }
            }
            return client.call(ResolvedWire.RESOLVE, ResolvedWire.resolveParameters(u));
        }
    }

    private String interfaceName(int index) {
        try {
            return interfaces.nameOf(index);
        } catch (SocketException e) {
            LOG.warn("resolved: cannot name interface {}: {}", index, e.getMessage());
            return "if" + index;
        }
    }

    private void resetResolver() {
        VarlinkClient old;
        synchronized (lock) {
            old = resolver;
            resolver = null;
            open.remove(old);
        }
        if (old != null) {
            try {
                old.close();
            } catch (IOException e) {
                LOG.debug("resolved: closing the resolving connection: {}", e.getMessage());
            }
        }
    }

    private void register(VarlinkClient client) throws IOException {
        synchronized (lock) {
            if (sink == null) {
                throw new IOException("closed");
            }
            open.add(client);
        }
    }

    private void emit(Optional<BrowseEvent> event) {
        synchronized (lock) {
            if (sink != null) {
                event.ifPresent(sink);
            }
        }
    }

    /** resolved runs in our network namespace, so the kernel's name of the index is its own. */
    private static Optional<String> localInterfaceName(int index) throws SocketException {
        return Optional.ofNullable(NetworkInterface.getByIndex(index)).map(NetworkInterface::getName);
    }
}
