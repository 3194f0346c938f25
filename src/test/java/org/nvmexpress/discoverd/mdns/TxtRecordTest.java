package org.nvmexpress.discoverd.mdns;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class TxtRecordTest {

    private static List<byte[]> items(String... texts) {
        return Arrays.stream(texts).map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
    }

    @Test
    void keysLowerCasedAndKeyWithoutEqualsMapsToEmpty() {
        TxtRecord.Decoded d = TxtRecord.decode(items("P=tcp", "NQN=nqn.2014-08.org.nvmexpress.discovery", "flag"));
        assertThat(d.pairs()).isEqualTo(Map.of("p", "tcp", "nqn", "nqn.2014-08.org.nvmexpress.discovery",
                "flag", ""));
        assertThat(d.dropped()).isZero();
    }

    @Test
    void valueKeepsItsCaseAndItsOwnEqualsSigns() {
        assertThat(TxtRecord.decode(items("k=A=b")).pairs()).isEqualTo(Map.of("k", "A=b"));
    }

    @Test
    void firstOccurrenceOfAKeyWins() {
        assertThat(TxtRecord.decode(items("p=tcp", "P=rdma")).pairs()).isEqualTo(Map.of("p", "tcp"));
    }

    @Test
    void itemWithoutKeyIsDroppedAndCounted() {
        TxtRecord.Decoded d = TxtRecord.decode(items("=value", "p=tcp"));
        assertThat(d.pairs()).isEqualTo(Map.of("p", "tcp"));
        assertThat(d.dropped()).isEqualTo(1);
    }

    @Test
    void emptyItemMeansNoPairs() {
        TxtRecord.Decoded d = TxtRecord.decode(List.of(new byte[0]));
        assertThat(d.pairs()).isEmpty();
        assertThat(d.dropped()).isZero();
    }

    @Test
    void itemOverOneByteLengthIsDropped() {
        byte[] big = new byte[TxtRecord.MAX_ITEM_BYTES + 1];
        Arrays.fill(big, (byte) 'a');
        TxtRecord.Decoded d = TxtRecord.decode(List.of(big, "p=tcp".getBytes(StandardCharsets.US_ASCII)));
        assertThat(d.pairs()).isEqualTo(Map.of("p", "tcp"));
        assertThat(d.dropped()).isEqualTo(1);
    }

    @Test
    void itemsBeyondTheTotalBoundAreDropped() {
        List<byte[]> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            byte[] item = new byte[200];
            Arrays.fill(item, (byte) 'x');
            byte[] key = String.format("k%03d=", i).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(key, 0, item, 0, key.length);
            many.add(item);
        }
        TxtRecord.Decoded d = TxtRecord.decode(many);
        // 201 bytes an item on the wire (length byte included): 44 fit in 8900.
        assertThat(d.pairs()).hasSize(44);
        assertThat(d.dropped()).isEqualTo(56);
    }

    @Test
    void malformedUtf8IsReplacedNotRejected() {
        TxtRecord.Decoded d = TxtRecord.decode(List.of(new byte[] {'p', '=', (byte) 0xff}));
        assertThat(d.pairs()).isEqualTo(Map.of("p", "\ufffd"));
    }

    @Test
    void stringsDecodeByTheSameRule() {
        assertThat(TxtRecord.decodeStrings(List.of("P=roce", "x")).pairs()).isEqualTo(Map.of("p", "roce", "x", ""));
    }
}
