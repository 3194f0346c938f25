package org.nvmexpress.discoverd.daemon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.nvmexpress.discoverd.dlp.DiscoveryLogDecoder;
import org.nvmexpress.discoverd.dlp.DiscoveryLogSource;
import org.nvmexpress.discoverd.dlp.DlpDecodeException;
import org.nvmexpress.discoverd.sim.fabric.DlpWriter;
import org.nvmexpress.discoverd.dlp.FetchResult;
import org.nvmexpress.discoverd.kernel.fc.FcKickstart;

/**
 * The fabric as the daemon's ports see it in tests: the log page each discovery controller device
 * answers with ({@link #page}, {@link #fails}), and the FC kickstarts requested. Fetches run on the
 * test's worker thread; every one is counted, with the most ever under way at once.
 */
final class ScriptedFabric implements DiscoveryLogSource, FcKickstart {
    private final Map<String, FetchResult> answers = new HashMap<>();
    private final List<String> fetches = new ArrayList<>();
    private final AtomicInteger kickstarts = new AtomicInteger();
    private FcKickstart.Outcome kickstartOutcome = FcKickstart.Outcome.NO_FC;

    /** From now on {@code device} answers with a page of {@code entries} at generation {@code genctr}. */
    synchronized ScriptedFabric page(String device, long genctr, DlpWriter.Entry... entries) {
        DlpWriter writer = new DlpWriter().genctr(genctr);
        for (DlpWriter.Entry e : entries) {
            writer.entry(e);
        }
        byte[] raw = writer.build();
        try {
            answers.put(device, new FetchResult.Fetched(DiscoveryLogDecoder.decode(raw), raw));
        } catch (DlpDecodeException e) {
            throw new AssertionError("the writer made a page that does not decode", e);
        }
        return this;
    }

    /** From now on a fetch from {@code device} fails. */
    synchronized ScriptedFabric fails(String device, String why) {
        answers.put(device, new FetchResult.DeviceUnavailable(device, why));
        return this;
    }

    synchronized ScriptedFabric kickstartAnswers(FcKickstart.Outcome outcome) {
        kickstartOutcome = outcome;
        return this;
    }

    @Override
    public synchronized FetchResult fetch(String device) {
        fetches.add(device);
        return answers.getOrDefault(device, new FetchResult.DeviceUnavailable(device, "no such device in this fabric"));
    }

    @Override
    public FcKickstart.Outcome kickstart() {
        kickstarts.incrementAndGet();
        return kickstartOutcome;
    }

    /** The devices fetched from, in order. */
    synchronized List<String> fetches() {
        return List.copyOf(fetches);
    }

    synchronized long fetchesOf(String device) {
        return fetches.stream().filter(device::equals).count();
    }

    int kickstarts() {
        return kickstarts.get();
    }
}
