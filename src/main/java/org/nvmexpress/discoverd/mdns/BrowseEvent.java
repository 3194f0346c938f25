package org.nvmexpress.discoverd.mdns;

import java.util.Objects;

/** What a {@link ServiceBrowser} tells its sink, from its own thread. */
public sealed interface BrowseEvent {

    /** An instance appeared, or its resolution changed (a new address, port or TXT record). */
    record Announced(ServiceInstance instance) implements BrowseEvent {
        public Announced {
            Objects.requireNonNull(instance, "instance");
        }
    }

    /** An instance went: a goodbye packet, or its record expired. */
    record Withdrawn(ServiceInstance.Key key) implements BrowseEvent {
        public Withdrawn {
            Objects.requireNonNull(key, "key");
        }
    }

    /**
     * The browser's service went away (avahi-daemon or systemd-resolved stopped or restarted).
     * Nothing it reported is withdrawn by this: the instances it knew stay as they were until it is
     * back and says otherwise.
     */
    record BrowserLost(String reason) implements BrowseEvent {
        public BrowserLost {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The browser's service is back; it reports every instance it sees again, as {@link Announced}. */
    record BrowserBack() implements BrowseEvent {
    }
}
