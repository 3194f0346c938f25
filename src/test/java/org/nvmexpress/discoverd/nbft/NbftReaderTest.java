package org.nvmexpress.discoverd.nbft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding and reading the tables under a system root: which files, in which order, and what a bad one does. */
final class NbftReaderTest {
    @TempDir
    Path root;

    private Path tables() throws IOException {
        return Files.createDirectories(root.resolve("sys/firmware/acpi/tables"));
    }

    @Test
    void missingDirectoryMeansNoTables() throws IOException {
        assertThat(NbftReader.tableFiles(root)).isEmpty();
        NbftTables found = NbftReader.readAll(root);
        assertThat(found.tables()).isEmpty();
        assertThat(found.rejected()).isEmpty();
    }

    @Test
    void onlyNbftFilesAreTakenInNameOrder() throws IOException {
        for (String name : new String[] {"NBFT2", "SSDT", "NBFT10", "NBFT", "nbft", "NBFT1", "XNBFT"}) {
            Files.write(tables().resolve(name), new byte[0]);
        }
        assertThat(NbftReader.tableFiles(root)).extracting(p -> p.getFileName().toString())
                .containsExactly("NBFT", "NBFT1", "NBFT10", "NBFT2");
    }

    @Test
    void badTableNeverHidesTheOthers() throws IOException {
        Files.write(tables().resolve("NBFT"), new byte[10]);
        Files.write(tables().resolve("NBFT1"), NbftFixtures.table(NbftParserTest.STATIC));
        NbftTables found = NbftReader.readAll(root);
        assertThat(found.tables()).singleElement()
                .satisfies(t -> assertThat(t.source()).isEqualTo(tables().resolve("NBFT1").toString()));
        assertThat(found.rejected()).extracting(NbftProblem::toString).containsExactly(tables().resolve("NBFT")
                + ": header at offset 0: the file is 10 bytes, shorter than the 128 bytes of header and control descriptor");
    }

    @Test
    void fileLargerThanOneMebibyteIsRefusedUnread() throws IOException {
        Path big = tables().resolve("NBFT");
        Files.write(big, new byte[NbftReader.MAX_BYTES + 1]);
        assertThatThrownBy(() -> NbftReader.read(big)).isInstanceOf(NbftParseException.class)
                .hasMessage(big + ": file: larger than 1048576 bytes; no NBFT is this large");
    }

    @Test
    void unreadableEntriesAreRejectedByName() throws IOException {
        Path directory = Files.createDirectories(tables().resolve("NBFT"));
        assertThatThrownBy(() -> NbftReader.read(directory)).hasMessage(directory + ": file: is a directory, not a table");
        Path missing = root.resolve("NBFT9");
        assertThatThrownBy(() -> NbftReader.read(missing)).isInstanceOfSatisfying(NbftParseException.class,
                e -> assertThat(e.problem().offset()).isEmpty()).hasMessage(missing + ": file: cannot read: no such file");
    }

    @Test
    void tablesPathThatIsAFileMeansNoTables() throws IOException {
        Files.createDirectories(root.resolve("sys/firmware/acpi"));
        Files.write(root.resolve("sys/firmware/acpi/tables"), new byte[0]);
        assertThat(NbftReader.readAll(root).tables()).isEmpty();
    }
}
