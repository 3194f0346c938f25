package org.nvmexpress.discoverd.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.tid.Role;

/**
 * Which files the loader reads and how it combines them (reference §8.2, §8.6): the main file, its
 * drop-ins in byte order, the connection order, and our deliberate difference from libnvme: a file
 * with an error is left out on its own while the others still apply. Unreadable input is in
 * {@link FabricsConfigLoaderBadInputTest}.
 */
final class FabricsConfigLoaderTest {
    private static final String MAIN_OK = "[Subsystem]\nnqn = nqn.2014-08.org.nvmexpress:m\n"
            + "controller = transport=tcp;traddr=10.0.0.1\n";
    private static final String PERSONA_OK = "[Host]\nhostnqn = nqn.2014-08.org.nvmexpress:tenant\n[Subsystem]\n"
            + "nqn = nqn.2014-08.org.nvmexpress:t\ncontroller = transport=tcp;traddr=10.0.0.2\n";

    @TempDir
    Path dir;

    private FabricsTree tree;

    @BeforeEach
    void createTree() {
        tree = new FabricsTree(dir);
    }

    private static String subsystem(int n) {
        return "[Subsystem]\nnqn = nqn.2014-08.org.nvmexpress:v" + n + "\ncontroller = transport=tcp;traddr=10.0.0." + n + "\n";
    }

    private List<String> files(FabricsConfig config) {
        return config.files().stream().map(tree::relative).toList();
    }

    @Test
    void nothingOnDiskIsAnEmptyConfiguration() {
        FabricsConfig config = tree.load();
        assertThat(config).isEqualTo(FabricsConfig.EMPTY);
        assertThat(config.hasErrors()).isFalse();
    }

    @Test
    void anEmptyDropInDirectoryWithoutMainIsEmptyToo() throws IOException {
        Files.createDirectories(tree.dropInDir());
        assertThat(tree.load()).isEqualTo(FabricsConfig.EMPTY);
    }

    @Test
    void dropInsWithoutAMainFileAreRead() throws IOException {
        tree.dropIn("a.conf", subsystem(1));
        FabricsConfig config = tree.load();
        assertThat(files(config)).containsExactly("nvme-fabrics.conf.d/a.conf");
        assertThat(tree.sources(config)).containsExactly("nvme-fabrics.conf.d/a.conf:3");
    }

    @Test
    void dropInsAreConfFilesWithAStemInByteOrder() throws IOException {
        String[] names = {"b.conf", "B.conf", "10-x.conf", "9-x.conf", "a.conf", "a-b.conf", "é.conf", "z.conf",
            ".hidden.conf", ".conf", "x.conf.bak", "x.CONF", "x.conf~", "conf", "xconf"};
        for (int i = 0; i < names.length; i++) {
            tree.dropIn(names[i], subsystem(i + 1));
        }
        tree.main(subsystem(100));
        FabricsConfig config = tree.load();
        assertThat(files(config)).containsExactly("nvme-fabrics.conf", "nvme-fabrics.conf.d/.hidden.conf",
                "nvme-fabrics.conf.d/10-x.conf", "nvme-fabrics.conf.d/9-x.conf", "nvme-fabrics.conf.d/B.conf",
                "nvme-fabrics.conf.d/a-b.conf", "nvme-fabrics.conf.d/a.conf", "nvme-fabrics.conf.d/b.conf",
                "nvme-fabrics.conf.d/z.conf", "nvme-fabrics.conf.d/é.conf");
        assertThat(config.connections()).extracting(ResolvedConnection::traddr).containsExactly("10.0.0.100",
                "10.0.0.9", "10.0.0.3", "10.0.0.4", "10.0.0.2", "10.0.0.6", "10.0.0.5", "10.0.0.1", "10.0.0.8", "10.0.0.7");
    }

    @Test
    void anExplicitMainPathDerivesItsOwnDropInDirectory() throws IOException {
        Path main = Files.writeString(dir.resolve("other.conf"), subsystem(1));
        Files.createDirectories(dir.resolve("other.conf.d"));
        Files.writeString(dir.resolve("other.conf.d/x.conf"), subsystem(2));
        tree.dropIn("ignored.conf", subsystem(3));
        assertThat(FabricsConfigLoader.load(main).connections()).extracting(ResolvedConnection::traddr)
                .containsExactly("10.0.0.1", "10.0.0.2");
    }

    @Test
    void theReadFixtureResolvesToThreeConnectionsInFileOrder() throws IOException {
        FabricsConfig config = tree.loadReadFixture();
        assertThat(config.diagnostics()).isEmpty();
        assertThat(tree.sources(config)).containsExactly("nvme-fabrics.conf:8", "nvme-fabrics.conf:13",
                "nvme-fabrics.conf.d/10-prod.conf:8");
        assertThat(config.connections()).extracting(ResolvedConnection::role).containsExactly(Role.DC, Role.IOC, Role.IOC);
        ResolvedConnection dc = config.connections().get(0);
        assertThat(List.of(dc.transport(), dc.traddr(), dc.trsvcid(), dc.nqn()))
                .containsExactly("tcp", "10.0.0.5", "8009", "nqn.2014-08.org.nvmexpress.discovery");
    }

    @Test
    void theReadFixtureKeepsEachFilesPersona() throws IOException {
        List<ResolvedConnection> c = tree.loadReadFixture().connections();
        assertThat(c.get(1).hostnqn()).as("main persona left to the system default").isNull();
        assertThat(c.get(1).hostsymname()).isNull();
        assertThat(c.get(2).nqn()).isEqualTo("nqn.2014-08.org.nvmexpress:prod-vol");
        assertThat(c.get(2).hostnqn()).isEqualTo("nqn.2014-08.org.nvmexpress:prod-host");
        assertThat(c.get(2).hostid()).isEqualTo("46ba5037-7ce5-41fa-9452-48477bf00080");
        assertThat(c.get(2).hostsymname()).isEqualTo("prod");
    }

    @Test
    void theReadFixtureCascadesDefaultsSectionAndPath() throws IOException {
        List<ResolvedConnection> c = tree.loadReadFixture().connections();
        assertThat(c.get(1).params()).hasToString("[ctrl-loss-tmo=600, keep-alive-tmo=5, tls=true, data-digest=no]");
        assertThat(c.get(2).params()).hasToString("[ctrl-loss-tmo=1800, keep-alive-tmo=5, reconnect-delay=]");
    }

    @Test
    void aHostNameSurvivesTheCascadeVerbatim() throws IOException {
        tree.main("[Subsystem]\nnqn = nqn.2014-08.org.nvmexpress:vol1\ncontroller = transport=tcp;traddr=storage.example.com\n");
        FabricsConfig config = tree.load();
        assertThat(config.diagnostics()).isEmpty();
        assertThat(config.connections()).singleElement().extracting(ResolvedConnection::traddr)
                .isEqualTo("storage.example.com");
    }

    @Test
    void aBrokenDropInNeverDisablesTheMainFile() throws IOException {
        tree.main(MAIN_OK);
        tree.dropIn("99-bad.conf", "not a key value line\n");
        FabricsConfig config = tree.load();
        assertThat(tree.diagnostics(config)).containsExactly("nvme-fabrics.conf.d/99-bad.conf:1: error: malformed line:"
                + " 'not a key value line' (expected [Section], key = value or # comment)");
        assertThat(tree.rejected(config)).containsExactly("nvme-fabrics.conf.d/99-bad.conf");
        assertThat(tree.sources(config)).containsExactly("nvme-fabrics.conf:3");
    }

    @Test
    void aBrokenMainFileNeverDisablesAValidPersonaDropIn() throws IOException {
        tree.main("[I/O Controller Defaults]\nkeep-alive-tmo = 30   # DC default\n" + MAIN_OK);
        tree.dropIn("tenant.conf", PERSONA_OK);
        FabricsConfig config = tree.load();
        assertThat(tree.diagnostics(config)).containsExactly("nvme-fabrics.conf:2: error: inline comments are not"
                + " supported: value of 'keep-alive-tmo' is '30   # DC default'");
        assertThat(tree.rejected(config)).containsExactly("nvme-fabrics.conf");
        assertThat(config.connections()).singleElement().satisfies(c -> {
            assertThat(tree.relative(c.source())).isEqualTo("nvme-fabrics.conf.d/tenant.conf:5");
            assertThat(c.hostnqn()).isEqualTo("nqn.2014-08.org.nvmexpress:tenant");
        });
    }

    @Test
    void everyErrorOfEveryFileIsReportedInFileOrder() throws IOException {
        tree.main("tos = 1\n[Host]\n[Host]\n");
        tree.dropIn("a.conf", PERSONA_OK);
        tree.dropIn("b.conf", "[Subsystem]\ncontroller = transport=tcp;traddr=10.0.0.3;tls=yes\n");
        tree.dropIn("c.conf", "[Bogus]\n" + subsystem(4));
        FabricsConfig config = tree.load();
        assertThat(tree.diagnostics(config)).containsExactly(
                "nvme-fabrics.conf:1: error: key 'tos' outside any section",
                "nvme-fabrics.conf:3: error: second [Host] section (the first is at line 2); a file has one persona",
                "nvme-fabrics.conf.d/b.conf:1: error: [Subsystem] without nqn: every subsystem section names its NQN",
                "nvme-fabrics.conf.d/b.conf:2: error: security key 'tls' cannot be set per path: it belongs to the host"
                        + " and subsystem; set it in the section instead",
                "nvme-fabrics.conf.d/c.conf:1: warning: unknown section [Bogus] ignored");
        assertThat(tree.rejected(config)).containsExactly("nvme-fabrics.conf", "nvme-fabrics.conf.d/b.conf");
        assertThat(config.errors()).hasSize(4);
        assertThat(config.warnings()).hasSize(1);
        assertThat(tree.sources(config)).containsExactly("nvme-fabrics.conf.d/a.conf:5", "nvme-fabrics.conf.d/c.conf:4");
    }

    @Test
    void aConnectionWhoseAddressesFormNoTidIsSkippedWithAWarning() throws IOException {
        tree.main("[Subsystem]\nnqn = nqn.2014-08.org.nvmexpress:v\n"
                + "controller = transport=fc;traddr=nn-0x1;host-traddr=nn-0x2:pn-0x3\n"
                + "controller = transport=tcp;traddr=10.0.0.1;host-traddr=client.example\n"
                + "controller = transport=tcp;traddr=10.0.0.2\n");
        FabricsConfig config = tree.load();
        assertThat(tree.diagnostics(config)).containsExactly(
                "nvme-fabrics.conf:3: warning: connection skipped: traddr 'nn-0x1' is not an FC address of the form"
                        + " nn-0x<WWNN>:pn-0x<WWPN>",
                "nvme-fabrics.conf:4: warning: connection skipped: host-traddr 'client.example' is not a numeric IPv4 or"
                        + " IPv6 address (transport tcp)");
        assertThat(config.rejectedFiles()).isEmpty();
        assertThat(tree.sources(config)).containsExactly("nvme-fabrics.conf:5");
    }

    @Test
    void fcAndLoopConnectionsAreKept() throws IOException {
        tree.main("[Subsystem]\nnqn = nqn.2014-08.org.nvmexpress:v\n"
                + "controller = transport=fc;traddr=nn-0x200000109b123456,pn-0x100000109b123456\n"
                + "controller = transport=loop;traddr=anything\n");
        FabricsConfig config = tree.load();
        assertThat(config.diagnostics()).isEmpty();
        assertThat(config.connections()).hasSize(2);
    }
}
