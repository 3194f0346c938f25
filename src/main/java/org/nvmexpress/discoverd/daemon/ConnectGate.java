package org.nvmexpress.discoverd.daemon;

import java.util.Objects;
import java.util.Optional;
import org.nvmexpress.discoverd.exclusion.MatchResult;
import org.nvmexpress.discoverd.kernel.sysfs.LiveController;
import org.nvmexpress.discoverd.systemd.UnitRequest;

/**
 * The connect gate (reference §1.9, {@code should_connect}): may the daemon connect, adopt, or
 * must it leave this candidate alone? Pure; no I/O. In order:
 *
 * <ol>
 * <li><b>Exclusion lists</b>: an entry that matches the candidate's TID skips it as
 *     {@link SkipReason#EXCLUDED}, {@code excluded by FILE:LINE: ENTRY}. Boot candidates are exempt,
 *     as {@code nvme connect-all --nbft} is: the firmware already connected them and the host may
 *     be running from them. (The C daemon applies the lists to NBFT controllers too; an exclusion
 *     entry that cuts the root file system's path is not a choice an administrator makes on
 *     purpose.)</li>
 * <li><b>The live controller</b> the identity matcher maps the candidate to, if any (never a
 *     canonical-string comparison, §15 items 10-11). Its registry owner decides: another
 *     orchestrator's, {@link SkipReason#FOREIGN_OWNER} {@code owned by OWNER (nvme4)} — handed off,
 *     so {@code nvme connect --idempotent --owner=discoverd} can never take it over (§15 item 11);
 *     the registry unreadable, {@link SkipReason#OWNER_UNREADABLE} (fail closed, the loop retries);
 *     ours ({@code discoverd} or {@code nbft}) or none, {@link Decision.Adopt}. With no owner the
 *     adoption records one: {@code nbft} for a boot candidate, {@code discoverd} otherwise.</li>
 * <li><b>Nothing live</b>: {@link Decision.Start}.</li>
 * </ol>
 */
public final class ConnectGate {

    private ConnectGate() {
    }

    /**
     * @param live       the controller that realises the candidate, as {@link HostSnapshot#liveFor}
     *                   finds it
     * @param owner      the registry owner of that controller (ignored when none is live)
     * @param exclusions the exclusion lists
     */
    public static Decision decide(Candidate candidate, Optional<LiveController> live, OwnerReading owner,
            ExclusionView exclusions) {
        return decide(candidate, live, owner, exclusions, Optional.empty());
    }

    /** {@link #decide(Candidate, Optional, OwnerReading, ExclusionView)} over a host snapshot. */
    public static Decision decide(Candidate candidate, HostSnapshot host) {
        return decide(candidate, host, Optional.empty());
    }

    /** The same, with a note for the decision (how the reconciliation got here). */
    static Decision decide(Candidate candidate, HostSnapshot host, Optional<String> note) {
        Optional<LiveController> live = host.liveFor(candidate);
        OwnerReading owner = live.map(c -> host.ownerOf(c.device())).orElse(new OwnerReading.None());
        return decide(candidate, live, owner, host.exclusions(), note);
    }

    private static Decision decide(Candidate candidate, Optional<LiveController> live, OwnerReading owner,
            ExclusionView exclusions, Optional<String> note) {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(live, "live");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(exclusions, "exclusions");
        if (!candidate.isBoot() && exclusions.match(candidate.tid()) instanceof MatchResult.Excluded excluded) {
            return Decision.Skip.of(candidate, SkipReason.EXCLUDED, "excluded by " + excluded.file() + ":"
                    + excluded.line() + ": " + excluded.entry(), note);
        }
        if (live.isEmpty()) {
            return new Decision.Start(candidate, note);
        }
        String device = live.get().device().value();
        if (owner instanceof OwnerReading.Owned owned && !owned.isOurs()) {
            return Decision.Skip.of(candidate, SkipReason.FOREIGN_OWNER, "owned by " + owned.owner() + " ("
                    + device + ")", note);
        }
        if (owner instanceof OwnerReading.Unreadable unreadable) {
            return Decision.Skip.of(candidate, SkipReason.OWNER_UNREADABLE, "registry owner of " + device
                    + " unreadable: " + unreadable.reason(), note);
        }
        return new Decision.Adopt(candidate, live.get().device(), ownerToRecord(candidate, owner), note);
    }

    /**
     * The registry owner an adoption records: none when the controller has one; else {@code nbft}
     * for a boot candidate, {@code discoverd} otherwise.
     */
    static Optional<String> ownerToRecord(Candidate candidate, OwnerReading owner) {
        return owner instanceof OwnerReading.None
                ? Optional.of(candidate.isBoot() ? UnitRequest.OWNER_NBFT : UnitRequest.OWNER_DISCOVERD)
                : Optional.empty();
    }
}
