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
 * {@code nvme-discoverctl registry delete DEVICE [--attr ATTR]}: remove a whole entry, or one
 * attribute. Removing the entry or its {@code owner} asks first when stdin is a terminal.
 */
@Command(name = "delete",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Delete a controller's registry entry, or one attribute of it.",
                "Deleting the entry or its 'owner' leaves the controller unowned: asks first when stdin is a terminal."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:deleted, or aborted at the prompt", "1:not registered, no such attribute, or the delete failed",
                "2:usage error or bad name"})
final class RegistryDeleteCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private RegistryCommand parent;

    @Mixin
    private RootOption root;

    @Parameters(paramLabel = "DEVICE", converter = RegistryNames.Device.class,
            description = "The controller: nvme3 or /dev/nvme3.")
    private DeviceName device;

    @Option(names = {"-a", "--attr"}, paramLabel = "ATTR", converter = RegistryNames.Attribute.class,
            description = "Delete only this attribute instead of the whole entry.")
    private AttributeName attribute;

    @Override
    public Integer call() {
        Registry registry = new Registry(root.resolve("/"));
        try {
            if (attribute == null) {
                if (parent.confirm(() -> "Delete the registry entry of " + device + ownerNote(registry) + "?",
                        spec.commandLine().getOut())) {
                    registry.delete(device);
                }
            } else if (!attribute.equals(AttributeName.OWNER)
                    || parent.confirm(() -> "Delete the owner of " + device + ownerNote(registry) + "?",
                            spec.commandLine().getOut())) {
                registry.removeAttribute(device, attribute);
            }
        } catch (RegistryException e) {
            return RegistryCommand.fail(spec, e);
        }
        return 0;
    }

    /** " (owner 'discoverd')", so the user sees whose controller it is before answering. */
    private String ownerNote(Registry registry) throws RegistryException {
        return registry.retrieve(device, AttributeName.OWNER).map(owner -> " (owner '" + owner + "')").orElse("");
    }
}
