package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

final class JournalEntryEncoderTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void encodeWritesSingleLineValuesAsAssignments() {
        byte[] entry = JournalEntryEncoder.encode(List.of(new JournalField("PRIORITY", "6"),
                new JournalField("MESSAGE", "(tcp, 10.0.0.9, 4420, nqn.x) | nvme3 - connected"),
                new JournalField("NVME_DEVICE", "nvme3")));
        assertThat(new String(entry, StandardCharsets.UTF_8))
                .isEqualTo("PRIORITY=6\nMESSAGE=(tcp, 10.0.0.9, 4420, nqn.x) | nvme3 - connected\nNVME_DEVICE=nvme3\n");
    }

    @Test
    void encodeWritesMultiLineValuesLengthPrefixed() {
        byte[] entry = JournalEntryEncoder.encode(List.of(new JournalField("MESSAGE", "boom\n\tat X"),
                new JournalField("PRIORITY", "3")));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(bytes("MESSAGE\n"));
        expected.writeBytes(new byte[] {10, 0, 0, 0, 0, 0, 0, 0}); // 10 bytes, 64-bit little-endian
        expected.writeBytes(bytes("boom\n\tat X\nPRIORITY=3\n"));
        assertThat(entry).isEqualTo(expected.toByteArray());
    }

    @Test
    void encodeCountsUtf8Bytes() {
        byte[] entry = JournalEntryEncoder.encode(List.of(new JournalField("MESSAGE", "µ\n")));
        assertThat(entry[8]).isEqualTo((byte) 3); // 'µ' is 2 bytes, then the line break
    }

    @Test
    void cappedCutsLongValuesAtACharacterBoundaryAndSaysSo() {
        String value = "a".repeat(JournalEntryEncoder.MAX_VALUE_BYTES - 1) + "µµ";
        String sent = new String(JournalEntryEncoder.capped(value), StandardCharsets.UTF_8);
        assertThat(sent).isEqualTo("a".repeat(JournalEntryEncoder.MAX_VALUE_BYTES - 1) + " [truncated: 65539 bytes in all]");
        assertThat(JournalEntryEncoder.capped("short")).isEqualTo(bytes("short"));
    }

    @Test
    void fieldNamesFollowSystemdRules() {
        assertThat(new JournalField("CODE_LINE", "1").name()).isEqualTo("CODE_LINE");
        assertThatThrownBy(() -> new JournalField("_PID", "1"))
                .hasMessage("not a journal field name a client may send: '_PID'");
        assertThatThrownBy(() -> new JournalField("nvme_tid", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JournalField("A=B", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JournalField("A".repeat(65), "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
