package org.nvmexpress.discoverd.kernel.fabrics;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The connect options this kernel understands, as it lists them when {@code /dev/nvme-fabrics} is
 * read before anything was written: {@code instance=-1,cntlid=-1} followed by every entry of its
 * option table, e.g. {@code ,transport=%s,...,ctrl_loss_tmo=%d,...,duplicate_connect,...}. Only the
 * names are kept. Older kernels, which do not list their table, answer such a read with EINVAL; their table is
 * {@link #unknown()}, which supports everything and leaves the judgement to the kernel's own parser.
 */
public final class KernelOptionTable {
    private static final Set<String> PLACEHOLDERS = Set.of("instance", "cntlid");

    private final Set<String> names;
    private final boolean known;

    private KernelOptionTable(Set<String> names, boolean known) {
        this.names = Set.copyOf(names);
        this.known = known;
    }

    /** A kernel that does not list its options: every option is let through. */
    public static KernelOptionTable unknown() {
        return new KernelOptionTable(Set.of(), false);
    }

    /**
     * Reads the probe line. Empty when the text is not an option table (it must list
     * {@code transport}): the caller then treats the table as unknown.
     */
    public static Optional<KernelOptionTable> parse(String probe) {
        Set<String> names = new LinkedHashSet<>();
        for (String token : probe.strip().split(",")) {
            int eq = token.indexOf('=');
            String name = (eq < 0 ? token : token.substring(0, eq)).strip();
            if (!name.isEmpty() && !PLACEHOLDERS.contains(name)) {
                names.add(name);
            }
        }
        return names.contains("transport") ? Optional.of(new KernelOptionTable(names, true)) : Optional.empty();
    }

    /** Whether the kernel listed its options. */
    public boolean isKnown() {
        return known;
    }

    /** The option names listed, e.g. {@code ctrl_loss_tmo}; empty when unknown. */
    public Set<String> names() {
        return names;
    }

    /** Whether the kernel accepts {@code token}; always true when the table is unknown. */
    public boolean supports(String token) {
        return !known || names.contains(token);
    }

    @Override
    public String toString() {
        return known ? "kernel options " + names : "kernel options unknown";
    }
}
