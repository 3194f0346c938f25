package org.nvmexpress.discoverd.daemon;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.nvmexpress.discoverd.config.ConnectOptions;
import org.nvmexpress.discoverd.config.DaemonConfig;
import org.nvmexpress.discoverd.kernel.fc.FcKickstart;
import org.nvmexpress.discoverd.kernel.uevent.KernelEvent;
import org.nvmexpress.discoverd.systemd.UnitRequest;
import org.nvmexpress.discoverd.tid.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fibre Channel (reference §6, §15 items 20-21): the FC transport is asked to announce its discovery
 * controllers (the kickstart) at start-up, whenever an FC controller of ours loses its connection,
 * and every {@code fc-kickstart-interval-minutes} (0 = off; a reload that changes it takes effect at
 * once, where the C daemon spins on 0 and ignores 0 → N). Each announcement is a discovery
 * controller desired from then on ({@link Discovery#announced}). An FC controller that drops is also
 * recovered through its DC: the page of every connected FC DC is read again, so what it lists comes
 * back even while the DC itself stayed up.
 *
 * <p>At most one kickstart is written at a time (a sysfs write, on a worker), and one more held.
 *
 * <p>Loop-confined.
 */
final class FcDiscovery {
    private static final Logger LOG = LoggerFactory.getLogger(FcDiscovery.class);

    private final EventLoop loop;
    private final Workers workers;
    private final FcKickstart kickstart;
    private final Discovery discovery;
    private Optional<Duration> interval = Optional.empty();
    private TimerQueue.Timer periodic;
    private boolean inFlight;
    private String held;
    private boolean noFcSaid;

    FcDiscovery(EventLoop loop, Workers workers, FcKickstart kickstart, Discovery discovery) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.workers = Objects.requireNonNull(workers, "workers");
        this.kickstart = Objects.requireNonNull(kickstart, "kickstart");
        this.discovery = Objects.requireNonNull(discovery, "discovery");
        discovery.onFcControllerLost(this::controllerLost);
    }

    /** The start-up kickstart, and the period of {@code config}. */
    void start(DaemonConfig config) {
        assert loop.inLoop();
        reconfigure(config);
        kickstart("at start-up");
    }

    /** A pass read {@code config}: a changed period applies from now. */
    void reconfigure(DaemonConfig config) {
        assert loop.inLoop();
        Optional<Duration> next = config.fcKickstartInterval();
        if (!next.equals(interval)) {
            interval = next;
            if (periodic != null) {
                periodic.cancel();
                periodic = null;
            }
            arm();
        }
    }

    /** The periodic kickstart is due. */
    void due() {
        assert loop.inLoop();
        periodic = null;
        kickstart("every " + interval.map(Duration::toMinutes).orElse(0L) + " min");
        arm();
    }

    private void arm() {
        interval.ifPresent(every -> periodic = loop.schedule(every, new Due.Kickstart()));
    }

    /** An FC controller of ours lost its connection: ask for the DCs again, and read the connected ones. */
    private void controllerLost() {
        kickstart("an FC controller lost its connection");
        List<TrackedController> dcs = discovery.connectedFcDcs();
        dcs.forEach(discovery.fetches::changed);
    }

    /** The FC transport announced a discovery controller. */
    void announced(KernelEvent.FcDiscovery event) {
        assert loop.inLoop();
        UnitRequest request = new UnitRequest(event.tid(), Role.DC, false,
                ConnectOptions.of(event.tid(), null, discovery.fabrics().topDcParams()));
        LOG.debug("{} - announced by the FC transport", event.tid().compact());
        discovery.announced(new Candidate(request, List.of(new Source.FcAnnounced(event.tid().hostTraddr()))));
    }

    private void kickstart(String why) {
        if (inFlight) {
            held = why;
            return;
        }
        inFlight = true;
        workers.submit("FC kickstart", kickstart::kickstart, outcome -> new WorkDone.Kickstarted(why, outcome));
    }

    void kickstarted(WorkDone.Kickstarted result) {
        assert loop.inLoop();
        inFlight = false;
        if (result.outcome() instanceof Outcome.Failure<FcKickstart.Outcome> failure) {
            LOG.error("FC kickstart ({}) failed: {}", result.why(), failure.reason());
        } else if (((Outcome.Success<FcKickstart.Outcome>) result.outcome()).value() == FcKickstart.Outcome.NO_FC) {
            if (!noFcSaid) {
                noFcSaid = true;
                LOG.debug("FC kickstart ({}): this host has no FC transport", result.why());
            }
        } else {
            LOG.debug("FC kickstart ({}) requested", result.why());
        }
        if (held != null) {
            String why = held;
            held = null;
            kickstart(why);
        }
    }
}
