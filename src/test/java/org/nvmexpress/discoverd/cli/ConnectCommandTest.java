package org.nvmexpress.discoverd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.kernel.Errno;
import org.nvmexpress.discoverd.kernel.fabrics.KernelOptionTable;
import org.nvmexpress.discoverd.registry.AttributeName;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.registry.Registry;

final class ConnectCommandTest {
    private static final String NQN = "nqn.2014-08.org.nvmexpress:main-vol";
    private static final String SUBJECT = "(tcp, 10.0.0.9, 4420, " + NQN + ")";
    private static final String DEVID = "/run/nvme/discoverd/units/nvme-discoverd-c7f645736db2.devid";
    private static final String SECRET = "DHHC-1:00:c2VjcmV0IGZvciBjb25uZWN0IHRlc3RzIG9ubHkhIQ==:";

    @TempDir
    Path root;

    private final FakeConnectPorts ports = new FakeConnectPorts();
    private final CommandRunner cli = new CommandRunner(ports);

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(root.resolve("run/nvme/discoverd/units"));
    }

    /** The argv the daemon emits for the reference §3.4 example, with --root. */
    private List<String> daemonArgv(String... more) {
        List<String> argv = new ArrayList<>(List.of("connect", "--transport=tcp", "--traddr=10.0.0.9", "--trsvcid=4420",
                "--nqn=" + NQN, "--ctrl-loss-tmo=600", "--keep-alive-tmo=5", "--tls", "--idempotent",
                "--owner=discoverd", "--devid-file=" + DEVID, "--root", root.toString()));
        argv.addAll(List.of(more));
        return argv;
    }

    private int run(List<String> argv) {
        return cli.run(argv.toArray(String[]::new));
    }

    @Test
    void connectAcceptsTheDaemonsArgvAndRecordsTheController() throws Exception {
        ports.reply("instance=3,cntlid=17\n");

        int status = run(daemonArgv());

        assertThat(status).isZero();
        assertThat(cli.out()).isEqualTo(SUBJECT + " | nvme3 - connected (cntlid 17)\n");
        assertThat(cli.err()).isEmpty();
        assertThat(ports.written).containsExactly("transport=tcp,traddr=10.0.0.9,trsvcid=4420,nqn=" + NQN
                + ",ctrl_loss_tmo=600,keep_alive_tmo=5,tls");
        assertThat(Files.readString(root.resolve(DEVID.substring(1)))).isEqualTo("nvme3\n");
        assertThat(new Registry(root).retrieve(new DeviceName("nvme3"), AttributeName.OWNER)).contains("discoverd");
    }

    @Test
    void connectUsesTheHostIdentityFilesUnderTheRoot() throws Exception {
        Files.createDirectories(root.resolve("etc/nvme"));
        Files.writeString(root.resolve("etc/nvme/hostnqn"),
                "nqn.2014-08.org.nvmexpress:uuid:11111111-2222-3333-4444-555555555555\n");
        ports.reply("instance=0,cntlid=1");

        assertThat(run(daemonArgv())).isZero();

        assertThat(ports.written).singleElement().asString().contains(
                ",hostnqn=nqn.2014-08.org.nvmexpress:uuid:11111111-2222-3333-4444-555555555555,"
                        + "hostid=11111111-2222-3333-4444-555555555555,");
    }

    @Test
    void connectAcceptsNvmeCliShortFormsAndEveryTunable() throws Exception {
        Files.createDirectories(root.resolve("proc"));
        Files.writeString(root.resolve("proc/keys"),
                "0ba3c2f1 I------     1 perm 3f030000     0     0 keyring   .nvme: 1\n"
                + "00000022 I--Q---     1 perm 3f010000     0     0 psk       NVMe0R01 host subsys: 32\n");
        ports.reply("instance=1,cntlid=2");

        int status = cli.run("connect", "-t", "tcp", "-a", "2001:DB8::9", "-s", "4420", "-n", NQN, "-w", "2001:db8::1",
                "-f", "eth0", "-q", "nqn.2014-08.org.example:host1", "-I", "01234567-89ab-cdef-0123-456789abcdef",
                "--nr-io-queues=0x10", "--nr-write-queues=2", "--nr-poll-queues=1", "--queue-size=128",
                "--keep-alive-tmo=5", "--reconnect-delay=10", "--ctrl-loss-tmo=-1", "--fast-io-fail-tmo=20",
                "--tos=0", "--duplicate-connect", "--disable-sqflow", "--hdr-digest", "--data-digest", "--tls",
                "--concat", "--keyring=.nvme", "--tls-key-identity=NVMe0R01 host subsys", "--root", root.toString());

        assertThat(status).as(cli.err()).isZero();
        assertThat(ports.written).containsExactly("transport=tcp,traddr=2001:db8::9,trsvcid=4420,nqn=" + NQN
                + ",hostnqn=nqn.2014-08.org.example:host1,hostid=01234567-89ab-cdef-0123-456789abcdef,"
                + "host_traddr=2001:db8::1,host_iface=eth0,nr_io_queues=16,nr_write_queues=2,nr_poll_queues=1,"
                + "queue_size=128,ctrl_loss_tmo=-1,keep_alive_tmo=5,reconnect_delay=10,fast_io_fail_tmo=20,"
                + "duplicate_connect,disable_sqflow,hdr_digest,data_digest,tos=0,tls,concat,keyring=195281649,tls_key=34");
    }

    @Test
    void connectAlreadyConnectedIsSuccessWithIdempotent() throws Exception {
        ports.live = new DeviceName("nvme2");

        assertThat(run(daemonArgv())).isZero();

        assertThat(cli.out()).isEqualTo(SUBJECT + " | nvme2 - already connected\n");
        assertThat(ports.written).isEmpty();
        assertThat(Files.readString(root.resolve(DEVID.substring(1)))).isEqualTo("nvme2\n");
    }

    @Test
    void connectAlreadyConnectedWithoutIdempotentExits5() {
        ports.live = new DeviceName("nvme2");
        List<String> argv = daemonArgv();
        argv.remove("--idempotent");

        assertThat(run(argv)).isEqualTo(5);

        assertThat(cli.err()).isEqualTo("nvme-discoverctl connect: " + SUBJECT + " | nvme2 - already connected\n");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void connectUnreachableExits3() {
        ports.fail(Errno.ETIMEDOUT);

        assertThat(run(daemonArgv())).isEqualTo(3);

        assertThat(cli.err()).isEqualTo("nvme-discoverctl connect: " + SUBJECT
                + " - unreachable: write /dev/nvme-fabrics: ETIMEDOUT (Connection timed out)\n");
    }

    @Test
    void connectRefusedByTargetExits4() {
        ports.fail(Errno.EIO);

        assertThat(run(daemonArgv())).isEqualTo(4);

        assertThat(cli.err()).isEqualTo("nvme-discoverctl connect: " + SUBJECT
                + " - refused by target: write /dev/nvme-fabrics: EIO (Input/output error)\n");
    }

    @Test
    void connectRefusedOptionsExit2AndOtherFailuresExit1() {
        ports.fail(Errno.EINVAL).fail(Errno.EBUSY);

        assertThat(run(daemonArgv())).isEqualTo(2);
        assertThat(run(daemonArgv())).isEqualTo(1);

        assertThat(cli.err()).isEqualTo("nvme-discoverctl connect: " + SUBJECT
                + " - bad arguments: write /dev/nvme-fabrics: EINVAL (Invalid argument)\n"
                + "nvme-discoverctl connect: " + SUBJECT
                + " - failed: write /dev/nvme-fabrics: EBUSY (Device or resource busy)\n");
    }

    @Test
    void connectRefusesAnOptionTheKernelLacksWithExit2() {
        ports.table = KernelOptionTable.parse("instance=-1,cntlid=-1,transport=%s,traddr=%s,trsvcid=%s,nqn=%s,"
                + "ctrl_loss_tmo=%d,keep_alive_tmo=%d").orElseThrow();

        assertThat(run(daemonArgv())).isEqualTo(2);

        assertThat(cli.err()).isEqualTo("nvme-discoverctl connect: " + SUBJECT + " - this kernel does not support the"
                + " option 'tls' (not in the option table of /dev/nvme-fabrics)\n");
        assertThat(ports.written).isEmpty();
    }

    @Test
    void connectWithABadAddressExits2NamingIt() {
        int status = cli.run("connect", "-t", "tcp", "-a", "storage.example.com", "-n", NQN, "--root", root.toString());

        assertThat(status).isEqualTo(2);
        assertThat(cli.err()).startsWith("nvme-discoverctl connect: invalid connection: traddr 'storage.example.com' is"
                + " not a numeric IPv4 or IPv6 address (transport tcp)\n");
    }

    @Test
    void connectWithABadNumberOrEmptyValueExits2() {
        assertThat(cli.run("connect", "-t", "tcp", "-a", "10.0.0.9", "-n", NQN, "--ctrl-loss-tmo=10m")).isEqualTo(2);
        assertThat(cli.run("connect", "-t", "tcp", "-a", "", "-n", NQN)).isEqualTo(2);
        assertThat(cli.run("connect", "-t", "tcp", "-a", "10.0.0.9", "-n", NQN, "--owner= ")).isEqualTo(2);

        assertThat(cli.err()).contains("Invalid value for option '--ctrl-loss-tmo': '10m' is not an integer"
                + " (decimal, 0x hex or 0 octal, within 32 bits)")
                .contains("nvme-discoverctl connect: --traddr: empty value")
                .contains("nvme-discoverctl connect: --owner: ' ' is not one line of text");
        assertThat(ports.written).isEmpty();
    }

    @Test
    void connectWithoutNqnIsAUsageError() {
        assertThat(cli.run("connect", "-t", "tcp", "-a", "10.0.0.9")).isEqualTo(2);

        assertThat(cli.err()).startsWith("nvme-discoverctl connect: Missing required option: '--nqn=NQN'");
    }

    @Test
    void connectRefusesSecretsOnTheCommandLineWithoutEchoingThem() {
        List<String> argv = daemonArgv("--dhchap-secret=" + SECRET);

        assertThat(run(argv)).isEqualTo(2);
        assertThat(cli.run("connect", "-t", "tcp", "-n", NQN, "-S", SECRET)).isEqualTo(2);
        assertThat(cli.run("connect", "-t", "tcp", "-n", NQN, "--dhchap_secret=" + SECRET)).isEqualTo(2);

        assertThat(cli.err()).startsWith("nvme-discoverctl connect: --dhchap-secret: secrets are not accepted on the"
                + " command line, where every local user can read them; put it in the systemd credential"
                + " 'dhchap-secret' (LoadCredential= or SetCredential=), read from $CREDENTIALS_DIRECTORY/dhchap-secret\n")
                .contains("Unknown option: '--dhchap_secret=<secret>'")
                .doesNotContain(SECRET);
        assertThat(cli.out()).doesNotContain(SECRET);
        assertThat(ports.written).isEmpty();
    }

    @Test
    void connectTakesSecretsFromCredentialsAndNeverPrintsThem() throws Exception {
        ports.credentials = Files.createDirectories(root.resolve("credentials"));
        Files.writeString(ports.credentials.resolve("dhchap-secret"), SECRET + "\n");
        Files.writeString(ports.credentials.resolve("tls-key"), "0x22\n");
        ports.fail(Errno.EKEYREJECTED).reply("instance=3,cntlid=1");

        assertThat(run(daemonArgv())).isEqualTo(4);
        assertThat(run(daemonArgv())).isZero();

        assertThat(ports.written).allSatisfy(s -> assertThat(s).endsWith(",dhchap_secret=" + SECRET + ",tls,tls_key=34"));
        assertThat(cli.out() + cli.err()).doesNotContain(SECRET);
    }

    @Test
    void connectWithAnUnusableCredentialFails() throws Exception {
        ports.credentials = Files.createDirectories(root.resolve("credentials"));
        Files.createDirectory(ports.credentials.resolve("dhchap-ctrl-secret"));

        assertThat(run(daemonArgv())).isEqualTo(1);
        assertThat(cli.err()).startsWith("nvme-discoverctl connect: credential 'dhchap-ctrl-secret' ("
                + ports.credentials.resolve("dhchap-ctrl-secret") + "): cannot read: ");

        Files.delete(ports.credentials.resolve("dhchap-ctrl-secret"));
        Files.writeString(ports.credentials.resolve("tls-key"), "NVMeTLSkey-1:01:" + "A".repeat(44) + ":\n");
        assertThat(run(daemonArgv())).isEqualTo(2);
        assertThat(cli.err()).contains("credential 'tls-key' holds a PSK in interchange format").doesNotContain("AAAA");
        assertThat(ports.written).isEmpty();
    }

    @Test
    void connectPrintsRegistryProblemsAsWarnings() throws Exception {
        Files.writeString(root.resolve("run/nvme/registry"), "in the way");
        ports.reply("instance=3,cntlid=17");

        assertThat(run(daemonArgv())).isZero();

        assertThat(cli.err()).isEqualTo("nvme-discoverctl connect: warning: " + SUBJECT + " | nvme3 - registry entry"
                + " not written: nvme3: cannot create the entry: " + root.resolve("run/nvme/registry")
                + " is not a directory\n");
    }

    @Test
    void connectHelpDocumentsExitCodesAndCredentials() {
        assertThat(cli.run("connect", "--help")).isZero();

        assertThat(cli.out()).contains("dhchap-ctrl-secret and tls-key in $CREDENTIALS_DIRECTORY")
                .contains("3   the target is unreachable")
                .contains("4   the target refused the connection or the authentication")
                .contains("5   already connected (without --idempotent)")
                .doesNotContain("--dhchap-secret");
    }

    @Test
    void connectOnTheRealPortsWritesTheOptionsToTheDeviceFile() throws Exception {
        Files.createDirectories(root.resolve("dev"));
        Path device = Files.writeString(root.resolve("dev/nvme-fabrics"),
                "instance=-1,cntlid=-1,transport=%s,traddr=%s,trsvcid=%s,nqn=%s,ctrl_loss_tmo=%d,keep_alive_tmo=%d,"
                        + "tls,padding-padding-padding-padding-padding-padding-padding-padding-padding\n");
        CommandRunner real = new CommandRunner();

        int status = real.run(daemonArgv().toArray(String[]::new));

        String written = "transport=tcp,traddr=10.0.0.9,trsvcid=4420,nqn=" + NQN + ",ctrl_loss_tmo=600,keep_alive_tmo=5,tls";
        assertThat(Files.readString(device)).startsWith(written);
        assertThat(status).as("a regular file does not answer with instance=N").isEqualTo(1);
        assertThat(real.err()).startsWith("nvme-discoverctl connect: " + SUBJECT + " - the kernel's reply is not"
                + " 'instance=N,cntlid=M': '");
    }
}
