package org.nvmexpress.discoverd.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;
import org.nvmexpress.discoverd.ini.Diagnostic;
import org.nvmexpress.discoverd.tid.TransportId;

/**
 * Whatever the main file and its drop-ins hold, the loader never throws: it returns a
 * configuration whose findings name the files, which leaves out exactly the files with errors, whose
 * connections all form a TID or await a host name, and which never shows a secret.
 */
final class FabricsConfigLoaderPropertyTest {
    /** Part of every secret generated here; it must never appear in anything the config shows. */
    private static final String MARK = "SeCrEtMaRk";

    private Path dir;

    @BeforeTry
    void createDir() throws IOException {
        dir = Files.createTempDirectory("fabrics-loader-property");
    }

    @AfterTry
    void removeDir() throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** What one file of the tree is: text, raw bytes, a directory, or nothing. */
    record Content(String text, byte[] bytes, boolean directory) {
        void writeTo(Path path) throws IOException {
            if (directory) {
                Files.createDirectories(path);
            } else if (bytes != null) {
                Files.write(path, bytes);
            } else if (text != null) {
                Files.writeString(path, text, StandardCharsets.UTF_8);
            }
        }
    }

    private FabricsConfig load(List<Content> contents) throws IOException {
        FabricsTree tree = new FabricsTree(dir);
        contents.get(0).writeTo(tree.mainFile());
        Files.createDirectories(tree.dropInDir());
        for (int i = 1; i < contents.size(); i++) {
            contents.get(i).writeTo(tree.dropInDir().resolve(i + ".conf"));
        }
        return tree.load();
    }

    private static void assertSound(FabricsConfig config) {
        assertThat(config.rejectedFiles()).isSubsetOf(config.files());
        for (String file : config.files()) {
            boolean hasError = config.errors().stream().anyMatch(d -> d.file().equals(file));
            assertThat(config.rejectedFiles().contains(file)).as("%s rejected exactly when it has an error", file)
                    .isEqualTo(hasError);
        }
        assertThat(config.diagnostics()).extracting(Diagnostic::message).allSatisfy(m -> assertThat(m).isNotBlank());
        for (ResolvedConnection c : config.connections()) {
            assertThat(config.files()).contains(c.file());
            assertThat(config.rejectedFiles()).doesNotContain(c.file());
            c.tid().ifPresent(tid -> assertConnectable(tid, c));
        }
    }

    private static void assertConnectable(TransportId tid, ResolvedConnection c) {
        assertThat(tid.unitName().value()).matches("nvme-discoverd-[0-9a-f]{12}\\.service");
        ConnectOptions options = ConnectOptions.of(tid, c.hostid(), c.params());
        assertThat(options.arguments()).allSatisfy(a -> assertThat(a).startsWith("--").doesNotStartWith("--persistent"));
    }

    @Property(tries = 200)
    void anyTreeLoadsWithoutThrowing(@ForAll("trees") List<Content> contents) throws IOException {
        assertSound(load(contents));
    }

    @Property(tries = 300)
    void secretsNeverShowWhereverTheyAreWritten(@ForAll("secretFiles") List<String> files) throws IOException {
        FabricsConfig config = load(files.stream().map(t -> new Content(t, null, false)).toList());
        assertSound(config);
        assertThat(config.toString()).doesNotContain(MARK);
        for (ResolvedConnection c : config.connections()) {
            c.tid().ifPresent(tid -> assertThat(ConnectOptions.of(tid, c.hostid(), c.params()).toString())
                    .doesNotContain(MARK));
        }
    }

    @Provide
    Arbitrary<List<Content>> trees() {
        Arbitrary<Content> content = Arbitraries.frequencyOf(
                Tuple.of(6, FabricsMutations.mutatedValidFile().map(t -> new Content(t, null, false))),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(512)
                        .map(b -> new Content(null, b, false))),
                Tuple.of(1, Arbitraries.just(new Content(null, null, true))),
                Tuple.of(1, Arbitraries.just(new Content(null, null, false))));
        return content.list().ofMinSize(1).ofMaxSize(4);
    }

    /** Files whose only secrets carry {@link #MARK}, written in every place a key line can go. */
    @Provide
    Arbitrary<List<String>> secretFiles() {
        Arbitrary<String> secret = Arbitraries.strings().withCharRange('a', 'z').withChars('+', '/', '=', ':')
                .ofMaxLength(8).map(s -> "DHHC-1:00:" + MARK + s);
        Arbitrary<String> key = Arbitraries.of("tls-key", "kxchap-secret", "kxchap-ctrl-secret");
        Arbitrary<String> decoration = Arbitraries.of("", "   # mine", "\r", "\rx", " ", ";tos=1");
        Arbitrary<String> secretLine = Combinators.combine(key, secret, decoration)
                .as((k, s, d) -> k + " = " + s + d);
        Arbitrary<String> pathLine = Combinators.combine(key, secret, decoration)
                .as((k, s, d) -> "controller = transport=tcp;traddr=10.0.0.1;" + k + "=" + s + d);
        Arbitrary<String> other = Arbitraries.of("[Host]", "[Subsystem]", "[Discovery Controller]",
                "[Discovery Controller Defaults]", "[I/O Controller Defaults]", "[Unknown]", "nqn = nqn.2014-08.org.x:v",
                "hostnqn = nqn.2014-08.org.nvmexpress:h", "controller = transport=tcp;traddr=10.0.0.2", "tos = x", "");
        Arbitrary<String> file = Arbitraries.oneOf(secretLine, pathLine, other).list().ofMaxSize(14)
                .map(lines -> String.join("\n", lines));
        return file.list().ofMinSize(1).ofMaxSize(3);
    }
}
