package org.nvmexpress.discoverd.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.ini.Diagnostic;
import org.nvmexpress.discoverd.tid.Role;

/** The loaded configuration: the scopes for discovered controllers (reference §8.6) and the findings. */
final class FabricsConfigTest {
    @TempDir
    Path dir;

    private FabricsConfig readFixture() throws IOException {
        FabricsConfig config = new FabricsTree(dir).loadReadFixture();
        assertThat(config.connections()).extracting(ResolvedConnection::role).containsExactly(Role.DC, Role.IOC, Role.IOC);
        return config;
    }

    @Test
    void anIocDiscoveredThroughAConfiguredDcGetsThatDcsFileScope() throws IOException {
        FabricsConfig config = readFixture();
        assertThat(config.resolveDiscovered(config.connections().get(0), Role.IOC)).hasValueSatisfying(p ->
                assertThat(p).as("the IOC defaults, not the subsystem's tls").hasToString("[ctrl-loss-tmo=600, keep-alive-tmo=5]"));
    }

    @Test
    void aReferralThroughAConfiguredDcGetsTheDcDefaultsScope() throws IOException {
        FabricsConfig config = readFixture();
        assertThat(config.resolveDiscovered(config.connections().get(0), Role.DC))
                .hasValueSatisfying(p -> assertThat(p).hasToString("[ctrl-loss-tmo=600, keep-alive-tmo=30]"));
    }

    @Test
    void withoutAConfiguredOriginTheTopLevelScopeApplies() throws IOException {
        FabricsConfig config = readFixture();
        assertThat(config.resolveDiscovered(null, Role.DC))
                .hasValueSatisfying(p -> assertThat(p).hasToString("[ctrl-loss-tmo=600, keep-alive-tmo=30]"));
        assertThat(config.resolveDiscovered(null, Role.IOC))
                .hasValueSatisfying(p -> assertThat(p).hasToString("[ctrl-loss-tmo=600, keep-alive-tmo=5]"));
    }

    @Test
    void anIoControllerIsNeverADiscoveryOrigin() throws IOException {
        FabricsConfig config = readFixture();
        assertThat(config.resolveDiscovered(config.connections().get(1), Role.IOC)).isEmpty();
        assertThat(config.resolveDiscovered(config.connections().get(2), Role.DC)).isEmpty();
    }

    @Test
    void aDropInDcsScopeHasItsFilesDefaultsAndPersonaParameters(@TempDir Path other) throws IOException {
        FabricsTree tree = new FabricsTree(other);
        tree.main("[I/O Controller Defaults]\nkeep-alive-tmo = 5\n");
        tree.dropIn("t.conf", "[Host]\nhostnqn = nqn.2014-08.org.nvmexpress:t\ntls = yes\n[I/O Controller Defaults]\n"
                + "tos = 7\n[Discovery Controller]\nkeep-alive-tmo = 60\ncontroller = transport=tcp;traddr=10.0.0.5\n");
        FabricsConfig config = tree.load();
        assertThat(config.resolveDiscovered(config.connections().get(0), Role.IOC))
                .hasValueSatisfying(p -> assertThat(p).hasToString("[keep-alive-tmo=5, tos=7, tls=yes]"));
        assertThat(config.resolveDiscovered(null, Role.IOC))
                .hasValueSatisfying(p -> assertThat(p).hasToString("[keep-alive-tmo=5]"));
    }

    @Test
    void errorsAndWarningsSplitTheDiagnosticsInOrder() {
        Diagnostic w1 = Diagnostic.warning("a", 1, "w1");
        Diagnostic e1 = Diagnostic.error("a", 2, "e1");
        Diagnostic w2 = Diagnostic.warning("b", 1, "w2");
        FabricsConfig config = new FabricsConfig(List.of("a", "b"), List.of("a"), List.of(w1, e1, w2), List.of(),
                Params.EMPTY, Params.EMPTY);
        assertThat(config.errors()).containsExactly(e1);
        assertThat(config.warnings()).containsExactly(w1, w2);
        assertThat(config.hasErrors()).isTrue();
        assertThat(FabricsConfig.EMPTY.hasErrors()).isFalse();
    }

    @Test
    void itsListsAreImmutableCopies() {
        List<String> files = new ArrayList<>(List.of("a"));
        FabricsConfig config = new FabricsConfig(files, List.of(), List.of(), List.of(), Params.EMPTY, Params.EMPTY);
        files.add("b");
        assertThat(config.files()).containsExactly("a");
        assertThatThrownBy(() -> config.connections().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
