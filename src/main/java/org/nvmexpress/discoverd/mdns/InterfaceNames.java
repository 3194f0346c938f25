package org.nvmexpress.discoverd.mdns;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Interface index → name, asked of the backend once per index: every announcement carries an
 * index, and asking avahi-daemon each time would double the D-Bus calls per event. An index the
 * backend cannot name is reported as {@code if<N>} and not cached, so a later ask may name it.
 * {@link #clear()} when the backend restarts (interfaces may have come and gone meanwhile).
 * Thread-safe.
 */
public final class InterfaceNames<E extends Exception> {
    /** The backend's own answer; empty when it does not know the index. */
    @FunctionalInterface
    public interface Lookup<E extends Exception> {
        Optional<String> nameOf(int index) throws E;
    }

    private final Lookup<E> lookup;
    /** Guarded by {@code this}. */
    private final Map<Integer, String> names = new HashMap<>();

    public InterfaceNames(Lookup<E> lookup) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    /** The name of {@code index}, or {@code if<index>} when the backend cannot tell. */
    public String nameOf(int index) throws E {
        synchronized (this) {
            String known = names.get(index);
            if (known != null) {
                return known;
            }
        }
        Optional<String> name = lookup.nameOf(index).filter(n -> !n.isEmpty());
        if (name.isEmpty()) {
            return "if" + index;
        }
        synchronized (this) {
            names.put(index, name.get());
        }
        return name.get();
    }

    public synchronized void clear() {
        names.clear();
    }
}
