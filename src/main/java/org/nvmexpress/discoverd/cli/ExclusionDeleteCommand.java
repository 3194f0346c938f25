package org.nvmexpress.discoverd.cli;

import java.util.concurrent.Callable;
import org.nvmexpress.discoverd.exclusion.ExclusionLists;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code nvme-discoverctl exclusion delete}: removes a whole list file. */
@Command(name = "delete",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Delete an exclusion list and every entry in it (without --name: the default list).",
                "Needs root for the system's lists (see 'exclusion --help')."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:deleted", "1:the list does not exist or could not be deleted", "2:usage error"})
final class ExclusionDeleteCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private ExclusionCommand parent;

    @Mixin
    private ExclusionOptions options;

    @Override
    public Integer call() {
        return parent.change(spec, options, ExclusionLists::delete,
                "deleted exclusion list '" + options.list().display() + "'");
    }
}
