package org.nvmexpress.discoverd.daemon;

import java.util.Objects;
import java.util.Optional;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * One desired controller as the loop follows it. Loop-confined and mutable: only
 * {@link ControllerTracker} (state, device) and the loop's handlers (the rest), which assert they
 * run on the loop, change it.
 */
final class TrackedController {
    /** What is under way for it; at most one thing at a time, so requests never overlap. */
    enum Pending {
        /** Nothing: the controller is settled, or waits for its timer. */
        NONE,
        /** The gate's inputs are being read off the loop. */
        CHECK,
        /** A start or restart was handed to the unit manager; its job has not ended. */
        REQUEST
    }

    private Candidate candidate;
    private ControllerState state;
    private DeviceName device;
    /** Consecutive failed attempts (drives the backoff); reset once a connection was stable. */
    int failures;
    /** The armed next attempt, or {@code null}; at most one. */
    TimerQueue.Timer nextAttempt;
    Pending pending = Pending.NONE;
    /** Numbers each gate check, so a result that arrives after the controller moved on is ignored. */
    long checkSeq;
    /** True from its first failed attempt until it is connected again. */
    boolean failing;
    /** Loop clock of the first failed attempt since it was last connected; meaningful while {@link #failing}. */
    long failingSinceNanos;
    /** Loop clock when the unit's job last ended well; meaningful while connected. */
    long connectedAtNanos;
    /**
     * Its device went away while a request was outstanding: when the request then ends well, the
     * controller is not connected after all and needs another attempt.
     */
    boolean lostDuringRequest;
    /** Whether the unit may exist in systemd already (then restart, which starts it when it does not). */
    boolean unitMayExist;
    /** The last problem logged for it, so that a repeat of the same problem is not logged again. */
    String lastReported = "";
    /** Loop clock of its last change of state (or of its tracking); the status interface shows it. */
    long sinceNanos;

    TrackedController(Candidate candidate, ControllerState state) {
        this.candidate = Objects.requireNonNull(candidate, "candidate");
        this.state = Objects.requireNonNull(state, "state");
    }

    Candidate candidate() {
        return candidate;
    }

    UnitName unit() {
        return candidate.unit();
    }

    ControllerState state() {
        return state;
    }

    Optional<DeviceName> device() {
        return Optional.ofNullable(device);
    }

    /** For the tracker only, which keeps its indexes and counts in step. */
    void setState(ControllerState value) {
        state = Objects.requireNonNull(value, "value");
    }

    void setDevice(DeviceName value) {
        device = value;
    }

    /** A reload's newer view of the same unit (other sources or parameters); the unit name is the same. */
    void replaceCandidate(Candidate value) {
        if (!value.unit().equals(candidate.unit())) {
            throw new IllegalArgumentException("a controller keeps its unit: " + candidate.unit() + " vs " + value.unit());
        }
        candidate = value;
    }

    void cancelNextAttempt() {
        if (nextAttempt != null) {
            nextAttempt.cancel();
            nextAttempt = null;
        }
    }

    @Override
    public String toString() {
        return candidate.tid().compact() + " " + state.label() + (device != null ? " as " + device : "");
    }
}
