package org.nvmexpress.discoverd.ini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class IniReaderTest {
    @TempDir
    Path dir;

    private static IniDocument parse(String text) {
        return IniReader.parse("f.conf", text);
    }

    @Test
    void commentsAndBlankLinesAreDropped() {
        IniDocument doc = parse("# comment\n\n   \n  # indented comment\n[Host]\n");
        assertThat(doc.lines()).containsExactly(new IniLine.Section(5, "Host"));
    }

    @Test
    void sectionNamesAreTrimmed() {
        assertThat(parse("[  I/O Controller Defaults ]").lines())
                .containsExactly(new IniLine.Section(1, "I/O Controller Defaults"));
    }

    @Test
    void malformedHeadersAreJunkThatLooksLikeAHeader() {
        assertThat(parse("[Host] x\n[ ]\n[Host\n").lines()).containsExactly(
                new IniLine.Junk(1, "[Host] x", true),
                new IniLine.Junk(2, "[ ]", true),
                new IniLine.Junk(3, "[Host", true));
    }

    @Test
    void keyValueSplitsAtTheFirstEqualsAndTrims() {
        assertThat(parse("  controller =  transport=tcp;traddr=1.2.3.4  ").lines())
                .containsExactly(new IniLine.KeyValue(1, "controller", "transport=tcp;traddr=1.2.3.4"));
    }

    @Test
    void emptyValueIsKept() {
        assertThat(parse("hostid =").lines()).containsExactly(new IniLine.KeyValue(1, "hostid", ""));
    }

    @Test
    void inlineCommentsAndSemicolonsAreNotComments() {
        assertThat(parse("keep-alive-tmo = 30   # DC default\n; not a comment\n").lines()).containsExactly(
                new IniLine.KeyValue(1, "keep-alive-tmo", "30   # DC default"),
                new IniLine.Junk(2, "; not a comment", false));
    }

    @Test
    void lineStartingWithEqualsIsJunk() {
        assertThat(parse("= value\njust words").lines()).containsExactly(
                new IniLine.Junk(1, "= value", false), new IniLine.Junk(2, "just words", false));
    }

    @Test
    void crlfFilesReadLikeLfFiles() {
        assertThat(parse("[Global]\r\nnbft = no\r\n").lines())
                .containsExactly(new IniLine.Section(1, "Global"), new IniLine.KeyValue(2, "nbft", "no"));
    }

    @Test
    void utf8ValuesSurvive(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("u.conf");
        Files.writeString(file, "[Host]\nhostsymname = größe-β\n", StandardCharsets.UTF_8);
        assertThat(IniReader.read(file).lines()).contains(new IniLine.KeyValue(2, "hostsymname", "größe-β"));
    }

    @Test
    void missingFileIsReportedAsMissing() {
        assertThatThrownBy(() -> IniReader.read(dir.resolve("absent.conf")))
                .isInstanceOfSatisfying(IniReadException.class, e -> {
                    assertThat(e.reason()).isEqualTo(IniReadException.Reason.MISSING);
                    assertThat(e.diagnostic().toString()).isEqualTo(dir.resolve("absent.conf") + ": error: no such file");
                });
    }

    @Test
    void directoryIsRejected() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("nvme-fabrics.conf"));
        assertThatThrownBy(() -> IniReader.read(sub, "nvme-fabrics.conf"))
                .isInstanceOfSatisfying(IniReadException.class, e -> {
                    assertThat(e.reason()).isEqualTo(IniReadException.Reason.NOT_REGULAR_FILE);
                    assertThat(e.getMessage()).isEqualTo("nvme-fabrics.conf: is a directory, not a file");
                });
    }

    @Test
    void fileOverOneMebibyteIsRejected() throws IOException {
        Path big = dir.resolve("big.conf");
        byte[] bytes = new byte[2 << 20];
        Arrays.fill(bytes, (byte) '#');
        Files.write(big, bytes);
        assertThatThrownBy(() -> IniReader.read(big, "big.conf"))
                .isInstanceOfSatisfying(IniReadException.class, e -> {
                    assertThat(e.reason()).isEqualTo(IniReadException.Reason.TOO_LARGE);
                    assertThat(e.getMessage()).isEqualTo("big.conf: larger than the 1 MiB limit (2097152 bytes)");
                });
    }

    @Test
    void aBudgetSharedByFilesRefusesTheOneThatDoesNotFitAndKeepsTheRest() throws Exception {
        Path first = Files.writeString(dir.resolve("a.conf"), "[Host]\n");
        Path second = Files.writeString(dir.resolve("b.conf"), "[Subsystem]\n");
        ReadBudget budget = new ReadBudget(10);
        assertThat(IniReader.read(first, "a.conf", budget).lines()).hasSize(1);
        assertThat(budget.remainingBytes()).isEqualTo(3);
        assertThatThrownBy(() -> IniReader.read(second, "b.conf", budget))
                .isInstanceOfSatisfying(IniReadException.class, e -> {
                    assertThat(e.reason()).isEqualTo(IniReadException.Reason.TOO_LARGE);
                    assertThat(e.getMessage()).isEqualTo("b.conf: not read: the files read with it are limited to"
                            + " 10 bytes together, and only 3 bytes were left (the file has 12)");
                });
        assertThat(budget.remainingBytes()).isEqualTo(3);
        assertThat(IniReader.read(Files.writeString(dir.resolve("c.conf"), "#\n\n"), "c.conf", budget).lines()).isEmpty();
        assertThat(budget.remainingBytes()).isZero();
    }

    @Test
    void fileOfExactlyOneMebibyteIsRead() throws Exception {
        Path edge = dir.resolve("edge.conf");
        byte[] bytes = new byte[IniReader.MAX_BYTES];
        Arrays.fill(bytes, (byte) '#');
        Files.write(edge, bytes);
        assertThat(IniReader.read(edge).lines()).isEmpty();
    }

    @Test
    void nulByteIsRejectedWithItsLine() throws IOException {
        Path file = dir.resolve("nul.conf");
        Files.write(file, "[Host]\nhostnqn = a\0b\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> IniReader.read(file, "nul.conf"))
                .isInstanceOfSatisfying(IniReadException.class, e -> {
                    assertThat(e.reason()).isEqualTo(IniReadException.Reason.NUL_BYTE);
                    assertThat(e.getMessage()).isEqualTo("nul.conf:2: contains a NUL byte (at byte offset 18)");
                });
    }

    @Test
    void invalidUtf8IsRejectedWithItsLine() throws IOException {
        Path file = dir.resolve("latin1.conf");
        Files.write(file, new byte[] {'[', 'H', ']', '\n', 'k', '=', (byte) 0xe9, '\n'});
        assertThatThrownBy(() -> IniReader.read(file, "latin1.conf"))
                .isInstanceOfSatisfying(IniReadException.class, e -> {
                    assertThat(e.reason()).isEqualTo(IniReadException.Reason.NOT_UTF8);
                    assertThat(e.getMessage()).isEqualTo("latin1.conf:2: not valid UTF-8 (at byte offset 6)");
                });
    }

    @Test
    void unreadableFileIsRejected() throws IOException {
        try (UnreadableFile file = UnreadableFile.at(dir.resolve("secret.conf"))) {
            assertThatThrownBy(() -> IniReader.read(file.path(), "secret.conf"))
                    .isInstanceOfSatisfying(IniReadException.class,
                            e -> assertThat(e.reason()).isEqualTo(IniReadException.Reason.UNREADABLE))
                    .hasMessage("secret.conf: cannot read: permission denied");
        }
    }

    @Test
    void fifoIsNotARegularFile() throws Exception {
        Path fifo = dir.resolve("fifo.conf");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeThat(mkfifo.waitFor()).as("mkfifo available").isZero();
        assertThatThrownBy(() -> IniReader.read(fifo, "fifo.conf"))
                .isInstanceOfSatisfying(IniReadException.class, e -> {
                    assertThat(e.reason()).isEqualTo(IniReadException.Reason.NOT_REGULAR_FILE);
                    assertThat(e.getMessage()).isEqualTo("fifo.conf: is not a regular file");
                });
    }
}
