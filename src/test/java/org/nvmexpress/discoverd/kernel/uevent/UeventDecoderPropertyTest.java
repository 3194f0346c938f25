package org.nvmexpress.discoverd.kernel.uevent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever the bytes, decoding returns a value (never throws), a {@code Malformed} offset lies
 * inside the message, and every classification of a decoded uevent is a value too. Well-formed
 * messages built from random properties decode to exactly those properties, in both formats.
 */
final class UeventDecoderPropertyTest {

    @Property(tries = 1000)
    void randomBytesDecodeToAValue(@ForAll @Size(max = 9000) byte[] bytes) {
        check(bytes);
        check(UeventBytes.concat(UeventBytes.ascii("libudev\0"), bytes));
    }

    @Property(tries = 2000)
    void mutatedMessagesDecodeToAValue(@ForAll("messages") byte[] message, @ForAll("positions") List<Integer> positions,
            @ForAll byte value, @ForAll @IntRange(min = 0, max = 300) int cut) {
        byte[] mutated = message.clone();
        for (int position : positions) {
            mutated[position % mutated.length] = value;
        }
        check(mutated);
        check(Arrays.copyOf(mutated, Math.max(0, mutated.length - cut)));
    }

    @Property(tries = 500)
    void wellFormedMessagesRoundTrip(@ForAll("extraProperties") Map<String, String> extra, @ForAll boolean libudev) {
        List<String> entries = new ArrayList<>();
        extra.forEach((k, v) -> entries.add(k + "=" + v));
        String[] array = entries.toArray(String[]::new);
        byte[] message = libudev ? UeventBytes.libudev("change", "/devices/d", "nvme", 42, array)
                : UeventBytes.kernel("change", "/devices/d", "nvme", 42, array);
        UeventDecoder.Result result = UeventDecoder.decode(message);
        assertThat(result).isInstanceOf(UeventDecoder.Decoded.class);
        Map<String, String> expected = new LinkedHashMap<>(Map.of("ACTION", "change", "DEVPATH", "/devices/d",
                "SUBSYSTEM", "nvme", "SEQNUM", "42"));
        expected.putAll(extra);
        assertThat(((UeventDecoder.Decoded) result).uevent().properties()).isEqualTo(expected);
    }

    /**
     * Hostile shapes: SEQNUMs of any length up to 25 digits (19-digit ones on both sides of
     * Long.MAX_VALUE), values thousands of bytes long, runs of '=' and NUL separators, and as many
     * properties as fit the message. Decoding gives a value; a decoded uevent keeps at most one
     * property per two bytes of the message (counted).
     */
    @Property(tries = 500)
    void hostileShapesDecodeToAValueWithinBounds(@ForAll("seqnums") String seqnum, @ForAll("hostileEntries")
            List<String> extra, @ForAll boolean libudev) {
        String[] standard = {"ACTION=add", "DEVPATH=/devices/d", "SUBSYSTEM=nvme", "SEQNUM=" + seqnum};
        String[] entries = new String[standard.length + extra.size()];
        System.arraycopy(standard, 0, entries, 0, standard.length);
        for (int i = 0; i < extra.size(); i++) {
            entries[standard.length + i] = extra.get(i);
        }
        byte[] message = libudev ? UeventBytes.libudev(UeventBytes.nulstr(entries))
                : UeventBytes.concat(UeventBytes.ascii("add@/devices/d\0"), UeventBytes.nulstr(entries));
        check(message);
        boolean fitsALong = seqnum.length() < 19 || seqnum.length() == 19 && seqnum.compareTo("9223372036854775807") <= 0;
        UeventDecoder.Result result = UeventDecoder.decode(message);
        if (result instanceof UeventDecoder.Decoded decoded) {
            assertThat(fitsALong).isTrue();
            assertThat(decoded.uevent().seqnum()).isEqualTo(Long.parseLong(seqnum));
            assertThat(decoded.uevent().properties().size()).isLessThanOrEqualTo(message.length / 2);
        } else if (extra.isEmpty()) {
            assertThat(fitsALong).as("%s", result).isFalse();
        }
    }

    @Provide
    Arbitrary<String> seqnums() {
        return Arbitraries.oneOf(Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(25),
                Arbitraries.longs().between(0, Long.MAX_VALUE).map(String::valueOf),
                Arbitraries.of("9223372036854775807", "9223372036854775808", "9999999999999999999",
                        "0000000000000000001", "18446744073709551615"));
    }

    @Provide
    Arbitrary<List<String>> hostileEntries() {
        Arbitrary<Integer> run = Arbitraries.integers().between(1, 3_000);
        Arbitrary<String> entry = Arbitraries.oneOf(
                run.map(n -> "K=" + "v".repeat(n)),
                run.map(n -> "K" + n + "=" + "=".repeat(n)),
                run.map(n -> "=".repeat(n)),
                run.map(n -> "X" + n + "=" + "\0".repeat(n % 64)),
                Arbitraries.integers().between(1, 9_999).map(n -> "P" + n + "=1"));
        return entry.list().ofMaxSize(40);
    }

    private static void check(byte[] bytes) {
        UeventDecoder.Result result = UeventDecoder.decode(bytes);
        if (result instanceof UeventDecoder.Malformed bad) {
            assertThat(bad.offset()).isBetween(0, Math.max(bytes.length, 0));
            assertThat(bad.message()).doesNotContain("\n").doesNotContain("\u001b");
        } else {
            UeventClassifier.Classification classification =
                    UeventClassifier.classify(((UeventDecoder.Decoded) result).uevent());
            assertThat(classification).isNotNull();
        }
    }

    @Provide
    Arbitrary<byte[]> messages() {
        Arbitrary<String> subsystem = Arbitraries.of("nvme", "fc", "block");
        Arbitrary<String> action = Arbitraries.of("add", "remove", "change");
        return Arbitraries.of(true, false).flatMap(libudev -> subsystem.flatMap(s -> action.map(a -> libudev
                ? UeventBytes.libudev(a, "/devices/virtual/nvme-fabrics/ctl/nvme3", s, 7, "NVME_AEN=0x70f002",
                        "FC_EVENT=nvmediscovery", "NVMEFC_TRADDR=nn-0x1:pn-0x2")
                : UeventBytes.kernel(a, "/devices/virtual/nvme-fabrics/ctl/nvme3", s, 7, "NVME_EVENT=rediscover",
                        "FC_EVENT=nvmediscovery", "NVMEFC_TRADDR=nn-0x1:pn-0x2", "NVMEFC_HOST_TRADDR=x"))));
    }

    @Provide
    Arbitrary<List<Integer>> positions() {
        return Arbitraries.integers().between(0, 10_000).list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<Map<String, String>> extraProperties() {
        Arbitrary<String> key = Arbitraries.strings().withCharRange('A', 'Z').withChars('_').ofMinLength(1)
                .ofMaxLength(12).filter(k -> !List.of("ACTION", "DEVPATH", "SUBSYSTEM", "SEQNUM").contains(k));
        Arbitrary<String> value = Arbitraries.strings().withCharRange(' ', '~').withChars('\u00e9', '\n')
                .ofMaxLength(40);
        return Arbitraries.maps(key, value).ofMaxSize(20);
    }
}
