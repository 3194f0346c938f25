package org.nvmexpress.discoverd.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.ini.IniReader;
import org.nvmexpress.discoverd.tid.Role;

/**
 * The parameter cascade of reference §8.6, through the loader: main file's type defaults, the
 * file's own type defaults, its {@code [Host]}, the endpoint section, the controller line; and the
 * scopes for discovered controllers.
 */
final class CascadeTest {
    private static final String SECRET = "DHHC-1:00:c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0:";

    /** The main file of reference §14.4's full cascade case. */
    private static final String CASCADE_MAIN = """
            [Discovery Controller Defaults]
            keep-alive-tmo = 30
            ctrl-loss-tmo = 600
            reconnect-delay = 10
            tos = 1
            [I/O Controller Defaults]
            keep-alive-tmo = 5
            ctrl-loss-tmo = 600
            reconnect-delay = 10
            tos = 1
            [Host]
            hostnqn = nqn.2014-08.org.nvmexpress:main-host
            [Subsystem]
            nqn = nqn.2014-08.org.nvmexpress:main-vol
            controller = transport=tcp;traddr=192.0.2.1;trsvcid=4420
            """;

    /** Its persona drop-in, {@code 10-prod.conf}. */
    private static final String CASCADE_PROD = """
            [Discovery Controller Defaults]
            tos = 7
            [I/O Controller Defaults]
            tos = 7
            [Host]
            hostnqn = nqn.2014-08.org.nvmexpress:prod-host
            hostid = 46ba5037-7ce5-41fa-9452-48477bf00080
            kxchap-secret = %s
            [Discovery Controller]
            controller = transport=tcp;traddr=10.0.0.5;trsvcid=8009
            [Subsystem]
            nqn = nqn.2014-08.org.nvmexpress:prod-vol
            ctrl-loss-tmo = 1800
            reconnect-delay =
            controller = transport=tcp;traddr=10.0.0.9;keep-alive-tmo=99
            controller = transport=tcp;traddr=10.0.0.10
            """.formatted(SECRET);

    @TempDir
    Path dir;

    private FabricsTree tree;

    @BeforeEach
    void createTree() {
        tree = new FabricsTree(dir);
    }

    private FabricsConfig cascadeFixture() throws IOException {
        tree.main(CASCADE_MAIN);
        tree.dropIn("10-prod.conf", CASCADE_PROD);
        FabricsConfig config = tree.load();
        assertThat(config.diagnostics()).isEmpty();
        return config;
    }

    @Test
    void fullCascadeHasFourConnectionsMainFileFirst() throws IOException {
        FabricsConfig config = cascadeFixture();
        assertThat(tree.sources(config)).containsExactly("nvme-fabrics.conf:15", "nvme-fabrics.conf.d/10-prod.conf:10",
                "nvme-fabrics.conf.d/10-prod.conf:15", "nvme-fabrics.conf.d/10-prod.conf:16");
        assertThat(config.connections()).extracting(ResolvedConnection::role)
                .containsExactly(Role.IOC, Role.DC, Role.IOC, Role.IOC);
    }

    @Test
    void fullCascadeMainSubsystemHasTheMainPersonaAndIocDefaults() throws IOException {
        ResolvedConnection mainVol = cascadeFixture().connections().get(0);
        assertThat(mainVol.nqn()).isEqualTo("nqn.2014-08.org.nvmexpress:main-vol");
        assertThat(mainVol.hostnqn()).isEqualTo("nqn.2014-08.org.nvmexpress:main-host");
        assertThat(mainVol.hostid()).isNull();
        assertThat(mainVol.params()).hasToString("[keep-alive-tmo=5, ctrl-loss-tmo=600, reconnect-delay=10, tos=1]");
        assertThat(mainVol.dlpDcParams()).isEqualTo(Params.EMPTY);
        assertThat(mainVol.dlpIocParams()).isEqualTo(Params.EMPTY);
    }

    @Test
    void fullCascadeDropInDcHasTheWellKnownNqnItsPersonaAndOverlaidDefaults() throws IOException {
        ResolvedConnection dc = cascadeFixture().connections().get(1);
        assertThat(dc.nqn()).isEqualTo("nqn.2014-08.org.nvmexpress.discovery");
        assertThat(dc.hostnqn()).isEqualTo("nqn.2014-08.org.nvmexpress:prod-host");
        assertThat(dc.hostid()).isEqualTo("46ba5037-7ce5-41fa-9452-48477bf00080");
        assertThat(dc.params())
                .as("main DC defaults, tos overlaid in place by the drop-in's, [Host]'s secret appended")
                .hasToString("[keep-alive-tmo=30, ctrl-loss-tmo=600, reconnect-delay=10, tos=7, kxchap-secret=<secret>]");
        assertThat(dc.params().get(FabricsKey.KXCHAP_SECRET)).contains(SECRET);
    }

    @Test
    void fullCascadeDcCarriesTheScopesForWhatItDiscovers() throws IOException {
        ResolvedConnection dc = cascadeFixture().connections().get(1);
        assertThat(dc.dlpIocParams())
                .hasToString("[keep-alive-tmo=5, ctrl-loss-tmo=600, reconnect-delay=10, tos=7, kxchap-secret=<secret>]");
        assertThat(dc.dlpDcParams())
                .hasToString("[keep-alive-tmo=30, ctrl-loss-tmo=600, reconnect-delay=10, tos=7, kxchap-secret=<secret>]");
    }

    @Test
    void fullCascadePathsTakeEndpointOverridesPerPathOverridesAndResets() throws IOException {
        List<ResolvedConnection> c = cascadeFixture().connections();
        assertThat(c.get(2).nqn()).isEqualTo("nqn.2014-08.org.nvmexpress:prod-vol");
        assertThat(c.get(2).params())
                .hasToString("[keep-alive-tmo=99, ctrl-loss-tmo=1800, reconnect-delay=, tos=7, kxchap-secret=<secret>]");
        assertThat(c.get(3).params())
                .hasToString("[keep-alive-tmo=5, ctrl-loss-tmo=1800, reconnect-delay=, tos=7, kxchap-secret=<secret>]");
        assertThat(c.get(2).params().get(FabricsKey.RECONNECT_DELAY)).as("a reset is recorded as \"\"").contains("");
    }

    @Test
    void fullCascadeTopLevelScopeIsTheMainFileOnly() throws IOException {
        FabricsConfig config = cascadeFixture();
        assertThat(config.topIocParams()).hasToString("[keep-alive-tmo=5, ctrl-loss-tmo=600, reconnect-delay=10, tos=1]");
        assertThat(config.topDcParams()).hasToString("[keep-alive-tmo=30, ctrl-loss-tmo=600, reconnect-delay=10, tos=1]");
    }

    @Test
    void eachLayerOutranksTheOneBelowAndHostOutranksTheTypeDefaults() throws IOException {
        tree.main("""
                [I/O Controller Defaults]
                tos = 1
                nr-io-queues = 1
                queue-size = 1
                keep-alive-tmo = 1
                [Host]
                nr-io-queues = 2
                queue-size = 2
                keep-alive-tmo = 2
                [Subsystem]
                nqn = nqn.2014-08.org.nvmexpress:v
                queue-size = 3
                keep-alive-tmo = 3
                controller = transport=tcp;traddr=10.0.0.1;keep-alive-tmo=4
                """);
        assertThat(tree.load().connections().get(0).params())
                .hasToString("[tos=1, nr-io-queues=2, queue-size=3, keep-alive-tmo=4]");
    }

    @Test
    void keysNewAtAHigherLayerFollowTheInheritedOnesInInsertionOrder() throws IOException {
        tree.main("[I/O Controller Defaults]\nctrl-loss-tmo = 600\n[Host]\nhdr-digest = yes\n[Subsystem]\n"
                + "nqn = nqn.2014-08.org.nvmexpress:v\ndata-digest = yes\nctrl-loss-tmo = 60\n"
                + "controller = transport=tcp;traddr=10.0.0.1;fast-io-fail-tmo=5;hdr-digest=no\n");
        assertThat(tree.load().connections().get(0).params())
                .hasToString("[ctrl-loss-tmo=60, hdr-digest=no, data-digest=yes, fast-io-fail-tmo=5]");
    }

    @Test
    void aResetAtAHigherLayerOmitsAnInheritedValueAndALaterValueRestoresIt() throws IOException {
        tree.main("[I/O Controller Defaults]\ntos = 1\nctrl-loss-tmo = 600\n[Subsystem]\nnqn = nqn.2014-08.org.nvmexpress:v\n"
                + "tos =\nctrl-loss-tmo =\ncontroller = transport=tcp;traddr=10.0.0.1;ctrl-loss-tmo=900\n");
        assertThat(tree.load().connections().get(0).params()).hasToString("[tos=, ctrl-loss-tmo=900]");
    }

    @Test
    void aDropInsDefaultsAffectOnlyThatDropIn() throws IOException {
        tree.main("[I/O Controller Defaults]\ntos = 1\n[Subsystem]\nnqn = nqn.2014-08.org.nvmexpress:m\n"
                + "controller = transport=tcp;traddr=10.0.0.1\n");
        tree.dropIn("a.conf", "[I/O Controller Defaults]\ntos = 7\nkeep-alive-tmo = 9\n[Subsystem]\n"
                + "nqn = nqn.2014-08.org.nvmexpress:a\ncontroller = transport=tcp;traddr=10.0.0.2\n");
        tree.dropIn("b.conf", "[Subsystem]\nnqn = nqn.2014-08.org.nvmexpress:b\ncontroller = transport=tcp;traddr=10.0.0.3\n");
        FabricsConfig config = tree.load();
        assertThat(config.connections()).extracting(c -> c.params().toString())
                .containsExactly("[tos=1]", "[tos=7, keep-alive-tmo=9]", "[tos=1]");
        assertThat(config.topIocParams()).hasToString("[tos=1]");
    }

    @Test
    void theMainHostReachesTheTopLevelScopeButNotTheDropIns() throws IOException {
        tree.main("[Discovery Controller Defaults]\ntos = 1\n[Host]\ntls = yes\n");
        tree.dropIn("a.conf", "[Host]\nhostnqn = nqn.2014-08.org.nvmexpress:a\nconcat = yes\n[Discovery Controller]\n"
                + "controller = transport=tcp;traddr=10.0.0.2\n");
        FabricsConfig config = tree.load();
        assertThat(config.topDcParams()).hasToString("[tos=1, tls=yes]");
        assertThat(config.topIocParams()).hasToString("[tls=yes]");
        assertThat(config.connections().get(0).params()).hasToString("[tos=1, concat=yes]");
        assertThat(config.connections().get(0).hostnqn()).isEqualTo("nqn.2014-08.org.nvmexpress:a");
    }

    @Test
    void aDcsDiscoveredScopesNeverIncludeItsOwnSectionOrLineOverrides() throws IOException {
        tree.main("[Discovery Controller Defaults]\nkeep-alive-tmo = 30\n[I/O Controller Defaults]\nkeep-alive-tmo = 5\n"
                + "[Discovery Controller]\nkeep-alive-tmo = 60\npersistent = no\n"
                + "controller = transport=tcp;traddr=10.0.0.5;keep-alive-tmo=90;persistent=force\n");
        ResolvedConnection dc = tree.load().connections().get(0);
        assertThat(dc.params()).hasToString("[keep-alive-tmo=90, persistent=force]");
        assertThat(dc.dlpDcParams()).hasToString("[keep-alive-tmo=30]");
        assertThat(dc.dlpIocParams()).hasToString("[keep-alive-tmo=5]");
    }

    @Test
    void aRejectedMainFileContributesNoDefaults() throws IOException {
        tree.main("[I/O Controller Defaults]\ntos = 1\n[Discovery Controller Defaults]\ntos = 2\nbroken\n");
        tree.dropIn("a.conf", "[Subsystem]\nnqn = nqn.2014-08.org.nvmexpress:a\ncontroller = transport=tcp;traddr=10.0.0.2\n");
        FabricsConfig config = tree.load();
        assertThat(config.connections()).singleElement().extracting(ResolvedConnection::params).isEqualTo(Params.EMPTY);
        assertThat(config.topDcParams()).isEqualTo(Params.EMPTY);
        assertThat(config.topIocParams()).isEqualTo(Params.EMPTY);
    }

    @Test
    void cascadeOfAFileWithoutMainUsesOnlyThatFile() {
        FabricsFile dropIn = FabricsFileParser.parse(IniReader.parse("d.conf",
                "[I/O Controller Defaults]\ntos = 3\n[Subsystem]\nnqn = nqn.2014-08.org.nvmexpress:a\n"
                        + "controller = transport=tcp;traddr=10.0.0.2\n")).file();
        Cascade cascade = new Cascade(null);
        assertThat(cascade.base(dropIn, Role.IOC)).hasToString("[tos=3]");
        assertThat(cascade.base(null, Role.IOC)).isEqualTo(Params.EMPTY);
        assertThat(cascade.resolve(dropIn)).singleElement().extracting(ResolvedConnection::source).isEqualTo("d.conf:5");
    }
}
