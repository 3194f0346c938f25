package org.nvmexpress.discoverd.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.nvmexpress.discoverd.registry.AttributeName;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.registry.Registry;
import org.nvmexpress.discoverd.registry.RegistryException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nvme-discoverctl registry retrieve DEVICE --attr ATTR}: print one attribute's value. */
@Command(name = "retrieve",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Print the value of one attribute of a controller's registry entry.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:printed", "1:not registered, or no such attribute", "2:usage error or bad name"})
final class RegistryRetrieveCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private RootOption root;

    @Parameters(paramLabel = "DEVICE", converter = RegistryNames.Device.class,
            description = "The controller: nvme3 or /dev/nvme3.")
    private DeviceName device;

    @Option(names = {"-a", "--attr"}, paramLabel = "ATTR", required = true, converter = RegistryNames.Attribute.class,
            description = "The attribute, e.g. owner.")
    private AttributeName attribute;

    @Override
    public Integer call() {
        Optional<String> value;
        try {
            value = new Registry(root.resolve("/")).retrieve(device, attribute);
        } catch (RegistryException e) {
            return RegistryCommand.fail(spec, e);
        }
        if (value.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(device + ": not registered or '" + attribute + "' not found");
            err.flush();
            return Commands.EXIT_FAILURE;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(value.get());
        out.flush();
        return 0;
    }
}
