package org.nvmexpress.discoverd.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.ini.CappedDiagnostics;
import org.nvmexpress.discoverd.ini.IniReader;
import org.nvmexpress.discoverd.ini.UnreadableFile;

/**
 * Files the loader cannot read as text: each is reported with its {@code FILE[:LINE]} and left out,
 * the other files still apply, and nothing is thrown.
 */
final class FabricsConfigLoaderBadInputTest {
    private static final String VALID = "[Subsystem]\nnqn = nqn.2014-08.org.nvmexpress:v\n"
            + "controller = transport=tcp;traddr=10.0.0.1\n";

    @TempDir
    Path dir;

    private FabricsTree tree;

    @BeforeEach
    void createTree() {
        tree = new FabricsTree(dir);
    }

    /** Loads with a valid drop-in beside the bad file, and checks that one still applies. */
    private FabricsConfig loadBesideAValidDropIn() throws IOException {
        tree.dropIn("50-valid.conf", VALID);
        FabricsConfig config = tree.load();
        assertThat(tree.sources(config)).contains("nvme-fabrics.conf.d/50-valid.conf:3");
        return config;
    }

    @Test
    void aNulByteIsReportedWithItsLineAndOffset() throws IOException {
        tree.dropIn("10-nul.conf", "[Host]\nhostsymname = a\0b\n".getBytes(StandardCharsets.UTF_8));
        FabricsConfig config = loadBesideAValidDropIn();
        assertThat(tree.diagnostics(config))
                .containsExactly("nvme-fabrics.conf.d/10-nul.conf:2: error: contains a NUL byte (at byte offset 22)");
        assertThat(tree.rejected(config)).containsExactly("nvme-fabrics.conf.d/10-nul.conf");
    }

    @Test
    void aFileOverOneMebibyteIsRefusedWhole() throws IOException {
        byte[] big = new byte[2 << 20];
        Arrays.fill(big, (byte) '#');
        Files.write(tree.mainFile(), big);
        FabricsConfig config = loadBesideAValidDropIn();
        assertThat(tree.diagnostics(config))
                .containsExactly("nvme-fabrics.conf: error: larger than the 1 MiB limit (2097152 bytes)");
        assertThat(tree.rejected(config)).containsExactly("nvme-fabrics.conf");
    }

    @Test
    void aFileOfExactlyOneMebibyteIsRead() throws IOException {
        byte[] text = ("# " + "x".repeat((1 << 20) - VALID.length() - 3) + "\n" + VALID).getBytes(StandardCharsets.UTF_8);
        assertThat(text).hasSize(1 << 20);
        Files.write(tree.mainFile(), text);
        FabricsConfig config = tree.load();
        assertThat(config.diagnostics()).isEmpty();
        assertThat(config.connections()).hasSize(1);
    }

    @Test
    void aDirectoryWhereTheMainFileShouldBeIsAnError() throws IOException {
        Files.createDirectories(tree.mainFile());
        FabricsConfig config = loadBesideAValidDropIn();
        assertThat(tree.diagnostics(config)).containsExactly("nvme-fabrics.conf: error: is a directory, not a file");
        assertThat(tree.rejected(config)).containsExactly("nvme-fabrics.conf");
    }

    @Test
    void aDirectoryNamedLikeADropInIsAnError() throws IOException {
        Files.createDirectories(tree.dropInDir().resolve("20-dir.conf"));
        FabricsConfig config = loadBesideAValidDropIn();
        assertThat(tree.diagnostics(config))
                .containsExactly("nvme-fabrics.conf.d/20-dir.conf: error: is a directory, not a file");
        assertThat(tree.rejected(config)).containsExactly("nvme-fabrics.conf.d/20-dir.conf");
    }

    @Test
    void aFileWhereTheDropInDirectoryShouldBeIsAnErrorAndTheMainFileStillApplies() throws IOException {
        tree.main(VALID);
        Files.writeString(tree.dropInDir(), "[Host]\n");
        FabricsConfig config = tree.load();
        assertThat(tree.diagnostics(config))
                .containsExactly("nvme-fabrics.conf.d: error: is not a directory: no drop-ins read");
        assertThat(tree.sources(config)).containsExactly("nvme-fabrics.conf:3");
    }

    @Test
    void aDanglingSymlinkDropInIsAnError() throws IOException {
        Files.createDirectories(tree.dropInDir());
        Files.createSymbolicLink(tree.dropInDir().resolve("30-gone.conf"), dir.resolve("nowhere"));
        FabricsConfig config = loadBesideAValidDropIn();
        assertThat(tree.diagnostics(config)).containsExactly("nvme-fabrics.conf.d/30-gone.conf: error: no such file");
        assertThat(tree.rejected(config)).as("a file with an error is a rejected file").containsExactly(
                "nvme-fabrics.conf.d/30-gone.conf");
    }

    @Test
    void aFifoIsNotReadAndDoesNotBlock() throws IOException, InterruptedException {
        Files.createDirectories(tree.dropInDir());
        Path fifo = tree.dropInDir().resolve("40-fifo.conf");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeThat(mkfifo.waitFor()).as("mkfifo(1) is needed to create a FIFO").isZero();
        FabricsConfig config = loadBesideAValidDropIn();
        assertThat(tree.diagnostics(config))
                .containsExactly("nvme-fabrics.conf.d/40-fifo.conf: error: is not a regular file");
    }

    @Test
    @SuppressWarnings("try") // the file only has to exist while the tree loads
    void anUnreadableFileIsReportedAndLeftOut() throws IOException {
        Files.createDirectories(tree.dropInDir());
        try (UnreadableFile secret = UnreadableFile.at(tree.dropInDir().resolve("10-secret.conf"))) {
            FabricsConfig config = loadBesideAValidDropIn();
            assertThat(tree.diagnostics(config))
                    .containsExactly("nvme-fabrics.conf.d/10-secret.conf: error: cannot read: permission denied");
            assertThat(tree.rejected(config)).containsExactly("nvme-fabrics.conf.d/10-secret.conf");
        }
    }

    @Test
    void invalidUtf8IsReportedWithItsLineAndOffset() throws IOException {
        tree.dropIn("10-latin1.conf", "[Host]\nhostsymname = M\u00fcller\n".getBytes(StandardCharsets.ISO_8859_1));
        FabricsConfig config = loadBesideAValidDropIn();
        assertThat(tree.diagnostics(config))
                .containsExactly("nvme-fabrics.conf.d/10-latin1.conf:2: error: not valid UTF-8 (at byte offset 22)");
    }

    @Test
    void aCrlfFileLoadsLikeItsLfTwin() throws IOException {
        String text = "[I/O Controller Defaults]\r\nkeep-alive-tmo = 5\r\n[Host]\r\nhostsymname = h\r\n" + VALID.replace("\n", "\r\n");
        tree.main(text);
        FabricsConfig crlf = tree.load();
        tree.main(text.replace("\r\n", "\n"));
        FabricsConfig lf = tree.load();
        assertThat(crlf.diagnostics()).isEmpty();
        assertThat(crlf).isEqualTo(lf);
    }

    @Test
    void utf8ValuesLoadWhereTheyAreText() throws IOException {
        tree.main("[Host]\nhostsymname = Rechner-Müller-東京\n[Discovery Controller]\n"
                + "controller = transport=tcp;traddr=größe.example\n");
        FabricsConfig config = tree.load();
        assertThat(config.diagnostics()).isEmpty();
        assertThat(config.connections()).singleElement().satisfies(c -> {
            assertThat(c.traddr()).isEqualTo("größe.example");
            assertThat(c.hostsymname()).isEqualTo("Rechner-Müller-東京");
            assertThat(c.tid()).as("a host name has no TID until it resolves").isEmpty();
        });
    }

    @Test
    void aDuplicateHostRejectsOnlyItsFile() throws IOException {
        tree.dropIn("10-twice.conf", "[Host]\nhostnqn = nqn.2014-08.org.nvmexpress:a\n[Host]\n"
                + "hostnqn = nqn.2014-08.org.nvmexpress:b\n");
        FabricsConfig config = loadBesideAValidDropIn();
        assertThat(tree.diagnostics(config)).containsExactly("nvme-fabrics.conf.d/10-twice.conf:3: error: second [Host]"
                + " section (the first is at line 1); a file has one persona");
    }

    @Test
    void duplicateDefaultsAndEndpointSectionsAreFine() throws IOException {
        tree.main("[I/O Controller Defaults]\ntos = 1\n[I/O Controller Defaults]\ntos = 2\n" + VALID + VALID);
        FabricsConfig config = tree.load();
        assertThat(tree.diagnostics(config)).containsExactly("nvme-fabrics.conf:3: warning: repeated section"
                + " [I/O Controller Defaults] (first at line 1): merged, later values win");
        assertThat(tree.sources(config)).containsExactly("nvme-fabrics.conf:7", "nvme-fabrics.conf:10");
        assertThat(config.connections()).extracting(c -> c.params().toString()).containsExactly("[tos=2]", "[tos=2]");
    }

    /** Fuzzing found this: a 917 KB file of junk lines kept one diagnostic per line, out of memory. */
    @Test
    void aFileOfJunkLinesKeepsAHundredFindingsAndCountsTheRest() throws IOException {
        int lines = 917_000 / "junk line\n".length();
        tree.main("junk line\n".repeat(lines));
        FabricsConfig config = loadBesideAValidDropIn();
        List<String> found = tree.diagnostics(config);
        assertThat(found).hasSize(CappedDiagnostics.PER_FILE + 1).startsWith("nvme-fabrics.conf:1: error: malformed"
                + " line: 'junk line' (expected [Section], key = value or # comment)");
        assertThat(found.get(CappedDiagnostics.PER_FILE)).isEqualTo("nvme-fabrics.conf: error: "
                + (lines - CappedDiagnostics.PER_FILE) + " more problems not shown");
        assertThat(tree.rejected(config)).containsExactly("nvme-fabrics.conf");
    }

    @Test
    void onlyTheFirstDropInsInByteOrderAreReadPastTheLimit() throws IOException {
        int count = FabricsConfigLoader.MAX_DROP_INS + 6;
        for (int i = count - 1; i >= 0; i--) {
            tree.dropIn(String.format("%04d.conf", i), "");
        }
        FabricsConfig config = tree.load();
        assertThat(config.files()).hasSize(FabricsConfigLoader.MAX_DROP_INS)
                .last().satisfies(last -> assertThat(last).endsWith("/1023.conf"));
        assertThat(tree.diagnostics(config)).containsExactly("nvme-fabrics.conf.d: error: 1030 drop-ins, more than"
                + " the 1024 read: the 6 after 1023.conf in byte order are left out");
    }

    @Test
    void theFilesTogetherAreBoundedAndTheOneThatDoesNotFitIsRefused() throws IOException {
        byte[] full = new byte[IniReader.MAX_BYTES];
        Arrays.fill(full, (byte) '#');
        Files.write(tree.mainFile(), full);
        for (int i = 1; i < FabricsConfigLoader.MAX_TOTAL_BYTES / IniReader.MAX_BYTES; i++) {
            tree.dropIn("1" + i + "-comments.conf", full);
        }
        tree.dropIn("50-valid.conf", VALID);
        FabricsConfig config = tree.load();
        assertThat(tree.diagnostics(config)).containsExactly("nvme-fabrics.conf.d/50-valid.conf: error: not read: the"
                + " files read with it are limited to 4 MiB together, and only 0 bytes were left (the file has "
                + VALID.length() + ")");
        assertThat(tree.rejected(config)).containsExactly("nvme-fabrics.conf.d/50-valid.conf");
        assertThat(config.connections()).isEmpty();
    }
}
