package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.tid.TidParser;

/**
 * Configured host names resolve under the shipped unit's hardening: the daemon runs as
 * nvme-discoverd.service in the systemd sandbox with two controllers named by host name, one found
 * in {@code /etc/hosts} and one only through DNS, and requests a unit for each resolved address.
 *
 * <p>No packet leaves the sandbox's network namespace (it has only {@code lo}): {@code /etc/hosts},
 * {@code /etc/resolv.conf} (name server 127.0.0.1) and {@code /etc/nsswitch.conf}
 * ({@code hosts: files dns}) are bound over the host's inside the sandbox only, and
 * integration-tests/dns/one-record-dns.py, a unit inside, answers the one DNS name. The connection
 * units run {@link FakeNvme}, whose connect waits, so each unit stays visible while it "connects".
 *
 * <p>The DNS name is the case the hardening broke: with {@code RestrictAddressFamilies=AF_UNIX
 * AF_NETLINK} glibc cannot open the socket to the name server, while {@code /etc/hosts} names still
 * resolve. Run with {@code -Dit.unit.RestrictAddressFamilies='AF_UNIX AF_NETLINK'} to see this test
 * fail against the old line.
 */
final class HostNameResolutionIT {
    private static final String DNS_NAME = "storage.test";
    private static final String DNS_ADDRESS = "192.0.2.10";
    private static final String HOSTS_NAME = "files.test";
    private static final String HOSTS_ADDRESS = "192.0.2.20";
    private static final String NQN = "nqn.2014-08.org.nvmexpress:by-name-";
    private static final String DNS_UNIT = "it-dns.service";
    /** What the unit allowed before name resolution was thought of: the harness check's negative case. */
    private static final String NO_IP = "AF_UNIX AF_NETLINK";

    @TempDir
    Path tmp;

    @Test
    @Timeout(300)
    void theDaemonResolvesConfiguredHostNamesThroughDnsAndHostsUnderItsHardening() throws Exception {
        DaemonService.assumeRunnable();
        for (String file : List.of("/etc/hosts", "/etc/resolv.conf", "/etc/nsswitch.conf")) {
            assumeThat(Files.isRegularFile(Path.of(file), LinkOption.NOFOLLOW_LINKS))
                    .as("%s is not a regular file, so the sandbox cannot bind a test's copy over it", file).isTrue();
        }
        DaemonService daemon = DaemonService.stage(tmp,
                "[Global]\nnvme-path = " + DaemonService.NVME + "\n",
                subsystem(DNS_NAME) + subsystem(HOSTS_NAME));
        daemon.writeExecutable("nvme", FakeNvme.script(600, 1));
        Files.copy(DaemonService.BASEDIR.resolve("integration-tests/dns/one-record-dns.py"),
                daemon.stage().resolve("one-record-dns.py"));
        Path etc = Files.createDirectories(daemon.stage().resolve("etc"));
        Files.writeString(etc.resolve("hosts"), "127.0.0.1 localhost\n" + HOSTS_ADDRESS + " " + HOSTS_NAME + "\n");
        // One quick retry, so a lost datagram does not fail the test, and no long wait if one is.
        Files.writeString(etc.resolve("resolv.conf"), "nameserver 127.0.0.1\noptions timeout:1 attempts:2\n");
        Files.writeString(etc.resolve("nsswitch.conf"), "hosts: files dns\n");

        try (Sandbox systemd = Sandbox.start(SystemdSandbox.SCRIPT, tmp.resolve("sandbox"), daemon.bind(),
                etc.resolve("hosts") + ":/etc/hosts", etc.resolve("resolv.conf") + ":/etc/resolv.conf",
                etc.resolve("nsswitch.conf") + ":/etc/nsswitch.conf")) {
            startDnsResponder(systemd);
            assertTheDnsNameNeedsAnInetSocket(systemd);

            long harnessQueries = dnsQueries(systemd);

            daemon.install(systemd);
            systemd.check("systemctl", "start", DaemonService.UNIT);
            String dnsUnit = expectedUnit(DNS_NAME, DNS_ADDRESS);
            String hostsUnit = expectedUnit(HOSTS_NAME, HOSTS_ADDRESS);
            String units = awaitUnits(systemd, List.of(dnsUnit, hostsUnit), Duration.ofSeconds(90));
            System.out.println("connection units in the sandbox:\n" + units);
            List<JsonNode> journal = DaemonService.journal(systemd);
            System.out.println("daemon's lines about the names:\n" + DaemonService.messages(journal.stream()
                    .filter(e -> e.path("MESSAGE").asText().contains(DNS_NAME)
                            || e.path("MESSAGE").asText().contains(HOSTS_NAME))
                    .toList()));

            // The daemon's own account: a line about the controller under its resolved TID and unit.
            assertThat(journal).as("daemon's journal entries for %s", dnsUnit)
                    .anyMatch(e -> e.path("NVME_UNIT").asText().equals(dnsUnit)
                            && e.path("NVME_TID").asText().startsWith("(tcp, " + DNS_ADDRESS + ", 4420, "));
            assertThat(FakeNvme.lines(daemon.stage())).as("the connectors the units ran")
                    .anyMatch(line -> line.startsWith("connect " + stem(dnsUnit) + " ")
                            && line.contains("--traddr=" + DNS_ADDRESS + " "))
                    .anyMatch(line -> line.startsWith("connect " + stem(hostsUnit) + " ")
                            && line.contains("--traddr=" + HOSTS_ADDRESS + " "));
            assertThat(dnsQueries(systemd)).as("A queries for %s, after the harness's %d", DNS_NAME, harnessQueries)
                    .isGreaterThan(harnessQueries);
            assertThat(systemd.check("systemctl", "is-active", DaemonService.UNIT).trim()).isEqualTo("active");
        }
    }

    private static String subsystem(String host) {
        return "[Subsystem]\nnqn = " + NQN + host + "\ncontroller = transport=tcp;traddr=" + host + "\n";
    }

    /** The unit the daemon names after the TID with the host name replaced by its address. */
    private static String expectedUnit(String host, String address) {
        return TidParser.strict("transport=tcp;traddr=" + address + ";trsvcid=4420;nqn=" + NQN + host).unitName()
                .value();
    }

    private static String stem(String unit) {
        return unit.substring(0, unit.length() - ".service".length());
    }

    private static void startDnsResponder(Sandbox systemd) throws Exception {
        systemd.check("systemd-run", "--unit=" + DNS_UNIT, "/usr/bin/python3", DaemonService.INSIDE
                + "/one-record-dns.py", DNS_NAME, DNS_ADDRESS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        // The responder binds its socket a moment after the unit starts: ask until it answers.
        while (systemd.exec("getent", "hosts", DNS_NAME).status() != 0) {
            assertThat(System.nanoTime()).as("the DNS responder answering within 30 s: %s",
                    systemd.exec("journalctl", "-u", DNS_UNIT, "--no-pager").out()).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    /**
     * The harness tests what it should: the DNS name resolves only with an IP socket (so the lookup
     * really goes to the name server), the hosts name without one (the file is read).
     */
    private static void assertTheDnsNameNeedsAnInetSocket(Sandbox systemd) throws Exception {
        assertThat(resolveRestricted(systemd, NO_IP, DNS_NAME).status()).as("getent %s with %s", DNS_NAME, NO_IP)
                .isNotZero();
        assertThat(resolveRestricted(systemd, NO_IP, HOSTS_NAME).out()).as("getent %s with %s", HOSTS_NAME, NO_IP)
                .startsWith(HOSTS_ADDRESS + " ");
        String unitLine = Files.readAllLines(DaemonService.BASEDIR.resolve("systemd/" + DaemonService.UNIT)).stream()
                .filter(line -> line.startsWith("RestrictAddressFamilies=")).findFirst().orElseThrow();
        String families = unitLine.substring(unitLine.indexOf('=') + 1);
        assertThat(resolveRestricted(systemd, families, DNS_NAME).out()).as("getent %s with %s", DNS_NAME, families)
                .startsWith(DNS_ADDRESS + " ");
    }

    private static Sandbox.Result resolveRestricted(Sandbox systemd, String families, String name) throws Exception {
        return systemd.exec("systemd-run", "--wait", "--pipe", "--quiet", "-p", "RestrictAddressFamilies=" + families,
                "getent", "hosts", name);
    }

    /** How many A queries for the DNS name the responder has answered so far. */
    private static long dnsQueries(Sandbox systemd) throws Exception {
        return DaemonService.journal(systemd, DNS_UNIT).stream().map(e -> e.path("MESSAGE").asText())
                .filter(m -> m.startsWith("query " + DNS_NAME + " type 1 ")).count();
    }

    /** Polls systemd until every unit in {@code expected} is loaded; returns what list-units showed. */
    private static String awaitUnits(Sandbox systemd, List<String> expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String units = systemd.check("systemctl", "list-units", "--all", "--plain", "--no-legend",
                    "nvme-discoverd-*");
            if (expected.stream().allMatch(units::contains)) {
                return units;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("within " + timeout + ", expected units " + expected + " but systemd has:\n"
                        + units + "\ndaemon's journal:\n" + DaemonService.messages(DaemonService.journal(systemd)));
            }
            TimeUnit.SECONDS.sleep(1);
        }
    }
}
