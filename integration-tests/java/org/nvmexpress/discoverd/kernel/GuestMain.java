package org.nvmexpress.discoverd.kernel;

import java.io.PrintStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs named {@link GuestCheck}s inside the real-kernel guest, in the order given, in one JVM, and
 * prints their results on the console for the host (see {@link GuestReport}). Every check ends
 * with {@code <check>.outcome=completed}, or {@code threw} plus {@code <check>.error=...}, so one
 * failing check does not hide the others, and {@code <check>.elapsed-ms}.
 *
 * <p>To add a check: implement {@link GuestCheck}, add it to {@link #CHECKS}, and assert its
 * results in a test of {@link RealKernelIT}.
 */
public final class GuestMain {
    /**
     * Every check the guest knows, by name, in the order one boot runs them. {@link DlpChangesCheck}
     * and {@link UeventsCheck} come late: they change the target (the generation counter moves on,
     * and a failure between an unlink and its relink would leave test-io2 off port 1 for every check
     * after it). {@link DaemonRunCheck} is the very last: it changes the target most (test-io1
     * unlinked, test-io3 made, port 2 taken away and put back) and puts it back only at its end,
     * and it leaves the controller instance numbers and the target's generation counter moved on.
     */
    static final Map<String, GuestCheck> CHECKS = byName(List.of(
            new ControllerSysfsCheck("discovery-sysfs", GuestTarget.DISCOVERY_NQN),
            new ControllerSysfsCheck("io-sysfs", GuestTarget.IO1_NQN),
            new IdentityMatcherCheck(),
            new BuiltinConnectorCheck(),
            new DlpFetchCheck(),
            new DlpSourceCheck(),
            new DaemonDecisionsCheck(),
            new DlpChangesCheck(),
            new UeventsCheck(),
            new DaemonRunCheck()));

    private GuestMain() {
    }

    /** Arguments: the names of the checks to run. Exit status 2 for an unknown name, else 0. */
    public static void main(String[] args) {
        PrintStream out = System.out;
        for (String name : args) {
            if (!CHECKS.containsKey(name)) {
                System.err.println("GuestMain: unknown check '" + name + "'; known: " + CHECKS.keySet());
                System.exit(2);
            }
        }
        for (String name : args) {
            run(CHECKS.get(name), new GuestReport(name, out));
        }
    }

    /** Runs one check; {@code elapsed-ms} says where the boot's time goes (a JVM start under TCG is seconds). */
    private static void run(GuestCheck check, GuestReport report) {
        long start = System.nanoTime();
        try {
            check.run(report);
            report.put("outcome", "completed");
        } catch (Exception | AssertionError e) {
            report.put("error", e.toString());
            report.put("outcome", "threw");
        } finally {
            report.put("elapsed-ms", String.valueOf(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)));
        }
    }

    private static Map<String, GuestCheck> byName(List<GuestCheck> checks) {
        Map<String, GuestCheck> map = new LinkedHashMap<>();
        for (GuestCheck check : checks) {
            if (map.put(check.name(), check) != null) {
                throw new IllegalStateException("two guest checks named " + check.name());
            }
        }
        return Collections.unmodifiableMap(map);
    }
}
