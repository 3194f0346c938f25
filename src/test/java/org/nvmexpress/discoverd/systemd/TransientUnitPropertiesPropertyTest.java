package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.nvmexpress.discoverd.config.Connector;
import org.nvmexpress.discoverd.config.FabricsKey;
import org.nvmexpress.discoverd.config.Params;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * Whatever secrets a connection has, none reaches an argument or a text property (reference §15
 * item 32) or any other property: the built-in connector names them only as {@code LoadCredential}
 * paths under the credentials directory, whose root-only files hold exactly the secrets, and the
 * nvme-cli connector refuses the connection without quoting them.
 */
final class TransientUnitPropertiesPropertyTest {
    private static final StateScripts SCRIPTS = new StateScripts(StateScripts.RUNTIME_DIR, "/usr/sbin/nvme");
    private static final TransientUnitProperties PROPERTIES =
            new TransientUnitProperties(SCRIPTS, Duration.ofSeconds(300));
    private static final List<FabricsKey> SECRET_KEYS =
            List.of(FabricsKey.KXCHAP_SECRET, FabricsKey.KXCHAP_CTRL_SECRET, FabricsKey.TLS_KEY);

    @Provide
    Arbitrary<String> secrets() {
        // Long enough that no unrelated argument contains one by chance.
        return Arbitraries.strings().withCharRange('!', '~').ofMinLength(16).ofMaxLength(64);
    }

    @Provide
    Arbitrary<List<String>> threeSecrets() {
        return secrets().list().ofSize(3);
    }

    @Provide
    Arbitrary<Set<FabricsKey>> secretKeys() {
        return Arbitraries.of(SECRET_KEYS).set().ofMinSize(1).ofMaxSize(3);
    }

    @Property(tries = 300)
    void noPropertyHoldsASecretOnlyItsRootOnlyFileDoes(@ForAll("secretKeys") Set<FabricsKey> keys,
            @ForAll("threeSecrets") List<String> secrets, @ForAll Connector connector) throws IOException {
        Params params = Params.EMPTY.with(FabricsKey.KEEP_ALIVE_TMO, "5");
        List<String> used = new ArrayList<>();
        int i = 0;
        for (FabricsKey key : keys) {
            params = params.with(key, secrets.get(i));
            used.add(secrets.get(i++));
        }
        UnitRequest request = UnitFixtures.request(UnitFixtures.MAIN_VOL, Role.IOC, params);
        Connector resolved = connector == Connector.AUTO ? Connector.BUILTIN : connector;
        ConnectPlan plan = new ConnectCommands(resolved, "/usr/sbin/nvme", "/usr/bin/nvme-discoverctl", SCRIPTS)
                .plan(request);

        if (plan instanceof ConnectPlan.Refused refused) {
            assertThat(resolved).isEqualTo(Connector.NVME_CLI);
            assertThat(used).allSatisfy(secret -> assertThat(refused.reason()).doesNotContain(secret));
            return;
        }
        assertThat(resolved).isEqualTo(Connector.BUILTIN);
        List<UnitProperty> props = PROPERTIES.build(request, (ConnectPlan.Ready) plan);
        List<String> texts = texts(props);
        assertThat(texts).isNotEmpty();
        for (String secret : used) {
            assertThat(texts).noneMatch(text -> text.contains(secret) || text.contains(ExecCommand.literal(secret)));
        }
        PropertyValue.CredentialPaths credentials =
                (PropertyValue.CredentialPaths) props.get(props.size() - 1).value();
        assertThat(credentials.paths()).extracting(PropertyValue.CredentialPath::path).allSatisfy(path -> assertThat(path)
                .startsWith(SCRIPTS.credentialsRoot() + "/nvme-discoverd-c7f645736db2/"));
        assertThat(filesHold(request.unit(), ((ConnectPlan.Ready) plan).credentials(), credentials))
                .containsExactlyElementsOf(used);
    }

    /**
     * Writes the credentials as the unit manager does, under a temporary system root, checks the
     * modes and returns the files' contents in {@code LoadCredential}'s order.
     */
    private static List<String> filesHold(UnitName unit, List<Credential> secrets, PropertyValue.CredentialPaths paths)
            throws IOException {
        Path runtime = Files.createTempDirectory("creds");
        try {
            new CredentialFiles(runtime, SCRIPTS).write(unit, secrets);
            assertThat(mode(runtime.resolve(SCRIPTS.credentialsRoot().substring(1)))).isEqualTo("rwx------");
            assertThat(mode(runtime.resolve(SCRIPTS.credentialDir(unit).substring(1)))).isEqualTo("rwx------");
            List<String> contents = new ArrayList<>();
            for (PropertyValue.CredentialPath p : paths.paths()) {
                Path file = runtime.resolve(p.path().substring(1));
                assertThat(mode(file)).isEqualTo("rw-------");
                contents.add(Files.readString(file));
            }
            return contents;
        } finally {
            try (Stream<Path> tree = Files.walk(runtime)) {
                for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    /** Every string of every property: names, texts, lists, paths and arguments; no other kind of value exists. */
    private static List<String> texts(List<UnitProperty> props) {
        List<String> out = new ArrayList<>();
        for (UnitProperty p : props) {
            out.add(p.name());
            if (p.value() instanceof PropertyValue.Text text) {
                out.add(text.value());
            } else if (p.value() instanceof PropertyValue.TextList list) {
                out.addAll(list.values());
            } else if (p.value() instanceof PropertyValue.Commands commands) {
                commands.commands().forEach(c -> {
                    out.add(c.path());
                    out.addAll(c.argv());
                });
            } else if (p.value() instanceof PropertyValue.CredentialPaths credentials) {
                credentials.paths().forEach(c -> {
                    out.add(c.id());
                    out.add(c.path());
                });
            } else if (!(p.value() instanceof PropertyValue.Flag) && !(p.value() instanceof PropertyValue.UInt64)) {
                throw new AssertionError("a property type this test does not search: " + p.value().signature());
            }
        }
        return out;
    }
}
