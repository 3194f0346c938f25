package org.nvmexpress.discoverd.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Every path under a directory, relative and sorted, directories marked with a trailing {@code /}. */
final class FileTree {
    private FileTree() {
    }

    static List<String> of(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(p -> !p.equals(dir))
                    .map(p -> dir.relativize(p) + (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "/" : ""))
                    .sorted()
                    .toList();
        }
    }
}
