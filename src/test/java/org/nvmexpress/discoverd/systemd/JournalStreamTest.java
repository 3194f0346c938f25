package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class JournalStreamTest {

    private static String devIno(Path file) throws Exception {
        return Files.getAttribute(file, "unix:dev") + ":" + Files.getAttribute(file, "unix:ino");
    }

    @Test
    void isJournalWhenDeviceAndInodeMatch(@TempDir Path dir) throws Exception {
        Path stream = Files.createFile(dir.resolve("stream"));
        assertThat(JournalStream.isJournal(devIno(stream), stream)).isTrue();
    }

    @Test
    void isNotJournalWhenStderrIsAnotherFile(@TempDir Path dir) throws Exception {
        Path journal = Files.createFile(dir.resolve("journal"));
        Path redirected = Files.createFile(dir.resolve("redirected"));
        assertThat(JournalStream.isJournal(devIno(journal), redirected)).isFalse();
    }

    @Test
    void isNotJournalWithoutAUsableVariable(@TempDir Path dir) throws Exception {
        Path stream = Files.createFile(dir.resolve("stream"));
        assertThat(JournalStream.isJournal(null, stream)).isFalse();
        assertThat(JournalStream.isJournal("", stream)).isFalse();
        assertThat(JournalStream.isJournal("8:x", stream)).isFalse();
        assertThat(JournalStream.isJournal(devIno(stream), dir.resolve("closed"))).isFalse();
    }
}
