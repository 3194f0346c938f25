package org.nvmexpress.discoverd.daemon;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.nvmexpress.discoverd.ini.Diagnostic;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.tid.Role;

/**
 * Builds a {@link DaemonSnapshot} from the loop's state, in one walk over the tracked controllers
 * (O(controllers)); only immutable values go into it, and never a connect option, so no secret. The
 * loop's states map onto VARLINK.md's: a starting or waiting controller is {@code connecting}, a
 * retrying or refused one {@code backoff} (the refusal as its {@code lastError}).
 *
 * <p>Stateless; called on the loop.
 */
final class Snapshots {
    /** VARLINK.md's {@code Controller.state} values, in the order {@code Status.states} lists them. */
    static final List<String> STATES = List.of("connecting", "connected", "backoff", "parked", "excluded", "foreign",
            "given_up");

    private Snapshots() {
    }

    /**
     * What the status shows besides the controllers.
     *
     * @param inputs         the inputs of the last pass carried out; empty before the first
     * @param lastReloadUSec CLOCK_REALTIME µs of the last reload's end
     */
    record Facts(DaemonInfo info, long startedUSec, Optional<DaemonInputs> inputs, OptionalLong lastReloadUSec,
            MdnsDiscovery.Browsing browsing) {
        Facts {
            Objects.requireNonNull(browsing, "browsing");
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(inputs, "inputs");
            Objects.requireNonNull(lastReloadUSec, "lastReloadUSec");
        }
    }

    static DaemonSnapshot build(Collection<TrackedController> tracked, Facts facts, WallTime.Converter time) {
        Map<String, Integer> states = new LinkedHashMap<>();
        STATES.forEach(s -> states.put(s, 0));
        List<DaemonSnapshot.Controller> controllers = new ArrayList<>(tracked.size());
        for (TrackedController c : tracked) {
            DaemonSnapshot.Controller controller = controllerOf(c, time);
            states.merge(controller.state(), 1, Integer::sum);
            controllers.add(controller);
        }
        return new DaemonSnapshot(statusOf(facts, states), controllers);
    }

    private static DaemonSnapshot.Status statusOf(Facts facts, Map<String, Integer> states) {
        List<String> files = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        facts.inputs().ifPresent(inputs -> {
            inputs.read().daemonFile().ifPresent(files::add);
            files.addAll(inputs.fabrics().files());
            inputs.read().daemonDiagnostics().stream().filter(Diagnostic::isError)
                    .map(Diagnostic::withoutSeverity).forEach(errors::add);
            inputs.fabrics().errors().stream().map(Diagnostic::withoutSeverity).forEach(errors::add);
            tables.addAll(inputs.read().nbftTables());
        });
        return new DaemonSnapshot.Status(facts.info().version(), facts.startedUSec(), facts.info().connector(), states,
                files, errors, tables, facts.lastReloadUSec(), facts.browsing().backend(), facts.browsing().services());
    }

    static DaemonSnapshot.Controller controllerOf(TrackedController c, WallTime.Converter time) {
        Candidate candidate = c.candidate();
        Set<String> kinds = new LinkedHashSet<>();
        List<String> details = new ArrayList<>(candidate.sources().size());
        for (Source source : candidate.sources()) {
            kinds.add(kindOf(source, candidate.role()));
            details.add(source.describe());
        }
        OptionalLong next = c.nextAttempt == null ? OptionalLong.empty()
                : OptionalLong.of(time.micros(c.nextAttempt.deadlineNanos()));
        Optional<String> lastError = c.lastReported.isEmpty() ? Optional.empty() : Optional.of(c.lastReported);
        return new DaemonSnapshot.Controller(c.unit().value(), candidate.tid(), candidate.role(), List.copyOf(kinds),
                details, candidate.request().owner(), c.device().map(DeviceName::value), stateOf(c.state()),
                c.failures, next, lastError, time.micros(c.sinceNanos));
    }

    /** VARLINK.md's name of where a controller was learned; a listed DC is a referral. */
    static String kindOf(Source source, Role role) {
        if (source instanceof Source.Configured) {
            return "config";
        }
        if (source instanceof Source.Boot) {
            return "nbft";
        }
        if (source instanceof Source.Listed) {
            return role == Role.DC ? "referral" : "dlp";
        }
        return source instanceof Source.Announced ? "mdns" : "fc";
    }

    /** VARLINK.md's {@code Controller.state} of a loop state. */
    static String stateOf(ControllerState state) {
        return switch (state) {
            case STARTING, WAITING -> "connecting";
            case CONNECTED -> "connected";
            case RETRYING, REFUSED -> "backoff";
            case PARKED -> "parked";
            case EXCLUDED -> "excluded";
            case FOREIGN_OWNED -> "foreign";
            case GIVEN_UP -> "given_up";
            // Never tracked: an unresolved host name has no TID, hence no unit (the status line counts it).
            case UNRESOLVED -> throw new IllegalStateException("an unresolved connection is not tracked");
        };
    }
}
