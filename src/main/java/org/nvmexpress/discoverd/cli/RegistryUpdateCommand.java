package org.nvmexpress.discoverd.cli;

import java.util.concurrent.Callable;
import org.nvmexpress.discoverd.registry.AttributeName;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.registry.Registry;
import org.nvmexpress.discoverd.registry.RegistryException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nvme-discoverctl registry update DEVICE --attr ATTR --value VALUE}: set one attribute,
 * creating the entry if needed. Changing {@code owner} asks first when stdin is a terminal.
 */
@Command(name = "update",
        versionProvider = VersionProvider.class,
        description = {"Set one attribute of a controller's registry entry, creating the entry if needed.",
                "Setting 'owner' hands the controller to another orchestrator: asks first when stdin is a terminal."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:written, or aborted at the prompt", "1:the write failed",
                "2:usage error, bad name, or a value with a line break"})
final class RegistryUpdateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private RegistryCommand parent;

    // Not mixinStandardHelpOptions: its -V (version) would take nvme-cli's -V for --value.
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    @Option(names = "--version", versionHelp = true, description = "Print version information and exit.")
    private boolean version;

    @Mixin
    private RootOption root;

    @Parameters(paramLabel = "DEVICE", converter = RegistryNames.Device.class,
            description = "The controller: nvme3 or /dev/nvme3.")
    private DeviceName device;

    @Option(names = {"-a", "--attr"}, paramLabel = "ATTR", required = true, converter = RegistryNames.Attribute.class,
            description = "The attribute, e.g. owner.")
    private AttributeName attribute;

    @Option(names = {"-V", "--value"}, paramLabel = "VALUE", required = true,
            description = "The new value: one line of text.")
    private String value;

    @Override
    public Integer call() {
        Registry registry = new Registry(root.resolve("/"));
        try {
            if (attribute.equals(AttributeName.OWNER) && !parent.confirm(() -> question(registry), spec.commandLine().getOut())) {
                return 0;
            }
            registry.update(device, attribute, value);
        } catch (RegistryException e) {
            return RegistryCommand.fail(spec, e);
        }
        return 0;
    }

    private String question(Registry registry) throws RegistryException {
        return registry.retrieve(device, AttributeName.OWNER)
                .map(current -> "Change the owner of " + device + " from '" + current + "' to '" + value + "'?")
                .orElse("Set the owner of " + device + " to '" + value + "'?");
    }
}
