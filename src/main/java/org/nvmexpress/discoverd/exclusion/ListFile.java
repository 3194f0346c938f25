package org.nvmexpress.discoverd.exclusion;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One exclusion-list file that exists, as {@link ExclusionLists#lists()} reports it.
 *
 * @param name the list's name: {@code default} for the main file, else the drop-in's name without
 *             {@code .conf} (which need not be a valid {@link ListName}: nvme-cli reads every
 *             {@code *.conf}, and so does the matcher)
 * @param path the file, under the root
 * @param main whether this is the default list ({@code exclusions.conf})
 */
public record ListFile(String name, Path path, boolean main) {
    public ListFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
    }
}
