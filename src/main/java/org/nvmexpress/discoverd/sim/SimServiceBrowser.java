package org.nvmexpress.discoverd.sim;

import java.util.Objects;
import java.util.function.Consumer;
import org.nvmexpress.discoverd.mdns.BrowseEvent;
import org.nvmexpress.discoverd.mdns.ServiceBrowser;

/**
 * The simulated host's DNS-SD browser: reports the fabric's announcements and browser restarts
 * ({@code announcements}, {@code browser-restarts} in fabric.json) as avahi-daemon's browser would,
 * from the host's scheduler. Started late, it reports what is live at that moment first.
 */
public final class SimServiceBrowser implements ServiceBrowser {
    private final SimMdns mdns;
    private final Object lock = new Object();
    private Consumer<BrowseEvent> sink;
    private boolean closed;

    SimServiceBrowser(SimMdns mdns) {
        this.mdns = mdns;
    }

    @Override
    public String backend() {
        return "simulated";
    }

    @Override
    public void start(Consumer<BrowseEvent> sink) {
        Objects.requireNonNull(sink, "sink");
        // Attached under this browser's lock so that a close racing the start cannot miss it; the
        // order is always this lock, then the host's (events are sent under the host's alone).
        synchronized (lock) {
            if (closed || this.sink != null) {
                throw new IllegalStateException(closed ? "the browser is closed" : "the browser is started already");
            }
            this.sink = sink;
            mdns.attach(sink);
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (sink != null) {
                // Detaching takes the host's lock, which every event is sent under: none comes after this.
                mdns.detach(sink);
            }
        }
    }
}
