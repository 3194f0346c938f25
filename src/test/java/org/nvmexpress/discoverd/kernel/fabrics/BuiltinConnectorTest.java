package org.nvmexpress.discoverd.kernel.fabrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.kernel.ConnectIdentity;
import org.nvmexpress.discoverd.kernel.Errno;
import org.nvmexpress.discoverd.registry.AttributeName;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.registry.Registry;
import org.nvmexpress.discoverd.tid.TidParser;
import org.nvmexpress.discoverd.tid.TransportId;

final class BuiltinConnectorTest {
    private static final TransportId TID = TidParser.strict(
            "transport=tcp;traddr=10.0.0.9;trsvcid=4420;nqn=nqn.2014-08.org.nvmexpress:main-vol");
    private static final String SUBJECT = "(tcp, 10.0.0.9, 4420, nqn.2014-08.org.nvmexpress:main-vol)";
    private static final String OPTIONS = "transport=tcp,traddr=10.0.0.9,trsvcid=4420,"
            + "nqn=nqn.2014-08.org.nvmexpress:main-vol,ctrl_loss_tmo=600";
    private static final DeviceName NVME3 = new DeviceName("nvme3");
    private static final DeviceName NVME2 = new DeviceName("nvme2");

    @TempDir
    Path root;

    private final FakeFabricsDevice fabrics = new FakeFabricsDevice();
    private final FakeLiveControllerLookup lookup = new FakeLiveControllerLookup();
    private Registry registry;
    private Path devid;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(root.resolve("sys/kernel"));
        Files.writeString(root.resolve("sys/kernel/uevent_seqnum"), "4711\n");
        registry = new Registry(root);
        devid = root.resolve("unit.devid");
    }

    private ConnectOutcome connect(Optional<String> owner, boolean idempotent, FabricsOptions parameters) {
        ConnectRequest request = new ConnectRequest(TID, ConnectIdentity.none(), parameters, owner, Optional.of(devid),
                idempotent);
        return new BuiltinConnector(fabrics, lookup, registry).connect(request);
    }

    private ConnectOutcome connect(Optional<String> owner, boolean idempotent) throws Exception {
        return connect(owner, idempotent, FabricsOptions.builder().set(FabricsOption.CTRL_LOSS_TMO, "600").build());
    }

    private Map<AttributeName, String> entry(DeviceName device) throws Exception {
        return registry.entry(device).attributes();
    }

    @Test
    void connectNewControllerRecordsOwnerAndDevid() throws Exception {
        fabrics.reply("instance=3,cntlid=17\n");

        ConnectOutcome outcome = connect(Optional.of("discoverd"), true);

        assertThat(outcome).isEqualTo(new ConnectOutcome.Connected(NVME3, 17,
                SUBJECT + " | nvme3 - connected (cntlid 17)", List.of()));
        assertThat(fabrics.written).containsExactly(OPTIONS);
        assertThat(lookup.questions).singleElement().isEqualTo(new FakeLiveControllerLookup.Question(TID,
                ConnectIdentity.none()));
        assertThat(entry(NVME3)).isEqualTo(Map.of(AttributeName.OWNER, "discoverd", AttributeName.SEQNUM, "4711"));
        assertThat(Files.readString(devid)).isEqualTo("nvme3\n");
    }

    @Test
    void connectWithoutOwnerDeletesTheStaleEntryOfTheInstance() throws Exception {
        registry.create(NVME3, "stas");
        fabrics.reply("instance=3,cntlid=1\n");

        ConnectOutcome outcome = connect(Optional.empty(), true);

        assertThat(outcome).isInstanceOf(ConnectOutcome.Connected.class);
        assertThat(Files.exists(registry.directory().resolve("nvme3"))).isFalse();
    }

    @Test
    void connectIdempotentHitSucceedsWithoutTouchingTheKernel() throws Exception {
        lookup.found("nvme2");

        ConnectOutcome outcome = connect(Optional.of("discoverd"), true);

        assertThat(outcome).isEqualTo(new ConnectOutcome.AlreadyConnected(NVME2,
                SUBJECT + " | nvme2 - already connected", List.of()));
        assertThat(fabrics.written).isEmpty();
        assertThat(fabrics.probes).isZero();
        assertThat(Files.readString(devid)).isEqualTo("nvme2\n");
        assertThat(entry(NVME2)).containsEntry(AttributeName.OWNER, "discoverd");
    }

    @Test
    void connectIdempotentHitLeavesAnotherOwnersEntryAlone() throws Exception {
        registry.create(NVME2, "stas");
        lookup.found("nvme2");

        ConnectOutcome outcome = connect(Optional.of("discoverd"), true);

        assertThat(outcome).isInstanceOf(ConnectOutcome.AlreadyConnected.class);
        assertThat(outcome.warnings()).containsExactly(
                SUBJECT + " | nvme2 - owned by 'stas', not 'discoverd': registry entry left unchanged");
        assertThat(entry(NVME2)).containsEntry(AttributeName.OWNER, "stas");
    }

    @Test
    void connectIdempotentHitKeepsItsOwnEntryAndNotes() throws Exception {
        registry.create(NVME2, "discoverd");
        AttributeName note = new AttributeName("note");
        registry.update(NVME2, note, "boot volume");
        lookup.found("nvme2");

        ConnectOutcome outcome = connect(Optional.of("discoverd"), true);

        assertThat(outcome.warnings()).isEmpty();
        assertThat(entry(NVME2)).containsEntry(note, "boot volume");
    }

    @Test
    void connectNonIdempotentHitFailsAndKeepsThePreviousDevid() throws Exception {
        Files.writeString(devid, "nvme9\n");
        lookup.found("nvme2");

        ConnectOutcome outcome = connect(Optional.of("discoverd"), false);

        assertThat(outcome).isEqualTo(new ConnectOutcome.Failed(ConnectFailure.ALREADY_CONNECTED,
                SUBJECT + " | nvme2 - already connected", List.of()));
        assertThat(fabrics.written).isEmpty();
        assertThat(Files.readString(devid)).isEqualTo("nvme9\n");
    }

    @Test
    void connectUnreachableKeepsThePreviousDevidAndTheRegistry() throws Exception {
        Files.writeString(devid, "nvme9\n");
        fabrics.fail(Errno.ECONNREFUSED);

        ConnectOutcome outcome = connect(Optional.of("discoverd"), true);

        assertThat(outcome).isEqualTo(new ConnectOutcome.Failed(ConnectFailure.UNREACHABLE, SUBJECT
                + " - unreachable: write /dev/nvme-fabrics: ECONNREFUSED (Connection refused)", List.of()));
        assertThat(Files.readString(devid)).isEqualTo("nvme9\n");
        assertThat(Files.exists(registry.directory())).isFalse();
    }

    @Test
    void connectRefusedByTargetIsItsOwnFailure() throws Exception {
        fabrics.fail(Errno.EKEYREJECTED);

        ConnectOutcome outcome = connect(Optional.of("discoverd"), true);

        assertThat(outcome).isEqualTo(new ConnectOutcome.Failed(ConnectFailure.REFUSED_BY_TARGET, SUBJECT
                + " - refused by target: write /dev/nvme-fabrics: EKEYREJECTED (Key was rejected by service)",
                List.of()));
    }

    @Test
    void connectLosingTheKernelRaceFindsTheWinner() throws Exception {
        lookup.nothing().found("nvme5");
        fabrics.fail(Errno.EALREADY);

        ConnectOutcome outcome = connect(Optional.of("discoverd"), true);

        assertThat(outcome).isEqualTo(new ConnectOutcome.AlreadyConnected(new DeviceName("nvme5"),
                SUBJECT + " | nvme5 - already connected", List.of()));
        assertThat(lookup.questions).hasSize(2);
        assertThat(Files.readString(devid)).isEqualTo("nvme5\n");
    }

    @Test
    void connectKernelDuplicateWithoutAWinnerIsAlreadyConnected() throws Exception {
        fabrics.fail(Errno.EALREADY);

        ConnectOutcome outcome = connect(Optional.of("discoverd"), true);

        assertThat(outcome).isEqualTo(new ConnectOutcome.Failed(ConnectFailure.ALREADY_CONNECTED, SUBJECT
                + " - already connected: write /dev/nvme-fabrics: EALREADY (Operation already in progress)",
                List.of()));
    }

    @Test
    void connectRegistryFailureOnlyWarns() throws Exception {
        Files.createDirectories(root.resolve("run"));
        Files.writeString(root.resolve("run/nvme"), "not a directory");
        fabrics.reply("instance=3,cntlid=1\n");

        ConnectOutcome outcome = connect(Optional.of("discoverd"), true);

        assertThat(outcome).isInstanceOf(ConnectOutcome.Connected.class);
        assertThat(outcome.warnings()).containsExactly(SUBJECT + " | nvme3 - registry entry not written: "
                + "nvme3: cannot create the entry: " + root.resolve("run/nvme") + " is not a directory");
        assertThat(Files.readString(devid)).isEqualTo("nvme3\n");
    }

    @Test
    void connectRefusesASymlinkedDevidFileBeforeTouchingTheKernel() throws Exception {
        Path target = Files.writeString(root.resolve("elsewhere"), "precious\n");
        Files.createSymbolicLink(devid, target);

        ConnectOutcome outcome = connect(Optional.of("discoverd"), true);

        assertThat(outcome).isEqualTo(new ConnectOutcome.Failed(ConnectFailure.FAILED, SUBJECT + " - devid file "
                + devid + " is a symbolic link; refusing to write through it", List.of()));
        assertThat(lookup.questions).isEmpty();
        assertThat(fabrics.probes).isZero();
        assertThat(Files.readString(target)).isEqualTo("precious\n");
    }

    @Test
    void connectRefusesAnOptionTheKernelDoesNotListBeforeWriting() throws Exception {
        fabrics.table = KernelOptionTable.parse(KernelOptionTableTest.LINUX_6_1).orElseThrow();

        ConnectOutcome outcome = connect(Optional.of("discoverd"), true,
                FabricsOptions.builder().flag(FabricsOption.TLS, true).flag(FabricsOption.CONCAT, true).build());

        assertThat(outcome).isEqualTo(new ConnectOutcome.Failed(ConnectFailure.BAD_ARGUMENTS, SUBJECT
                + " - this kernel does not support the option 'tls', 'concat' (not in the option table of"
                + " /dev/nvme-fabrics)", List.of()));
        assertThat(fabrics.written).isEmpty();
    }

    @Test
    void connectWithDuplicateConnectSkipsTheLookup() throws Exception {
        lookup.found("nvme2");
        fabrics.reply("instance=4,cntlid=2");

        ConnectOutcome outcome = connect(Optional.of("discoverd"), true,
                FabricsOptions.builder().flag(FabricsOption.DUPLICATE_CONNECT, true).build());

        assertThat(outcome).isInstanceOf(ConnectOutcome.Connected.class);
        assertThat(lookup.questions).isEmpty();
        assertThat(fabrics.written).singleElement().asString().endsWith(",duplicate_connect");
    }

    @Test
    void connectWithoutTheFabricsModuleSaysSo() throws Exception {
        fabrics.probeFailure = Errno.ENOENT;

        ConnectOutcome outcome = connect(Optional.of("discoverd"), true);

        assertThat(outcome).isEqualTo(new ConnectOutcome.Failed(ConnectFailure.FAILED, SUBJECT
                + " - cannot read the kernel's connect options: open /dev/nvme-fabrics: ENOENT (No such file or"
                + " directory) (is the nvme-fabrics module loaded?)", List.of()));
    }

    @Test
    void connectWithAMalformedReplyFails() throws Exception {
        fabrics.reply("instance=-1,cntlid=-1\n");

        ConnectOutcome outcome = connect(Optional.of("discoverd"), true);

        assertThat(outcome).isEqualTo(new ConnectOutcome.Failed(ConnectFailure.FAILED, SUBJECT
                + " - the kernel's reply is not 'instance=N,cntlid=M': 'instance=-1,cntlid=-1'", List.of()));
    }

    @Test
    void connectWhenTheLookupFailsWarnsAndConnects() throws Exception {
        lookup.fail("cannot list /sys/class/nvme: permission denied");
        fabrics.reply("instance=0,cntlid=1");

        ConnectOutcome outcome = connect(Optional.of("discoverd"), true);

        assertThat(outcome).isInstanceOf(ConnectOutcome.Connected.class);
        assertThat(outcome.warnings()).containsExactly(SUBJECT + " - cannot look for a controller already connected,"
                + " connecting anyway: cannot list /sys/class/nvme: permission denied");
    }

    @Test
    void connectWithoutDevidFileWritesNone() throws Exception {
        fabrics.reply("instance=3,cntlid=1");
        ConnectRequest request = new ConnectRequest(TID, ConnectIdentity.none(), FabricsOptions.builder().build(),
                Optional.of("nbft"), Optional.empty(), false);

        ConnectOutcome outcome = new BuiltinConnector(fabrics, lookup, registry).connect(request);

        assertThat(outcome).isInstanceOf(ConnectOutcome.Connected.class);
        assertThat(Files.exists(devid)).isFalse();
        assertThat(entry(NVME3)).containsEntry(AttributeName.OWNER, "nbft");
    }

    @Test
    void connectNeverPutsASecretIntoAMessage() throws Exception {
        String secret = ConnectCredentialsTest.HOST_SECRET;
        FabricsOptions withSecret = FabricsOptions.builder().set(FabricsOption.DHCHAP_SECRET, secret).build();
        Files.createDirectories(root.resolve("run"));
        Files.writeString(root.resolve("run/nvme"), "not a directory"); // registry fails: a warning
        fabrics.fail(Errno.EKEYREJECTED).reply("instance=1,cntlid=1");

        ConnectOutcome refused = connect(Optional.of("discoverd"), true, withSecret);
        ConnectOutcome connected = connect(Optional.of("discoverd"), true, withSecret);

        assertThat(fabrics.written).allSatisfy(s -> assertThat(s).contains("dhchap_secret=" + secret));
        for (ConnectOutcome outcome : new ConnectOutcome[] {refused, connected}) {
            assertThat(outcome.message()).doesNotContain(secret);
            assertThat(outcome.warnings()).noneMatch(w -> w.contains(secret));
            assertThat(outcome.toString()).doesNotContain(secret);
        }
        assertThat(connected.warnings()).hasSize(1);
    }
}
