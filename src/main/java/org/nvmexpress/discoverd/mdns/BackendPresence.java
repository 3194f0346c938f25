package org.nvmexpress.discoverd.mdns;

import java.util.Optional;

/**
 * Whether a browser's backend is there, as its adapter last saw it, and which event a change
 * makes: {@link BrowseEvent.BrowserLost} once per absence however many ways it is noticed (a
 * failed call, the name's owner leaving, the stream closing), {@link BrowseEvent.BrowserBack} only
 * after a loss. A browser starts as "not seen yet", so a backend absent at start is a loss and its
 * arrival a return, and one present at start is neither. Thread-safe.
 */
public final class BackendPresence {
    private enum State { UNSEEN, PRESENT, ABSENT }

    /** Guarded by {@code this}. */
    private State state = State.UNSEEN;

    /** The backend answered: {@link BrowseEvent.BrowserBack} when it had been lost. */
    public synchronized Optional<BrowseEvent> present() {
        State was = state;
        state = State.PRESENT;
        return was == State.ABSENT ? Optional.of(new BrowseEvent.BrowserBack()) : Optional.empty();
    }

    /** The backend is gone, or never was: {@link BrowseEvent.BrowserLost} unless already said. */
    public synchronized Optional<BrowseEvent> absent(String reason) {
        State was = state;
        state = State.ABSENT;
        return was == State.ABSENT ? Optional.empty() : Optional.of(new BrowseEvent.BrowserLost(reason));
    }
}
