package org.nvmexpress.discoverd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nvmexpress.discoverd.registry.AttributeName;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.registry.Registry;
import picocli.CommandLine;

/**
 * {@code nvme-discoverctl registry retrieve|update|delete}: the cases of nvme-cli's CLI test (reference
 * §14.2), prompts, and bad input. {@code list} is in {@link RegistryListCommandTest}.
 */
final class RegistryCommandTest {
    private static final DeviceName NVME3 = new DeviceName("nvme3");

    @TempDir
    Path root;

    private Registry registry;
    private CommandRunner cli;

    @BeforeEach
    void setUp() {
        registry = new Registry(root);
        cli = runner(script());
    }

    /** A runner whose registry command asks {@code prompter}. */
    private static CommandRunner runner(UserSession session) {
        return new CommandRunner(new SessionFactory(session));
    }

    /** Nobody at a terminal: a script, stdin redirected. */
    private static FakeUserSession script() {
        return new FakeUserSession();
    }

    /** A user at a terminal who types {@code answers}, one per prompt; end of input after them. */
    private static FakeUserSession user(String... answers) {
        FakeUserSession user = new FakeUserSession().types(answers);
        user.terminal = true;
        return user;
    }

    private int registry(CommandRunner runner, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "registry";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--root";
        all[args.length + 2] = root.toString();
        return runner.run(all);
    }

    private int registry(String... args) {
        return registry(cli, args);
    }

    @Test
    void retrievePrintsTheValue() throws Exception {
        registry.update(NVME3, AttributeName.OWNER, "discoverd");
        assertThat(registry("retrieve", "nvme3", "--attr", "owner")).isZero();
        assertThat(cli.out()).isEqualTo("discoverd\n");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void retrieveAcceptsTheDevPathAndTheShortOption() throws Exception {
        registry.update(NVME3, AttributeName.OWNER, "stas");
        assertThat(registry("retrieve", "/dev/nvme3", "-a", "owner")).isZero();
        assertThat(cli.out()).isEqualTo("stas\n");
    }

    @Test
    void retrieveRequiresTheAttribute() {
        assertThat(registry("retrieve", "nvme3")).isEqualTo(2);
        assertThat(cli.err()).startsWith("nvme-discoverctl registry retrieve: Missing required option: '--attr=ATTR'\n");
    }

    @Test
    void retrieveRequiresTheDevice() {
        assertThat(registry("retrieve", "-a", "owner")).isEqualTo(2);
        assertThat(cli.err()).startsWith("nvme-discoverctl registry retrieve: Missing required parameter: 'DEVICE'\n");
    }

    @Test
    void retrieveOfAMissingDeviceOrAttributeFails() throws Exception {
        assertThat(registry("retrieve", "nvme3", "-a", "owner")).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("nvme3: not registered or 'owner' not found\n");
        registry.update(NVME3, AttributeName.OWNER, "stas");
        CommandRunner again = runner(script());
        assertThat(registry(again, "retrieve", "nvme3", "-a", "note")).isEqualTo(1);
        assertThat(again.err()).isEqualTo("nvme3: not registered or 'note' not found\n");
        assertThat(again.out()).isEmpty();
    }

    @Test
    void updateCreatesAndOverwrites() throws Exception {
        assertThat(registry("update", "nvme3", "-a", "note", "-V", "first value")).isZero();
        assertThat(registry.retrieve(NVME3, new AttributeName("note"))).hasValue("first value");
        assertThat(registry("update", "/dev/nvme3", "--attr", "note", "--value", "second \"value\"")).isZero();
        assertThat(registry.retrieve(NVME3, new AttributeName("note"))).hasValue("second \"value\"");
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void updateRequiresAttributeAndValue() {
        assertThat(registry("update", "nvme3", "-a", "note")).isEqualTo(2);
        assertThat(cli.err()).startsWith("nvme-discoverctl registry update: Missing required option: '--value=VALUE'\n");
        CommandRunner again = runner(script());
        assertThat(registry(again, "update", "nvme3", "-V", "x")).isEqualTo(2);
        assertThat(again.err()).startsWith("nvme-discoverctl registry update: Missing required option: '--attr=ATTR'\n");
        assertThat(Files.exists(registry.directory())).isFalse();
    }

    @Test
    void updateKeepsHelpAndVersionWhileDashCapitalVIsTheValue() {
        assertThat(cli.run("registry", "update", "--help")).isZero();
        assertThat(cli.out()).contains("-V, --value=VALUE").contains("-h, --help").contains("--version");
        CommandRunner version = runner(script());
        assertThat(version.run("registry", "update", "--version")).isZero();
        assertThat(version.out()).startsWith("nvme-discoverctl ");
    }

    @Test
    void ownerUpdateFromAScriptProceedsWithoutAsking() throws Exception {
        FakeUserSession script = script();
        registry.create(NVME3, "discoverd");
        CommandRunner runner = runner(script);
        assertThat(registry(runner, "update", "nvme3", "-a", "owner", "-V", "stas")).isZero();
        assertThat(registry.retrieve(NVME3, AttributeName.OWNER)).hasValue("stas");
        assertThat(runner.out()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"y", "Y", " y "})
    void ownerUpdateAtATerminalProceedsOnYes(String answer) throws Exception {
        registry.update(NVME3, AttributeName.OWNER, "discoverd");
        FakeUserSession user = user(answer);
        CommandRunner terminal = runner(user);
        assertThat(registry(terminal, "update", "nvme3", "-a", "owner", "-V", "stas")).isZero();
        assertThat(registry.retrieve(NVME3, AttributeName.OWNER)).hasValue("stas");
        assertThat(terminal.out()).isEqualTo("Change the owner of nvme3 from 'discoverd' to 'stas'? [y/N] ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "n", "N", "yes", "no"})
    void ownerUpdateAtATerminalAbortsOnAnythingElse(String answer) throws Exception {
        registry.update(NVME3, AttributeName.OWNER, "discoverd");
        CommandRunner terminal = runner(user(answer));
        assertThat(registry(terminal, "update", "nvme3", "-a", "owner", "-V", "stas")).isZero();
        assertThat(terminal.out()).isEqualTo("Change the owner of nvme3 from 'discoverd' to 'stas'? [y/N] Aborted.\n");
        assertThat(registry.retrieve(NVME3, AttributeName.OWNER)).hasValue("discoverd");
    }

    @Test
    void ownerUpdateAtATerminalAbortsAtEndOfInput() throws Exception {
        FakeUserSession user = user();
        CommandRunner terminal = runner(user);
        assertThat(registry(terminal, "update", "nvme3", "-a", "owner", "-V", "stas")).isZero();
        assertThat(terminal.out()).isEqualTo("Set the owner of nvme3 to 'stas'? [y/N] Aborted.\n");
        assertThat(Files.exists(registry.directory())).isFalse();
    }

    @Test
    void otherAttributesAreUpdatedWithoutAsking() throws Exception {
        FakeUserSession user = user();
        CommandRunner terminal = runner(user);
        assertThat(registry(terminal, "update", "nvme3", "-a", "note", "-V", "x")).isZero();
        assertThat(terminal.out()).isEmpty();
        assertThat(registry.retrieve(NVME3, new AttributeName("note"))).hasValue("x");
    }

    @Test
    void deleteRemovesTheEntry() throws Exception {
        registry.create(NVME3, "discoverd");
        assertThat(registry("delete", "/dev/nvme3")).isZero();
        assertThat(registry.retrieve(NVME3, AttributeName.OWNER)).isEmpty();
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void deleteOfANonexistentEntryFails() {
        assertThat(registry("delete", "nvme3")).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("nvme3: not registered\n");
    }

    @Test
    void deleteOfOneAttributeKeepsTheRest() throws Exception {
        registry.update(NVME3, AttributeName.OWNER, "stas");
        registry.update(NVME3, new AttributeName("note"), "n");
        assertThat(registry("delete", "nvme3", "-a", "note")).isZero();
        assertThat(registry.entry(NVME3).attributes()).containsOnlyKeys(AttributeName.OWNER);
        CommandRunner again = runner(script());
        assertThat(registry(again, "delete", "nvme3", "--attr", "note")).isEqualTo(1);
        assertThat(again.err()).isEqualTo("nvme3: not registered or 'note' not found\n");
    }

    @Test
    void deleteAtATerminalAsksForTheEntryAndTheOwnerOnly() throws Exception {
        registry.create(NVME3, "discoverd");
        registry.update(NVME3, new AttributeName("note"), "n");
        CommandRunner terminal = runner(user("N", "y", "Y"));
        assertThat(registry(terminal, "delete", "nvme3")).isZero();
        assertThat(registry.retrieve(NVME3, AttributeName.OWNER)).hasValue("discoverd");
        assertThat(registry(terminal, "delete", "nvme3", "-a", "note")).isZero();
        assertThat(registry(terminal, "delete", "nvme3", "-a", "owner")).isZero();
        assertThat(registry.entry(NVME3).attributes()).isEmpty();
        assertThat(registry(terminal, "delete", "nvme3")).isZero();
        assertThat(Files.exists(registry.directory().resolve("nvme3"))).isFalse();
        assertThat(terminal.out()).isEqualTo(
                "Delete the registry entry of nvme3 (owner 'discoverd')? [y/N] Aborted.\n"
                + "Delete the owner of nvme3 (owner 'discoverd')? [y/N] "
                + "Delete the registry entry of nvme3? [y/N] ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nvme1/../../etc", "../nvme1", "nvme", "nvme1a", "/dev/../nvme1", "/dev/"})
    void badDeviceNamesAreUsageErrors(String device) throws IOException {
        assertThat(registry("update", device, "-a", "owner", "-V", "x")).isEqualTo(2);
        String name = device.startsWith("/dev/") ? device.substring(5) : device;
        assertThat(cli.err()).startsWith("nvme-discoverctl registry update: Invalid value for positional parameter at index 0"
                + " (DEVICE): invalid device name '" + name + "': expected 'nvme' followed by up to 10 digits, e.g. nvme3\n");
        assertThat(root).isEmptyDirectory();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b", "..", "", ".hidden"})
    void badAttributeNamesAreUsageErrors(String attribute) throws IOException {
        assertThat(registry("retrieve", "nvme3", "-a", attribute)).isEqualTo(2);
        assertThat(cli.err()).startsWith("nvme-discoverctl registry retrieve: Invalid value for option '--attr': invalid"
                + " attribute name '" + attribute + "': expected 1 to 200 of the characters A-Z a-z 0-9 _ -\n");
        assertThat(root).isEmptyDirectory();
    }

    @Test
    void aValueWithALineBreakIsAUsageError() throws IOException {
        assertThat(registry("update", "nvme3", "-a", "note", "-V", "two\nlines")).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("nvme-discoverctl registry update: nvme3: cannot store 'note': it contains a line break\n"
                + "Try 'nvme-discoverctl registry update --help' for more information.\n");
        assertThat(root).isEmptyDirectory();
    }

    @Test
    void aRegistryThatIsAFileIsAnOperationFailure() throws IOException {
        Path file = root.resolve("run/nvme/registry");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "");
        assertThat(registry("update", "nvme3", "-a", "note", "-V", "x")).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("nvme3: cannot update 'note': " + file + " is not a directory\n");
        CommandRunner list = runner(script());
        assertThat(registry(list, "list")).isEqualTo(1);
        assertThat(list.err()).isEqualTo("cannot list the registry: " + file + " is not a directory\n");
    }

    @Test
    void registryWithoutASubcommandIsAUsageError() {
        assertThat(cli.run("registry")).isEqualTo(2);
        assertThat(cli.err()).startsWith("nvme-discoverctl registry: a subcommand is required: list, retrieve, update, delete\n");
    }
}
