package org.nvmexpress.discoverd.exclusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.exclusion.ExclusionException.Reason;
import org.nvmexpress.discoverd.ini.CappedDiagnostics;
import org.nvmexpress.discoverd.ini.Diagnostic;
import org.nvmexpress.discoverd.ini.UnreadableFile;
import org.nvmexpress.discoverd.tid.TidParser;
import org.nvmexpress.discoverd.tid.TransportId;

/** Hostile files and arguments: a clear error or a fail-open match, never a crash or a stray write. */
final class ExclusionListsBadInputTest {
    private static final TransportId CONNECTION = TidParser.strict("transport=tcp;traddr=192.0.2.10;nqn=nqn.x");
    private static final ListName TENANT = new ListName("tenant-b");

    @TempDir
    Path root;

    private ExclusionLists lists() {
        return new ExclusionLists(root);
    }

    private Path mainFile() throws IOException {
        return Files.createDirectories(root.resolve("etc/nvme")).resolve("exclusions.conf");
    }

    /** A 5 MiB list that would exclude CONNECTION if it were read. */
    private Path hugeMainFile() throws IOException {
        Path main = mainFile();
        try (OutputStream out = Files.newOutputStream(main)) {
            out.write("[exclusions]\nexclusion = nqn=nqn.x\n".getBytes(StandardCharsets.US_ASCII));
            byte[] comment = new byte[1024];
            Arrays.fill(comment, (byte) '#');
            comment[comment.length - 1] = '\n';
            for (int i = 0; i < 5 * 1024; i++) {
                out.write(comment);
            }
        }
        return main;
    }

    @Test
    void hugeListFailsOpenForMatchAndIsTooLargeForReadAndAdd() throws Exception {
        Path main = hugeMainFile();
        long size = Files.size(main);
        String tooLarge = main + ": larger than the 1 MiB limit (" + size + " bytes)";
        Path other = lists().file(TENANT);
        lists().add(TENANT, "nqn=nqn.y");
        assertThat(lists().match(CONNECTION)).isEqualTo(new MatchResult.NotExcluded(List.of(Diagnostic.error(main.toString(), 0,
                "larger than the 1 MiB limit (" + size + " bytes)"))));
        assertThat(lists().match(TidParser.strict("nqn=nqn.y"))).as("the other lists still apply")
                .isInstanceOfSatisfying(MatchResult.Excluded.class, e -> {
                    assertThat(e.file()).isEqualTo(other);
                    assertThat(e.skipped()).hasSize(1);
                });
        assertThatThrownBy(() -> lists().read(ListName.DEFAULT))
                .isInstanceOfSatisfying(ExclusionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
                .hasMessage(tooLarge);
        assertThatThrownBy(() -> lists().add(ListName.DEFAULT, "nqn=z")).hasMessage(tooLarge);
        assertThatThrownBy(() -> lists().remove(ListName.DEFAULT, "nqn=nqn.x")).hasMessage(tooLarge);
        assertThat(Files.size(main)).isEqualTo(size);
    }

    @Test
    void addOrWriteThatWouldPassTheLimitIsRefused() throws Exception {
        Path main = mainFile();
        byte[] almostFull = new byte[ListFiles.MAX_BYTES - 10];
        Arrays.fill(almostFull, (byte) '\n');
        Files.write(main, almostFull);
        assertThatThrownBy(() -> lists().add(ListName.DEFAULT, "nqn=nqn.x"))
                .isInstanceOfSatisfying(ExclusionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
                .hasMessage(main + ": would grow past the 1 MiB limit (1048602 bytes); nothing written");
        assertThat(Files.size(main)).isEqualTo(almostFull.length);
        String big = "#".repeat(ListFiles.MAX_BYTES + 1);
        long version = lists().read(ListName.DEFAULT).version();
        assertThatThrownBy(() -> lists().write(ListName.DEFAULT, big, version))
                .hasMessage(main + ": larger than the 1 MiB limit (1048577 bytes)");
    }

    @Test
    void listPathThatIsADirectoryIsAnErrorAndIsNeverRemoved() throws Exception {
        Path dir = Files.createDirectories(lists().file(TENANT));
        String notAFile = dir + ": is a directory, not a file";
        assertThat(lists().match(CONNECTION).skipped()).containsExactly(Diagnostic.error(dir.toString(), 0, "is a directory, not a file"));
        assertThatThrownBy(() -> lists().read(TENANT))
                .isInstanceOfSatisfying(ExclusionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_REGULAR_FILE))
                .hasMessage(notAFile);
        assertThatThrownBy(() -> lists().entries(TENANT)).hasMessage(notAFile);
        assertThatThrownBy(() -> lists().add(TENANT, "nqn=a")).hasMessage(notAFile);
        assertThatThrownBy(() -> lists().write(TENANT, "", 0)).hasMessage(notAFile);
        assertThatThrownBy(() -> lists().create(TENANT)).hasMessage("exclusion list 'tenant-b' already exists (" + dir + ")");
        assertThatThrownBy(() -> lists().delete(TENANT)).hasMessage(dir + ": is a directory, not a file; not deleted");
        assertThat(dir).isDirectory();
    }

    @Test
    void dropInDirectoryThatIsAFileIsSkippedAndTheMainListStillApplies() throws Exception {
        lists().add(ListName.DEFAULT, "nqn=nqn.x");
        Path notADir = Files.writeString(root.resolve("etc/nvme/exclusions.conf.d"), "junk");
        MatchResult result = lists().match(CONNECTION);
        assertThat(result.excluded()).isTrue();
        assertThat(result.skipped()).containsExactly(Diagnostic.error(notADir.toString(), 0,
                "cannot list drop-ins: not a directory (" + notADir + ")"));
        assertThatThrownBy(() -> lists().add(TENANT, "nqn=a"))
                .isInstanceOfSatisfying(ExclusionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.IO_ERROR))
                .hasMessage(lists().file(TENANT) + ": cannot change the list: " + notADir + " exists and is not a directory");
        assertThat(notADir).hasContent("junk");
    }

    @Test
    void addRefusesLineBreaksAndInvalidEntriesAndWritesNothing() {
        Path file = lists().file(TENANT);
        assertThatThrownBy(() -> lists().add(TENANT, "nqn=a\nexclusion = nqn=b"))
                .isInstanceOfSatisfying(ExclusionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INVALID_ENTRY);
                    assertThat(e.problems()).extracting(Diagnostic::file).containsExactly(file.toString());
                })
                .hasMessage("invalid exclusion entry 'nqn=a\\nexclusion = nqn=b': contains a line break");
        assertThatThrownBy(() -> lists().add(TENANT, "nqn=a\r\n[other]")).hasMessageEndingWith("contains a line break");
        assertThatThrownBy(() -> lists().add(TENANT, "   ")).hasMessageStartingWith("invalid exclusion entry '': no field set");
        assertThat(root.resolve("etc")).doesNotExist();
    }

    @Test
    void unreadableListFailsOpen() throws Exception {
        lists().add(TENANT, "nqn=nqn.y");
        try (UnreadableFile main = UnreadableFile.at(mainFile())) {
            Diagnostic denied = Diagnostic.error(main.path().toString(), 0, "cannot read: permission denied (" + main.path() + ")");
            assertThat(lists().match(CONNECTION)).isEqualTo(new MatchResult.NotExcluded(List.of(denied)));
            assertThat(lists().match(TidParser.strict("nqn=nqn.y"))).as("the other lists still apply")
                    .isInstanceOfSatisfying(MatchResult.Excluded.class, e -> assertThat(e.skipped()).containsExactly(denied));
        }
    }

    @Test
    void symlinkLoopFailsOpenAsAnIoError() throws Exception {
        lists().add(TENANT, "nqn=nqn.x");
        Path main = mainFile();
        Files.createSymbolicLink(main, main);
        MatchResult result = lists().match(CONNECTION);
        assertThat(result.excluded()).as("the named list still applies").isTrue();
        assertThat(result.skipped()).singleElement().satisfies(d -> {
            assertThat(d.file()).isEqualTo(main.toString());
            assertThat(d.message()).startsWith("cannot read: ").endsWith(" (" + main + ")"); // the ELOOP text is the JDK's
        });
        assertThatThrownBy(() -> lists().read(ListName.DEFAULT))
                .isInstanceOfSatisfying(ExclusionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.IO_ERROR));
    }

    /** Fuzzing found this: one diagnostic was kept per bad line, however many lines a list had. */
    @Test
    void aListOfThousandsOfBadLinesKeepsAHundredFindingsAndCountsTheRest() {
        String text = "[exclusions]\n" + "exclusion = bogus\n".repeat(20_000);
        assertThat(ExclusionLists.check("f", text)).hasSize(CappedDiagnostics.PER_FILE + 1)
                .last().isEqualTo(Diagnostic.error("f", 0, "19900 more problems not shown"));
        Path file = lists().file(TENANT);
        assertThatThrownBy(() -> lists().write(TENANT, text, ListContent.ABSENT))
                .isInstanceOfSatisfying(ExclusionException.class, e -> assertThat(e.problems())
                        .hasSize(CappedDiagnostics.PER_FILE + 1).first().isEqualTo(Diagnostic.error(file.toString(), 2,
                                "invalid entry 'bogus': bare token without '=': 'bogus'")))
                .hasMessage(file + ": 20000 invalid lines, nothing written");
    }
}
