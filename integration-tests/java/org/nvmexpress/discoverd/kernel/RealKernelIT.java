package org.nvmexpress.discoverd.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Our Java code against a real NVMe-oF kernel: Debian's 6.1 kernel in a qemu guest with an nvmet
 * tcp target on loopback (docs/real-kernel-tests.md). One boot runs every {@link GuestMain} check;
 * each test asserts results of one check. Skips with the reason when qemu, root or the kernel
 * packages are missing.
 */
@Tag("real-kernel")
final class RealKernelIT {
    /** How the connector names test-io1 on port 1 in its messages. */
    /** test-io1's unit as the dry run's fabrics file spells it (::ffff:127.0.0.1, default trsvcid, no host address). */
    private static final String IO1_MAPPED_UNIT = "nvme-discoverd-a4395abf041c.service";
    /** test-io2's unit on port 2 without a host address. */
    private static final String IO2_PORT2_UNIT = "nvme-discoverd-4046c17b322e.service";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IO1_SUBJECT = "(tcp, 127.0.0.1, 4420, " + GuestTarget.IO1_NQN + ")";
    /** Port 1's log page as {@link GuestPages#entries} lists it, test-io2 linked. */
    private static final String PORT1_ENTRIES = "current 4420 " + GuestTarget.DISCOVERY_NQN + "; nvme 4420 "
            + GuestTarget.IO1_NQN + "; nvme 4420 " + GuestTarget.IO2_NQN + "; referral 4421 " + GuestTarget.DISCOVERY_NQN;
    /** The same with test-io2 unlinked from port 1 (it stays on port 2, which the referral names). */
    private static final String PORT1_ENTRIES_WITHOUT_IO2 = "current 4420 " + GuestTarget.DISCOVERY_NQN + "; nvme 4420 "
            + GuestTarget.IO1_NQN + "; referral 4421 " + GuestTarget.DISCOVERY_NQN;

    /** The first test boots the guest with every check; the others read that boot's results. */
    private static GuestResults results() {
        return RealKernelGuest.bootOnce(List.copyOf(GuestMain.CHECKS.keySet())).results();
    }

    @Test
    void discoveryControllerConnectsThroughTheFabricsDevice() {
        Map<String, String> dc = results().of("discovery-sysfs");
        assertThat(dc.get("reply")).matches("instance=\\d+,cntlid=\\d+");
        assertThat(dc.get("device")).matches("nvme\\d+");
    }

    @Test
    void discoveryControllerShowsItsIdentityInSysfs() {
        Map<String, String> dc = results().of("discovery-sysfs");
        assertThat(dc).containsEntry("transport", "tcp")
                .containsEntry("subsysnqn", GuestTarget.DISCOVERY_NQN)
                .containsEntry("cntrltype", "discovery")
                .containsEntry("state", "live");
        assertThat(dc.get("address")).startsWith("traddr=127.0.0.1,trsvcid=4420,").contains("src_addr=127.0.0.1");
    }

    @Test
    void ioControllerShowsItsIdentityInSysfs() {
        Map<String, String> io = results().of("io-sysfs");
        assertThat(io).containsEntry("transport", "tcp")
                .containsEntry("subsysnqn", GuestTarget.IO1_NQN)
                .containsEntry("cntrltype", "io")
                .containsEntry("state", "live");
        assertThat(io.get("address")).startsWith("traddr=127.0.0.1,trsvcid=4420,");
    }

    @Test
    void deleteControllerRemovesTheController() {
        assertThat(results().of("discovery-sysfs")).containsEntry("deleted", "true");
        assertThat(results().of("io-sysfs")).containsEntry("deleted", "true");
    }

    @Test
    void identityMatcherRecognisesTheRealControllerInItsOtherSpellings() {
        Map<String, String> id = results().of("identity-matcher");
        assertThat(id.get("hostnqn")).startsWith("nqn.");
        assertThat(id).containsEntry("problems", "0")
                .containsEntry("from-sysfs", "transport=tcp;traddr=127.0.0.1;trsvcid=4420;nqn=" + GuestTarget.IO1_NQN
                        + ";hostnqn=" + id.get("hostnqn"))
                .containsEntry("plain", "same connection")
                .containsEntry("explicit-port", "same connection")
                .containsEntry("mapped-address", "same connection")
                .containsEntry("src-addr-as-host-traddr", "same connection");
        assertThat(id.get("other-port")).startsWith("trsvcid: ");
        assertThat(id.get("other-nqn")).startsWith("nqn: ");
    }

    @Test
    void builtinConnectorConnectsThroughTheLauncherAndRecordsTheOwner() {
        Map<String, String> connector = results().of("builtin-connector");
        assertThat(connector).containsEntry("controllers-before", "").containsEntry("first.status", "0")
                .containsEntry("first.err", "");
        String device = connector.get("new-controllers");
        assertThat(device).matches("nvme\\d+");
        assertThat(connector).containsEntry("first.out", IO1_SUBJECT + " | " + device + " - connected (cntlid 1)")
                .containsEntry("devid", device + "\n")
                .containsEntry("registry-owner", "discoverd\n");
        assertThat(connector.get("registry-seqnum")).matches("[1-9]\\d*\n");
    }

    @Test
    void builtinConnectorIsIdempotentOnTheRealController() {
        Map<String, String> connector = results().of("builtin-connector");
        String device = connector.get("new-controllers");
        assertThat(connector).containsEntry("again.status", "0")
                .containsEntry("again.out", IO1_SUBJECT + " | " + device + " - already connected")
                .containsEntry("again.err", "")
                .containsEntry("devid-again", device + "\n")
                .containsEntry("new-controllers-again", device);
    }

    @Test
    void builtinConnectorExitCodesTellAlreadyConnectedAndUnreachableApart() {
        Map<String, String> connector = results().of("builtin-connector");
        String device = connector.get("new-controllers");
        assertThat(connector).containsEntry("not-idempotent.status", "5")
                .containsEntry("not-idempotent.out", "")
                .containsEntry("not-idempotent.err", "nvme-discoverctl connect: " + IO1_SUBJECT + " | " + device
                        + " - already connected")
                .containsEntry("unreachable.status", "3")
                .containsEntry("unreachable.out", "")
                .containsEntry("unreachable.err", "nvme-discoverctl connect: (tcp, 127.0.0.1, 4999, "
                        + GuestTarget.IO1_NQN + ") - unreachable: write /dev/nvme-fabrics: ECONNREFUSED (Connection refused)")
                .containsEntry("new-controllers-at-end", device)
                .containsEntry("left-behind", "");
    }

    @Test
    void dlpFetchReadsTheRealPageWithTheFetchProtocol() {
        Map<String, String> dlp = results().of("dlp-fetch");
        assertThat(dlp).containsEntry("commands", "Get Log Page (LID 0x70, offset 0, 20 bytes, RAE 0);"
                        + " Get Log Page (LID 0x70, offset 1024, 4096 bytes, RAE 0);"
                        + " Get Log Page (LID 0x70, offset 0, 20 bytes, RAE 0)")
                .containsEntry("wide-commands", "true")
                .containsEntry("numrec", "4")
                .containsEntry("recfmt", "0")
                .containsEntry("warnings", "");
        assertThat(dlp.get("result")).matches("read 4 records, genctr \\d+");
    }

    @Test
    void dlpFetchDecodesEveryEntryOfTheTarget() {
        Map<String, String> dlp = results().of("dlp-fetch");
        String fields = " trtype=tcp adrfam=ipv4 portid=";
        assertThat(dlp).containsEntry("entry.0", "subtype=current" + fields + "1 traddr=127.0.0.1 trsvcid=4420 subnqn="
                        + GuestTarget.DISCOVERY_NQN)
                .containsEntry("entry.1", "subtype=nvme" + fields + "1 traddr=127.0.0.1 trsvcid=4420 subnqn="
                        + GuestTarget.IO1_NQN)
                .containsEntry("entry.2", "subtype=nvme" + fields + "1 traddr=127.0.0.1 trsvcid=4420 subnqn="
                        + GuestTarget.IO2_NQN)
                .containsEntry("entry.3", "subtype=referral" + fields + "2 traddr=127.0.0.1 trsvcid=4421 subnqn="
                        + GuestTarget.DISCOVERY_NQN)
                .doesNotContainKey("entry.4");
    }

    @Test
    void dlpEntriesBecomeControllersThatInheritTheDcsHostAddress() {
        Map<String, String> dlp = results().of("dlp-fetch");
        String inherited = ";host-traddr=127.0.0.1";
        assertThat(dlp).containsEntry("dc-tid", DlpFetchCheck.DC_TID)
                .containsEntry("entry.0.tid", "transport=tcp;traddr=127.0.0.1;trsvcid=4420;nqn=" + GuestTarget.DISCOVERY_NQN
                        + inherited)
                .containsEntry("entry.0.role", "DC")
                .containsEntry("entry.0.unit", "nvme-discoverd-0ac82d26e19b.service")
                .containsEntry("entry.1.tid", "transport=tcp;traddr=127.0.0.1;trsvcid=4420;nqn=" + GuestTarget.IO1_NQN
                        + inherited)
                .containsEntry("entry.1.role", "IOC")
                .containsEntry("entry.1.unit", "nvme-discoverd-ad0fd60c2b7b.service")
                .containsEntry("entry.2.tid", "transport=tcp;traddr=127.0.0.1;trsvcid=4420;nqn=" + GuestTarget.IO2_NQN
                        + inherited)
                .containsEntry("entry.2.role", "IOC")
                .containsEntry("entry.2.unit", "nvme-discoverd-d1fdaae720de.service")
                .containsEntry("entry.3.tid", "transport=tcp;traddr=127.0.0.1;trsvcid=4421;nqn=" + GuestTarget.DISCOVERY_NQN
                        + inherited)
                .containsEntry("entry.3.role", "DC")
                .containsEntry("entry.3.unit", "nvme-discoverd-cdca8a54c6ae.service");
    }

    @Test
    void discoveryLogSourceReadsThePageOfAPersistentDcThroughItsDevice() {
        Map<String, String> source = results().of("dlp-source");
        assertThat(source.get("device")).matches("nvme\\d+");
        assertThat(source).containsEntry("kato", String.valueOf(GuestTarget.DC_KEEP_ALIVE_TMO_SEC))
                .containsEntry("first.entries", PORT1_ENTRIES)
                .containsEntry("first.numrec", "4")
                .containsEntry("first.warnings", "0")
                .containsEntry("second.entries", PORT1_ENTRIES)
                .containsEntry("same-bytes", "true")
                .containsEntry("state", "live");
        assertThat(source.get("first.result")).matches("read 4 records, genctr \\d+");
    }

    @Test
    void discoveryLogSourceClosesTheDeviceAndReportsADeletedDcAsUnavailable() {
        Map<String, String> source = results().of("dlp-source");
        String node = "/dev/" + source.get("device");
        assertThat(source).containsEntry("descriptors-after-fetch", "0")
                .containsEntry("after-delete.kind", "DeviceUnavailable")
                .containsEntry("after-delete", "open " + node + ": ENOENT (No such file or directory)");
    }

    @Test
    void unlinkingASubsystemRaisesARealAenAndTheNextFetchNoLongerListsIt() {
        Map<String, String> changes = results().of("dlp-changes");
        String dc = changes.get("dc");
        assertThat(dc).matches("nvme\\d+");
        assertThat(changes).containsEntry("kato", String.valueOf(GuestTarget.DC_KEEP_ALIVE_TMO_SEC))
                .containsEntry("before.entries", PORT1_ENTRIES)
                .containsEntry("unlinked.changed", dc + " LOG_PAGE_CHANGED_NOTICE")
                .containsEntry("unlinked.entries", PORT1_ENTRIES_WITHOUT_IO2);
        assertThat(changes.get("unlinked.result")).matches("read 3 records, genctr \\d+");
    }

    @Test
    void theFetchAfterAnAenRearmsItSoLinkingBackRaisesAnother() {
        Map<String, String> changes = results().of("dlp-changes");
        String dc = changes.get("dc");
        assertThat(changes).containsEntry("relinked.changed", dc + " LOG_PAGE_CHANGED_NOTICE")
                .containsEntry("relinked.entries", PORT1_ENTRIES)
                .containsEntry("genctrs-ascending", "true")
                .containsEntry("state", "live")
                .containsEntry("removed", dc)
                .containsEntry("seqnums-ascending", "true")
                .containsEntry("relinked", "true")
                .containsEntry("rejected", "0")
                .containsEntry("malformed", "0")
                .containsEntry("overflows", "0");
    }

    @Test
    void dryRunAdoptsTheConnectedControllerInAnotherSpellingAndGatesTheRest() throws IOException {
        Map<String, String> d = results().of("daemon-decisions");
        assertThat(d).containsEntry("connect.status", "0").containsEntry("connected.status", "0")
                .containsEntry("connected.lines", "3");
        String device = d.get("device");
        assertThat(device).matches("nvme\\d+");
        JsonNode io1 = json(d.get("connected.io1"));
        assertThat(io1.get("action").asText()).isEqualTo("adopt");
        assertThat(io1.get("device").asText()).isEqualTo(device);
        assertThat(io1.get("tid").asText()).isEqualTo("transport=tcp;traddr=::ffff:127.0.0.1;trsvcid=4420;nqn="
                + GuestTarget.IO1_NQN);
        assertThat(io1.get("unit").asText()).isEqualTo(IO1_MAPPED_UNIT);
        assertThat(io1.get("owner").asText()).isEqualTo("discoverd");
        assertThat(io1.has("record-owner")).as("the connector recorded the owner already").isFalse();
        JsonNode io2 = json(d.get("connected.io2"));
        assertThat(io2.get("action").asText()).isEqualTo("start");
        assertThat(io2.get("tid").asText()).isEqualTo("transport=tcp;traddr=127.0.0.1;trsvcid=4421;nqn="
                + GuestTarget.IO2_NQN);
        assertThat(io2.get("unit").asText()).isEqualTo(IO2_PORT2_UNIT);
        assertThat(io2.has("refused")).isFalse();
        JsonNode excluded = json(d.get("connected.excluded"));
        assertThat(excluded.get("action").asText()).isEqualTo("skip");
        assertThat(excluded.get("reason").asText()).isEqualTo("excluded");
        assertThat(excluded.get("detail").asText()).startsWith("excluded by ")
                .endsWith("/etc/nvme/exclusions.conf:2: nqn=" + DaemonDecisionsCheck.EXCLUDED_NQN);
    }

    @Test
    void dryRunHandsAForeignOwnersControllerOffAndRecordsAMissingOwner() throws IOException {
        Map<String, String> d = results().of("daemon-decisions");
        String device = d.get("device");
        assertThat(d).containsEntry("set-foreign.status", "0").containsEntry("foreign.status", "0")
                .containsEntry("drop-owner.status", "0").containsEntry("unowned.status", "0")
                .containsEntry("owner-before-daemon", BuiltinConnectorCheck.ABSENT);
        JsonNode foreign = json(d.get("foreign.io1"));
        assertThat(foreign.get("action").asText()).isEqualTo("skip");
        assertThat(foreign.get("reason").asText()).isEqualTo("foreign-owner");
        assertThat(foreign.get("detail").asText()).isEqualTo("owned by " + DaemonDecisionsCheck.FOREIGN_OWNER + " ("
                + device + ")");
        assertThat(json(d.get("foreign.io2")).get("action").asText()).isEqualTo("start");
        JsonNode unowned = json(d.get("unowned.io1"));
        assertThat(unowned.get("action").asText()).isEqualTo("adopt");
        assertThat(unowned.get("device").asText()).isEqualTo(device);
        assertThat(unowned.get("record-owner").asText()).isEqualTo("discoverd");
    }

    @Test
    void runningDaemonAdoptsWithoutSystemdAndLeavesTheControllerConnected() {
        Map<String, String> d = results().of("daemon-decisions");
        assertThat(d).containsEntry("daemon.ready", "ready: 1 controller: 1 connected")
                .containsEntry("daemon.exit", "0")
                .containsEntry("state-after-daemon", "live\n")
                .containsEntry("owner-after-daemon", "discoverd\n")
                .containsEntry("controllers-after-daemon", d.get("device"))
                .containsEntry("left-behind", "");
        assertThat(Long.parseLong(d.get("daemon.exit-ms"))).isLessThan(5_000);
        assertThat(d.get("daemon.log")).contains(IO1_SUBJECT + " | " + d.get("device")
                + " - already connected; adopted, recording registry owner discoverd");
    }

    @Test
    void ueventMonitorTurnsRealUeventsIntoKernelEvents() {
        Map<String, String> uevents = results().of("uevents");
        String dc = uevents.get("dc");
        assertThat(dc).matches("nvme\\d+");
        assertThat(uevents).containsEntry("added", dc)
                .containsEntry("changed", dc + " LOG_PAGE_CHANGED_NOTICE")
                .containsEntry("removed", dc)
                .containsEntry("seqnums-ascending", "true")
                .containsEntry("relinked", "true");
    }

    @Test
    void ueventMonitorTrustsTheKernelAndLosesNothing() {
        assertThat(results().of("uevents")).containsEntry("rejected", "0")
                .containsEntry("malformed", "0")
                .containsEntry("overflows", "0");
    }

    @Test
    void daemonConnectsItsDcAndEverythingItsLogPagesAndReferralList() {
        Map<String, String> run = results().of("daemon-run");
        assertThat(run).containsEntry("outcome", "completed").containsEntry("status.connector", "builtin")
                .containsEntry("status.config-errors", "[]");
        assertConnected(run, "start", DaemonRunCheck.DC, "[\"config\"]");
        assertConnected(run, "start", DaemonRunCheck.REFERRAL, "[\"referral\"]");
        assertConnected(run, "start", DaemonRunCheck.IO1, "[\"dlp\"]");
        assertConnected(run, "start", DaemonRunCheck.IO2, "[\"dlp\"]");
        assertConnected(run, "start", DaemonRunCheck.IO2_PORT2, "[\"dlp\"]");
        assertThat(run).containsEntry("start.controllers", "5");
    }

    @Test
    void daemonLetsAnUnlinkedSubsystemGoAndConnectsALinkedOne() {
        Map<String, String> run = results().of("daemon-run");
        // nvmet drops test-io1's controller, the host deletes it after ctrl-loss-tmo; no longer
        // listed, it is forgotten (docs/discovery.md) and never started again.
        assertThat(run).containsEntry("unlink.io1.sysfs", "false")
                .containsEntry("unlink.io1.listed", "(absent)")
                .containsEntry("unlink.io1.get", "org.nvmexpress.discoverd.NoSuchController")
                .containsEntry("unlink.io1.starts-after-gone", "0")
                .containsEntry("unlink.others-connected", "true");
        assertConnected(run, "link", DaemonRunCheck.IO3, "[\"dlp\"]");
    }

    @Test
    void daemonReconnectsWhatItsPortTookAwayOnceThePortIsBack() {
        Map<String, String> run = results().of("daemon-run");
        assertConnected(run, "port", DaemonRunCheck.REFERRAL, "[\"referral\"]");
        assertConnected(run, "port", DaemonRunCheck.IO2_PORT2, "[\"dlp\"]");
        assertThat(run.get("port.down.io2-port2")).isNotEqualTo("connected");
        assertThat(run).containsEntry("daemon-running", "true").containsEntry("stop.status", "0")
                .containsEntry("warm-connector.failure", "")
                .containsEntry("restored", "io1-on-port1=true,io3=false,io2-on-port2=true")
                .containsEntry("left-behind", "");
    }

    /** One controller of the daemon run at {@code step}: connected per varlink, sysfs, registry and its unit. */
    private static void assertConnected(Map<String, String> run, String step, DaemonRunCheck.Target target,
            String sources) {
        String prefix = step + "." + target.label() + ".";
        String device = run.get(prefix + "device");
        String unit = run.get(prefix + "unit");
        assertThat(device).as(prefix + "device").matches("nvme\\d+");
        assertThat(unit).as(prefix + "unit").matches("nvme-discoverd-[0-9a-f]{12}\\.service");
        assertThat(run).containsEntry(prefix + "state", "connected")
                .containsEntry(prefix + "get", "connected " + device)
                .containsEntry(prefix + "sources", sources)
                .containsEntry(prefix + "owner", "discoverd")
                .containsEntry(prefix + "sysfs.state", "live")
                .containsEntry(prefix + "sysfs.subsysnqn", target.nqn())
                .containsEntry(prefix + "registry-owner", "discoverd")
                .containsEntry(prefix + "runtime-unit", unit)
                .containsEntry(prefix + "unit-state", "active");
        assertThat(run.get(prefix + "sysfs.address")).startsWith("traddr=127.0.0.1,trsvcid=" + target.trsvcid() + ",");
    }

    /** One --dry-run line as the guest reported it; fails on a missing line. */
    private static JsonNode json(String line) throws IOException {
        assertThat(line).as("a --dry-run line").isNotNull();
        return JSON.readTree(line);
    }
}
