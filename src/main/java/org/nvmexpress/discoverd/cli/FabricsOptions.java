package org.nvmexpress.discoverd.cli;

import java.nio.file.Path;
import org.nvmexpress.discoverd.config.FabricsConfig;
import org.nvmexpress.discoverd.config.FabricsConfigLoader;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where the fabrics configuration is: {@code --root}, or {@code --fabrics FILE} and its {@code FILE.d/}. */
final class FabricsOptions {
    @Mixin
    RootOption root;

    @Option(names = "--fabrics", paramLabel = "FILE",
            description = "Read this fabrics configuration instead of /etc/nvme/nvme-fabrics.conf under the root;"
                    + " its drop-ins are read from FILE.d/.")
    private Path fabrics;

    Path fabricsFile() {
        return fabrics != null ? fabrics : root.resolve(FabricsConfigLoader.DEFAULT_PATH);
    }

    FabricsConfig load() {
        return FabricsConfigLoader.load(fabricsFile());
    }
}
