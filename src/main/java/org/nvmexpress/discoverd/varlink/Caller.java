package org.nvmexpress.discoverd.varlink;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * The client a call comes from, as authorization sees it (VARLINK.md "Authorization").
 *
 * @param uid the peer's uid from {@code SO_PEERCRED}, empty when unknown
 */
public record Caller(OptionalInt uid) {
    public Caller {
        Objects.requireNonNull(uid, "uid");
    }

    /** Whether the caller may change anything: uid 0, and only a known uid 0. */
    public boolean isRoot() {
        return uid.isPresent() && uid.getAsInt() == 0;
    }

    /** For log lines: {@code uid 1000}, or {@code uid ?}. */
    public String describe() {
        return uid.isPresent() ? "uid " + uid.getAsInt() : "uid ?";
    }
}
