package org.nvmexpress.discoverd.daemon;

import java.util.Objects;

/**
 * What the ownership registry says about one live controller: the input of the connect gate's
 * owner check (reference §1.9 steps 3-4). A read error is its own case, never "no owner": the gate
 * fails closed on it and tries again later.
 */
public sealed interface OwnerReading {

    /** The entry or its {@code owner} attribute is absent or empty. */
    record None() implements OwnerReading {
    }

    /** @param owner the recorded owner, e.g. {@code discoverd}, {@code nbft}, {@code stas} */
    record Owned(String owner) implements OwnerReading {
        public Owned {
            Objects.requireNonNull(owner, "owner");
            if (owner.isEmpty()) {
                throw new IllegalArgumentException("owner is empty");
            }
        }

        /** True for the owners this daemon acts for: {@code discoverd} and {@code nbft}. */
        public boolean isOurs() {
            return "discoverd".equals(owner) || "nbft".equals(owner);
        }
    }

    /** @param reason why the registry could not be read, for the log */
    record Unreadable(String reason) implements OwnerReading {
        public Unreadable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
