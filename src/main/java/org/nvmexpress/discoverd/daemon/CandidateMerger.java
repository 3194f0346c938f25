package org.nvmexpress.discoverd.daemon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nvmexpress.discoverd.config.ConnectOptions;
import org.nvmexpress.discoverd.config.FabricsConfig;
import org.nvmexpress.discoverd.config.Params;
import org.nvmexpress.discoverd.config.ResolvedConnection;
import org.nvmexpress.discoverd.nbft.BootController;
import org.nvmexpress.discoverd.systemd.UnitRequest;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TidField;
import org.nvmexpress.discoverd.tid.TransportId;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * Collects the sources of each unit in the order they are offered and makes one {@link Candidate}
 * of each, with the connect options {@link DesiredSetBuilder} documents. Single use, one thread.
 */
final class CandidateMerger {
    private static final String HOSTID_OPTION = "--hostid=";

    private final FabricsConfig fabrics;
    private final List<Decision.Skip> unusable;
    /** Insertion order is action order; keyed by unit, so a repeated controller is found at once. */
    private final Map<UnitName, Entry> entries = new LinkedHashMap<>();

    CandidateMerger(FabricsConfig fabrics, List<Decision.Skip> unusable) {
        this.fabrics = fabrics;
        this.unusable = unusable;
    }

    void addBoot(BootController controller) {
        Entry entry = entry(controller.tid(), controller.role(), DesiredSetBuilder.bootSource(controller.source()));
        if (entry != null && entry.boot == null) {
            entry.boot = controller;
        }
    }

    void addConfigured(ResolvedConnection connection, TransportId tid) {
        Entry entry = entry(tid, connection.role(), new Source.Configured(connection.file(), connection.line()));
        if (entry != null && entry.configured == null) {
            entry.configured = connection;
        }
    }

    List<Candidate> candidates() {
        List<Candidate> out = new ArrayList<>(entries.size());
        for (Entry e : entries.values()) {
            out.add(new Candidate(request(e), e.sources));
        }
        return out;
    }

    /** The entry that {@code source} joins, or {@code null} when it names the unit in another role. */
    private Entry entry(TransportId tid, Role role, Source source) {
        Entry entry = entries.computeIfAbsent(tid.unitName(), u -> new Entry(tid, role));
        if (entry.role != role) {
            unusable.add(new Decision.Skip(Optional.of(role), Optional.of(tid), Optional.empty(), SkipReason.UNUSABLE,
                    source.describe() + ": names unit " + tid.unitName() + " as " + article(role) + ", but "
                            + entry.sources.get(0).describe() + " names it as " + article(entry.role)
                            + "; left out", Optional.empty()));
            return null;
        }
        entry.sources.add(source);
        return entry;
    }

    private UnitRequest request(Entry e) {
        ResolvedConnection configured = e.configured;
        BootController boot = e.boot;
        if (boot == null) {
            return new UnitRequest(e.tid, e.role, false,
                    ConnectOptions.of(e.tid, configured.hostid(), configured.params()));
        }
        if (configured == null) {
            Params params = fabrics.resolveDiscovered(null, e.role).orElse(Params.EMPTY);
            return new UnitRequest(e.tid, e.role, true,
                    withHostOptions(ConnectOptions.of(e.tid, null, params), e.tid, boot.connectOptions()));
        }
        String hostid = configured.hostid() != null ? configured.hostid() : boot.hostid().orElse(null);
        List<String> hostOptions = boot.connectOptions().stream().filter(o -> !o.startsWith(HOSTID_OPTION)).toList();
        return new UnitRequest(e.tid, e.role, true,
                withHostOptions(ConnectOptions.of(e.tid, hostid, configured.params()), e.tid, hostOptions));
    }

    /** {@code base} with {@code hostOptions} right after the TID's own options. */
    private static ConnectOptions withHostOptions(ConnectOptions base, TransportId tid, List<String> hostOptions) {
        int tidOptions = 0;
        for (TidField field : TidField.values()) {
            if (field.get(tid) != null) {
                tidOptions++;
            }
        }
        List<String> arguments = new ArrayList<>(base.arguments());
        arguments.addAll(tidOptions, hostOptions);
        return new ConnectOptions(arguments, base.secrets());
    }

    private static String article(Role role) {
        return role == Role.DC ? "a DC" : "an IOC";
    }

    /** The sources of one unit so far; the first boot controller and configured connection among them. */
    private static final class Entry {
        private final TransportId tid;
        private final Role role;
        private final List<Source> sources = new ArrayList<>();
        private BootController boot;
        private ResolvedConnection configured;

        Entry(TransportId tid, Role role) {
            this.tid = tid;
            this.role = role;
        }
    }
}
