package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.nvmexpress.discoverd.config.Connector;
import org.nvmexpress.discoverd.config.FabricsKey;
import org.nvmexpress.discoverd.config.Params;
import org.nvmexpress.discoverd.tid.Role;

/**
 * Whatever secrets a connection has, none reaches an argument or a text property (reference §15
 * item 32): the built-in connector carries them only as {@code SetCredential} bytes, and the nvme-cli
 * connector refuses the connection without quoting them.
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
    void noArgumentOrTextPropertyHoldsASecret(@ForAll("secretKeys") Set<FabricsKey> keys,
            @ForAll("threeSecrets") List<String> secrets, @ForAll Connector connector) {
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
        PropertyValue.Credentials credentials = (PropertyValue.Credentials) props.get(props.size() - 1).value();
        assertThat(credentials.credentials()).extracting(c -> new String(c.data(), StandardCharsets.UTF_8))
                .containsExactlyElementsOf(used);
    }

    /** Every string of every property: names, texts, lists, paths and arguments. */
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
            } else if (p.value() instanceof PropertyValue.Credentials credentials) {
                credentials.credentials().forEach(c -> out.add(c.id()));
            }
        }
        return out;
    }
}
