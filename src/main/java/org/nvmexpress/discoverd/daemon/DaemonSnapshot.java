package org.nvmexpress.discoverd.daemon;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TransportId;

/**
 * The daemon as its status interface sees it at one moment (VARLINK.md's {@code Status} and
 * {@code Controller} types): immutable, published by the loop after changes, read by any thread.
 * Carries no secret: connect options are not part of it.
 *
 * @param status      the daemon as a whole
 * @param controllers every tracked controller, in the order they were first tracked
 */
public record DaemonSnapshot(Status status, List<Controller> controllers) {

    public DaemonSnapshot {
        Objects.requireNonNull(status, "status");
        controllers = List.copyOf(controllers);
    }

    /**
     * VARLINK.md {@code Status}.
     *
     * @param version        the daemon's version
     * @param startedUSec    CLOCK_REALTIME µs of the start
     * @param connector      {@code nvme-cli} or {@code builtin}, as chosen
     * @param states         how many controllers are in each of {@link Controller#state()}'s values
     * @param configFiles    the configuration files read (daemon, then fabrics, then drop-ins)
     * @param configErrors   problems found in them, as {@code file:line: message}
     * @param nbftTables     the boot tables read
     * @param lastReloadUSec CLOCK_REALTIME µs of the last reload's end, if any
     * @param browser        the DNS-SD browser's backend ({@code avahi}, {@code resolved}, …), {@code none}
     *                       when not browsing ({@code zeroconf = no}, or none found)
     * @param browsedServices how many service instances the browser reports now (ignored ones included)
     */
    public record Status(String version, long startedUSec, String connector, Map<String, Integer> states,
            List<String> configFiles, List<String> configErrors, List<String> nbftTables, OptionalLong lastReloadUSec,
            String browser, int browsedServices) {
        /** A status of a daemon that does not browse. */
        public Status(String version, long startedUSec, String connector, Map<String, Integer> states,
                List<String> configFiles, List<String> configErrors, List<String> nbftTables,
                OptionalLong lastReloadUSec) {
            this(version, startedUSec, connector, states, configFiles, configErrors, nbftTables, lastReloadUSec, "none",
                    0);
        }

        public Status {
            Objects.requireNonNull(browser, "browser");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(connector, "connector");
            states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
            configFiles = List.copyOf(configFiles);
            configErrors = List.copyOf(configErrors);
            nbftTables = List.copyOf(nbftTables);
            Objects.requireNonNull(lastReloadUSec, "lastReloadUSec");
        }

        public int controllers() {
            return states.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * VARLINK.md {@code Controller}.
     *
     * @param unit          {@code nvme-discoverd-<12 hex>.service}
     * @param tid           its TID
     * @param role          DC or IOC
     * @param sources       where the daemon learned it: {@code nbft}, {@code config}, {@code dlp},
     *                      {@code referral}, {@code fc}, {@code mdns} (each once, in the order first seen)
     * @param sourceDetails each source as the log names it ({@code FILE:LINE}, {@code dlp:UNIT:entry N}, …)
     * @param owner         the registry owner it connects with: {@code discoverd} or {@code nbft}
     * @param device        {@code nvmeN} while linked
     * @param state         one of {@code connecting, connected, backoff, parked, excluded, foreign, given_up}
     * @param attempts      consecutive failed attempts
     * @param nextRetryUSec CLOCK_REALTIME µs of the next attempt, when one is armed
     * @param lastError     the last problem logged for it
     * @param sinceUSec     CLOCK_REALTIME µs of the last state change
     */
    public record Controller(String unit, TransportId tid, Role role, List<String> sources, List<String> sourceDetails,
            String owner, Optional<String> device, String state, int attempts, OptionalLong nextRetryUSec,
            Optional<String> lastError, long sinceUSec) {
        public Controller {
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(tid, "tid");
            Objects.requireNonNull(role, "role");
            sources = List.copyOf(sources);
            sourceDetails = List.copyOf(sourceDetails);
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(nextRetryUSec, "nextRetryUSec");
            Objects.requireNonNull(lastError, "lastError");
        }
    }
}
