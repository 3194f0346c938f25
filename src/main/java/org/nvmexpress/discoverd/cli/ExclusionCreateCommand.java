package org.nvmexpress.discoverd.cli;

import java.util.concurrent.Callable;
import org.nvmexpress.discoverd.exclusion.ExclusionLists;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code nvme-discoverctl exclusion create}: a new list holding only its header. */
@Command(name = "create",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Create an empty exclusion list (its header and the [exclusions] section).",
                "Needs root for the system's lists (see 'exclusion --help')."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:created", "1:the list exists already or could not be written", "2:usage error"})
final class ExclusionCreateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private ExclusionCommand parent;

    @Mixin
    private ExclusionOptions options;

    @Override
    public Integer call() {
        return parent.change(spec, options, ExclusionLists::create,
                "created exclusion list '" + options.list().display() + "' (" + options.lists().file(options.list()) + ")");
    }
}
