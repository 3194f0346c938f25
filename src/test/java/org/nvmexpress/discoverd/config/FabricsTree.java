package org.nvmexpress.discoverd.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.nvmexpress.discoverd.ini.Diagnostic;

/**
 * A fabrics configuration on disk for one test: {@code nvme-fabrics.conf} and its
 * {@code nvme-fabrics.conf.d/} under a temporary directory. Diagnostics are shown relative to that
 * directory, so tests can assert whole {@code FILE:LINE: severity: message} lines.
 */
final class FabricsTree {
    static final String MAIN = "nvme-fabrics.conf";
    static final String DROP_INS = "nvme-fabrics.conf.d";

    /**
     * The main file of the read/emit fixture reference §14.4 describes for the public API: per-type
     * defaults, one DC without nqn and one subsystem.
     */
    static final String READ_MAIN = """
            [Discovery Controller Defaults]
            ctrl-loss-tmo = 600
            keep-alive-tmo = 30
            [I/O Controller Defaults]
            ctrl-loss-tmo = 600
            keep-alive-tmo = 5
            [Discovery Controller]
            controller = transport=tcp;traddr=10.0.0.5;trsvcid=8009
            [Subsystem]
            nqn = nqn.2014-08.org.nvmexpress:main-vol
            tls = true
            data-digest = no
            controller = transport=tcp;traddr=10.0.0.9;trsvcid=4420
            """;

    /** Its second-persona drop-in, {@code 10-prod.conf}. */
    static final String READ_PROD = """
            [Host]
            hostnqn = nqn.2014-08.org.nvmexpress:prod-host
            hostid = 46ba5037-7ce5-41fa-9452-48477bf00080
            hostsymname = prod
            [Subsystem]
            nqn = nqn.2014-08.org.nvmexpress:prod-vol
            reconnect-delay =
            controller = transport=tcp;traddr=10.0.0.7;trsvcid=4420;ctrl-loss-tmo=1800
            """;

    private final Path dir;

    FabricsTree(Path dir) {
        this.dir = dir;
    }

    Path mainFile() {
        return dir.resolve(MAIN);
    }

    Path dropInDir() {
        return dir.resolve(DROP_INS);
    }

    Path main(String text) throws IOException {
        return Files.writeString(mainFile(), text, StandardCharsets.UTF_8);
    }

    Path dropIn(String name, String text) throws IOException {
        return dropIn(name, text.getBytes(StandardCharsets.UTF_8));
    }

    Path dropIn(String name, byte[] bytes) throws IOException {
        Files.createDirectories(dropInDir());
        return Files.write(dropInDir().resolve(name), bytes);
    }

    /** Writes {@link #READ_MAIN} and {@link #READ_PROD} and loads them. */
    FabricsConfig loadReadFixture() throws IOException {
        main(READ_MAIN);
        dropIn("10-prod.conf", READ_PROD);
        return load();
    }

    FabricsConfig load() {
        return FabricsConfigLoader.load(mainFile());
    }

    /** {@code text} with every path of the tree shown relative to the tree. */
    String relative(String text) {
        return text.replace(dir + "/", "");
    }

    /** Every diagnostic as {@code FILE:LINE: severity: message}, FILE relative to the tree. */
    List<String> diagnostics(FabricsConfig config) {
        return config.diagnostics().stream().map(this::relative).toList();
    }

    private String relative(Diagnostic d) {
        return relative(d.toString());
    }

    /** The files the loader left out, relative to the tree. */
    List<String> rejected(FabricsConfig config) {
        return config.rejectedFiles().stream().map(this::relative).toList();
    }

    /** Where each connection comes from, {@code FILE:LINE} relative to the tree. */
    List<String> sources(FabricsConfig config) {
        return config.connections().stream().map(c -> relative(c.source())).toList();
    }
}
