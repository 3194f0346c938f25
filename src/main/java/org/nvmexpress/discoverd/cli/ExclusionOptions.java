package org.nvmexpress.discoverd.cli;

import java.nio.file.Path;
import org.nvmexpress.discoverd.exclusion.ExclusionLists;
import org.nvmexpress.discoverd.exclusion.ListName;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --root DIR} and {@code --name/-N NAME}: which exclusion list a command works on. */
final class ExclusionOptions {
    @Mixin
    RootOption root;

    @Option(names = {"-N", "--name"}, paramLabel = "NAME", converter = NameConverter.class,
            description = "The named list /etc/nvme/exclusions.conf.d/NAME.conf (NAME: letters, digits, '_', '-')."
                    + " Without it: the default list /etc/nvme/exclusions.conf.")
    private ListName name;

    /** A name outside {@code [A-Za-z0-9_-]+} is bad input (exit 2), caught before any file is touched. */
    static final class NameConverter implements ITypeConverter<ListName> {
        @Override
        public ListName convert(String value) {
            try {
                return new ListName(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** The list {@code --name} names, or the default list. */
    ListName list() {
        return name == null ? ListName.DEFAULT : name;
    }

    /** Whether {@code --name} was given. */
    boolean named() {
        return name != null;
    }

    Path rootDirectory() {
        return root.resolve("/");
    }

    ExclusionLists lists() {
        return new ExclusionLists(rootDirectory());
    }
}
