package org.nvmexpress.discoverd.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class AttributeTextTest {
    @TempDir
    Path dir;

    private static AttributeText.Result decode(String text) {
        return AttributeText.decode(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void decodeStripsTheTrailingNewline() {
        assertThat(decode("live\n")).isEqualTo(new AttributeText.Result("live", null));
        assertThat(decode("deleting (no IO)\n\n")).isEqualTo(new AttributeText.Result("deleting (no IO)", null));
        assertThat(decode("no newline")).isEqualTo(new AttributeText.Result("no newline", null));
    }

    @Test
    void decodeTreatsEmptyAsAbsent() {
        assertThat(decode("\n")).isEqualTo(AttributeText.Result.ABSENT);
        assertThat(decode("")).isEqualTo(AttributeText.Result.ABSENT);
    }

    @Test
    void decodeRejectsControlCharactersWithTheirOffset() {
        assertThat(decode("tcp\0x\n").problem()).isEqualTo("control character 0x00 at byte offset 3");
        assertThat(decode("two\nlines\n").problem()).isEqualTo("control character 0x0a at byte offset 3");
        assertThat(decode("del\u007f").problem()).isEqualTo("control character 0x7f at byte offset 3");
        assertThat(decode("tcp\0x\n").value()).isNull();
    }

    @Test
    void decodeRejectsMalformedUtf8WithTheOffset() {
        assertThat(decode("nqn\u00ff\n").problem()).isEqualTo("not UTF-8 at byte offset 3");
        assertThat(AttributeText.decode("nqn-é\n".getBytes(StandardCharsets.UTF_8)).value()).isEqualTo("nqn-é");
    }

    @Test
    void decodeRejectsMoreThanAPage() {
        assertThat(decode("x".repeat(4097)).problem()).isEqualTo("larger than 4096 bytes, not a sysfs attribute value");
        assertThat(decode("x".repeat(4095) + "\n").value()).hasSize(4095);
    }

    @Test
    void readOfAMissingFileIsAbsentWithoutAProblem() {
        assertThat(AttributeText.read(dir.resolve("missing"))).isEqualTo(AttributeText.Result.ABSENT);
    }

    @Test
    void readOfSomethingUnreadableIsAProblem() throws Exception {
        Path directory = Files.createDirectory(dir.resolve("state"));
        assertThat(AttributeText.read(directory).problem()).isEqualTo("cannot read: Is a directory");
    }
}
