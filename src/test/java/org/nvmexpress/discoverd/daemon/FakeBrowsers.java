package org.nvmexpress.discoverd.daemon;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.nvmexpress.discoverd.config.Zeroconf;
import org.nvmexpress.discoverd.mdns.BrowseEvent;
import org.nvmexpress.discoverd.mdns.ServiceBrowser;
import org.nvmexpress.discoverd.mdns.ServiceBrowsers;

/**
 * The daemon's {@link ServiceBrowsers} in tests: each {@code open} of a mode other than {@code no}
 * gives a {@link Browser} named after the mode ({@code auto} finds nothing when {@link #autoFinds}
 * is off), and records what was opened; the test plays the network through {@link #current()}.
 */
final class FakeBrowsers implements ServiceBrowsers {
    final List<Browser> opened = new ArrayList<>();
    boolean autoFinds = true;

    @Override
    public synchronized Optional<ServiceBrowser> open(Zeroconf mode) {
        if (mode == Zeroconf.NO || (mode == Zeroconf.AUTO && !autoFinds)) {
            return Optional.empty();
        }
        Browser browser = new Browser(mode == Zeroconf.AUTO ? "avahi" : mode.configName());
        opened.add(browser);
        return Optional.of(browser);
    }

    /** The last browser opened. */
    synchronized Browser current() {
        return opened.get(opened.size() - 1);
    }

    /** One browser: started once, closed once; {@link #report} is what its backend would send. */
    static final class Browser implements ServiceBrowser {
        private final String backend;
        private Consumer<BrowseEvent> sink;
        boolean closed;

        Browser(String backend) {
            this.backend = backend;
        }

        @Override
        public String backend() {
            return backend;
        }

        @Override
        public void start(Consumer<BrowseEvent> value) {
            if (sink != null) {
                throw new IllegalStateException("started twice");
            }
            sink = value;
        }

        boolean started() {
            return sink != null;
        }

        void report(BrowseEvent event) {
            if (closed || sink == null) {
                throw new IllegalStateException("not browsing");
            }
            sink.accept(event);
        }

        /** An event its backend's thread had under way while the daemon closed it. */
        void reportLate(BrowseEvent event) {
            sink.accept(event);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
