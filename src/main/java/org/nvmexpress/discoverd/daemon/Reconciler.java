package org.nvmexpress.discoverd.daemon;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.nvmexpress.discoverd.kernel.sysfs.IdentityMatch;
import org.nvmexpress.discoverd.kernel.sysfs.LiveController;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * The first reconciliation after a (re)start (reference §1.4 startup audit and §2.6
 * {@code connect_desired}, as one pure function): what to do with every desired controller, given
 * what the host looks like. The daemon carries the decisions out in the order returned;
 * {@code --dry-run} prints them. Every candidate gets exactly one decision, then every unusable
 * input one skip.
 *
 * <ol>
 * <li><b>Adoption from the runtime state</b> (Phase 1). A {@code controllers/<dev>/unit} that names
 *     a desired unit is believed only when it still describes the same connection: {@code dev} is
 *     live and the identity matcher says it realises the candidate, the unit's
 *     {@code units/<stem>.devid} (when there is one) names {@code dev} too, and the registry does
 *     not give {@code dev} to another orchestrator (or fail to say). Then the candidate is adopted
 *     without an exclusion check, as the C daemon does: the controller is connected by our own
 *     unit, and the lists govern new connections (the loop re-checks them on every retry). The C
 *     daemon believes the file blindly and adopts a recycled instance number under the wrong unit
 *     (§15 item 31); here a file that fails a check is not adopted, the reason becomes the
 *     decision's note, and the candidate goes through the connect gate like any other.</li>
 * <li><b>Every other candidate</b> in desired-set order through {@link ConnectGate}, the live
 *     controller found by the identity matcher (Phase 2, with §15 items 10 and 11 fixed).</li>
 * <li><b>Unusable input</b>: each of {@link DesiredSet#unusable()}, then each unresolved host name
 *     as {@link SkipReason#UNUSABLE} {@code FILE:LINE: host name X does not resolve yet: ERR}.</li>
 * </ol>
 *
 * <p>Units in {@code alreadyTracked} (the loop knows them already, e.g. on a re-plan) get no
 * decision at all.
 */
public final class Reconciler {

    private Reconciler() {
    }

    public static List<Decision> plan(DesiredSet desired, HostSnapshot host, Set<UnitName> alreadyTracked) {
        Objects.requireNonNull(desired, "desired");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(alreadyTracked, "alreadyTracked");
        List<Decision> decisions = new ArrayList<>(desired.size() + desired.unusable().size());
        Map<UnitName, String> notes = new HashMap<>();
        Set<UnitName> decided = adoptFromState(desired, host, alreadyTracked, decisions, notes);
        for (Candidate candidate : desired.inOrder()) {
            if (!alreadyTracked.contains(candidate.unit()) && !decided.contains(candidate.unit())) {
                decisions.add(ConnectGate.decide(candidate, host, Optional.ofNullable(notes.get(candidate.unit()))));
            }
        }
        decisions.addAll(desired.unusable());
        for (PendingName pending : desired.unresolved()) {
            decisions.add(new Decision.Skip(Optional.of(pending.connection().role()), Optional.empty(),
                    Optional.empty(), SkipReason.UNUSABLE, pending.describe(), Optional.empty()));
        }
        return decisions;
    }

    /**
     * Phase 1: adds the adoptions the runtime state allows to {@code decisions}, and for each
     * candidate it named in vain why, to {@code notes}.
     *
     * @return the units adopted
     */
    private static Set<UnitName> adoptFromState(DesiredSet desired, HostSnapshot host, Set<UnitName> alreadyTracked,
            List<Decision> decisions, Map<UnitName, String> notes) {
        Map<UnitName, List<DeviceName>> stateDevices = new HashMap<>();
        host.runtime().unitsByDevice().forEach((device, unit) ->
                stateDevices.computeIfAbsent(unit, u -> new ArrayList<>()).add(device));
        Set<UnitName> adopted = new HashSet<>();
        for (Candidate candidate : desired.inOrder()) {
            List<DeviceName> devices = stateDevices.get(candidate.unit());
            if (devices == null || alreadyTracked.contains(candidate.unit())) {
                continue;
            }
            devices.sort(null);
            List<String> refusals = new ArrayList<>();
            Optional<Decision.Adopt> adopt = Optional.empty();
            for (int i = 0; i < devices.size() && adopt.isEmpty(); i++) {
                adopt = adoptFromState(candidate, devices.get(i), host, refusals);
            }
            if (adopt.isPresent()) {
                decisions.add(adopt.get());
                adopted.add(candidate.unit());
            } else {
                notes.put(candidate.unit(), String.join("; ", refusals));
            }
        }
        return adopted;
    }

    /**
     * The adoption {@code controllers/<device>/unit} asks for, or empty with the reason added to
     * {@code refusals}.
     */
    private static Optional<Decision.Adopt> adoptFromState(Candidate candidate, DeviceName device, HostSnapshot host,
            List<String> refusals) {
        String stateFile = "controllers/" + device + "/unit";
        Optional<LiveController> live = host.liveDevice(device);
        if (live.isEmpty()) {
            refusals.add(stateFile + " names this unit, but " + device + " is gone");
            return Optional.empty();
        }
        IdentityMatch match = host.identity(candidate, live.get());
        if (!match.matches()) {
            refusals.add("recycled instance: " + stateFile + " names this unit, but " + device
                    + " is another connection (" + match.explain() + "); not adopted");
            return Optional.empty();
        }
        Optional<DeviceName> devid = host.runtime().devidOf(candidate.unit());
        if (devid.isPresent() && !devid.get().equals(device)) {
            refusals.add("recycled instance: " + stateFile + " names this unit, but units/"
                    + candidate.unit().devidFileName() + " names " + devid.get() + "; not adopted");
            return Optional.empty();
        }
        OwnerReading owner = host.ownerOf(device);
        Optional<String> ownerRefusal = ownerRefusal(device, owner, host, stateFile);
        if (ownerRefusal.isPresent()) {
            refusals.add(ownerRefusal.get());
            return Optional.empty();
        }
        return Optional.of(new Decision.Adopt(candidate, device, ConnectGate.ownerToRecord(candidate, owner),
                Optional.of("adopted from the runtime state (" + stateFile + ")")));
    }

    /** Why the registry forbids believing the state file, if it does. */
    private static Optional<String> ownerRefusal(DeviceName device, OwnerReading owner, HostSnapshot host,
            String stateFile) {
        if (owner instanceof OwnerReading.Unreadable) {
            return Optional.of("the registry owner of " + device + " is unreadable; not adopted from " + stateFile);
        }
        if (!(owner instanceof OwnerReading.Owned owned) || owned.isOurs()) {
            return Optional.empty();
        }
        Optional<Instant> entry = host.registryWritten(device);
        Optional<Instant> state = Optional.ofNullable(host.runtime().unitWritten().get(device));
        if (entry.isPresent() && state.isPresent() && entry.get().isAfter(state.get())) {
            return Optional.of("recycled instance: the registry entry of " + device + " (owner " + owned.owner()
                    + ") was written after " + stateFile + "; not adopted");
        }
        return Optional.of(device + " is owned by " + owned.owner() + "; not adopted from " + stateFile);
    }
}
