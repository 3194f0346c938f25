package org.nvmexpress.discoverd.cli;

import java.util.concurrent.Callable;
import org.nvmexpress.discoverd.tid.CWhitespace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code nvme-discoverctl exclusion add}: appends one validated entry, creating the list if needed. */
@Command(name = "add",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Add an entry to an exclusion list, creating the list (with its header) when it does not exist.",
                "The entry must parse strictly as a TID and set at least one field. Needs root for the system's"
                + " lists (see 'exclusion --help')."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:added", "1:the list could not be changed", "2:usage error or invalid ENTRY"})
final class ExclusionAddCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private ExclusionCommand parent;

    @Mixin
    private ExclusionOptions options;

    @Option(names = {"-e", "--entry"}, paramLabel = "ENTRY", required = true,
            description = "The entry, e.g. 'transport=tcp;traddr=192.0.2.10;nqn=nqn.2024-01.com.example:vol1'"
                    + " or 'host-iface=eth3'. Keys: transport traddr trsvcid nqn host-traddr host-iface hostnqn hostid.")
    private String entry;

    @Override
    public Integer call() {
        return parent.change(spec, options, (lists, name) -> lists.add(name, entry),
                "added to exclusion list '" + options.list().display() + "': " + CWhitespace.trim(entry));
    }
}
