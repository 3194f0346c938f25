package org.nvmexpress.discoverd.kernel.uevent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nvmexpress.discoverd.kernel.uevent.UeventBytes.ascii;
import static org.nvmexpress.discoverd.kernel.uevent.UeventBytes.concat;
import static org.nvmexpress.discoverd.kernel.uevent.UeventBytes.kernel;
import static org.nvmexpress.discoverd.kernel.uevent.UeventBytes.libudev;
import static org.nvmexpress.discoverd.kernel.uevent.UeventBytes.nulstr;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class UeventDecoderTest {
    private static final String NVME0 = "/devices/virtual/nvme-fabrics/ctl/nvme0";

    private static Uevent decoded(byte[] message) {
        UeventDecoder.Result result = UeventDecoder.decode(message);
        assertThat(result).isInstanceOf(UeventDecoder.Decoded.class);
        return ((UeventDecoder.Decoded) result).uevent();
    }

    private static String malformed(byte[] message) {
        UeventDecoder.Result result = UeventDecoder.decode(message);
        assertThat(result).isInstanceOf(UeventDecoder.Malformed.class);
        return ((UeventDecoder.Malformed) result).message();
    }

    @Test
    void kernelFormatDecodesEveryProperty() {
        Uevent uevent = decoded(kernel("change", NVME0, "nvme", 4711, "NVME_AEN=0x70f002", "DEVNAME=nvme0",
                "MAJOR=240"));
        assertThat(uevent).isEqualTo(new Uevent("change", NVME0, "nvme", 4711, Map.of("ACTION", "change",
                "DEVPATH", NVME0, "SUBSYSTEM", "nvme", "SEQNUM", "4711", "NVME_AEN", "0x70f002", "DEVNAME", "nvme0",
                "MAJOR", "240"), Uevent.Format.KERNEL));
        assertThat(uevent.properties().keySet()).containsExactly("ACTION", "DEVPATH", "SUBSYSTEM", "SEQNUM",
                "NVME_AEN", "DEVNAME", "MAJOR");
        assertThat(uevent.sysname()).isEqualTo("nvme0");
        assertThat(uevent.devname()).contains("nvme0");
        assertThat(uevent.describe()).isEqualTo("nvme change " + NVME0 + " (seqnum 4711)");
    }

    @Test
    void realKernelMessageDecodes() {
        // As the kernel sent it for "echo change > /sys/devices/virtual/mem/null/uevent".
        byte[] message = concat(nulstr("change@/devices/virtual/mem/null"), nulstr("ACTION=change",
                "DEVPATH=/devices/virtual/mem/null", "SUBSYSTEM=mem", "SYNTH_UUID=0", "MAJOR=1", "MINOR=3",
                "DEVNAME=null", "DEVMODE=0666", "SEQNUM=2305"));
        Uevent uevent = decoded(message);
        assertThat(uevent.describe()).isEqualTo("mem change /devices/virtual/mem/null (seqnum 2305)");
        assertThat(uevent.property("DEVMODE")).contains("0666");
        assertThat(uevent.property("ABSENT")).isEmpty();
    }

    @Test
    void libudevFormatDecodesAndIgnoresTheFilterHashes() {
        Uevent uevent = decoded(libudev("add", NVME0, "nvme", 12, "DEVNAME=/dev/nvme0", "USEC_INITIALIZED=1"));
        assertThat(uevent.format()).isEqualTo(Uevent.Format.LIBUDEV);
        assertThat(uevent.action()).isEqualTo("add");
        assertThat(uevent.seqnum()).isEqualTo(12);
        assertThat(uevent.devname()).contains("/dev/nvme0");
        assertThat(uevent.sysname()).isEqualTo("nvme0");
    }

    @Test
    void libudevPropertiesMayStartAfterALongerHeader() {
        byte[] properties = nulstr(UeventBytes.standard("remove", NVME0, "nvme", 3));
        byte[] message = concat(libudev(new byte[0]), new byte[8], properties);
        message = UeventBytes.withNativeInt(message, 12, 48);
        message = UeventBytes.withNativeInt(message, 16, 48);
        message = UeventBytes.withNativeInt(message, 20, properties.length);
        assertThat(decoded(message).action()).isEqualTo("remove");
    }

    @Test
    void libudevBytesAfterThePropertiesAreIgnored() {
        byte[] message = concat(libudev("add", NVME0, "nvme", 3), ascii("trailing junk"));
        assertThat(decoded(message).properties()).hasSize(4);
    }

    @Test
    void emptyEntriesAreSkipped() {
        byte[] message = concat(nulstr("add@/devices/x", "", "ACTION=add", "", "DEVPATH=/devices/x",
                "SUBSYSTEM=x", "SEQNUM=1"), new byte[3]);
        assertThat(decoded(message).properties()).hasSize(4);
    }

    @Test
    void valueMayContainEqualsAndBeEmpty() {
        Uevent uevent = decoded(kernel("add", "/devices/x", "x", 1, "A=b=c", "EMPTY="));
        assertThat(uevent.property("A")).contains("b=c");
        assertThat(uevent.property("EMPTY")).contains("");
    }

    @Test
    void messageOfExactlyTheLimitDecodes() {
        byte[] base = kernel("add", "/devices/x", "x", 1);
        int padding = UeventDecoder.MAX_MESSAGE_BYTES - base.length - "PAD=".length() - 1;
        byte[] message = kernel("add", "/devices/x", "x", 1, "PAD=" + "p".repeat(padding));
        assertThat(message).hasSize(UeventDecoder.MAX_MESSAGE_BYTES);
        assertThat(decoded(message).property("PAD")).hasValueSatisfying(v -> assertThat(v).hasSize(padding));
    }

    @Test
    void oversizedMessageIsMalformed() {
        byte[] message = new byte[UeventDecoder.MAX_MESSAGE_BYTES + 1];
        Arrays.fill(message, (byte) 'a');
        assertThat(malformed(message)).isEqualTo("byte 8192: longer than 8192 bytes");
    }

    @Test
    void emptyMessageIsMalformed() {
        assertThat(malformed(new byte[0])).isEqualTo("byte 0: empty message");
    }

    @Test
    void kernelHeaderWithoutNulIsMalformed() {
        assertThat(malformed(ascii("add@/devices/x"))).isEqualTo("byte 14: header 'add@/devices/x' has no NUL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "add@devices/x", "@/devices/x", "add/devices@x", ""})
    void kernelHeaderThatIsNotActionAtDevpathIsMalformed(String header) {
        byte[] message = concat(nulstr(header), nulstr(UeventBytes.standard("add", "/devices/x", "x", 1)));
        assertThat(malformed(message)).isEqualTo("byte 0: header '" + header + "' is not ACTION@DEVPATH");
    }

    @Test
    void garbageIsMalformedWithControlCharactersEscaped() {
        byte[] message = {(byte) 0xff, (byte) 0xfe, 0x1b, '[', '3', '1', 'm', '\n', 0, 1, 2};
        assertThat(malformed(message)).isEqualTo("byte 0: header '\ufffd\ufffd\\x1b[31m\\x0a' is not ACTION@DEVPATH");
    }

    @Test
    void kernelHeaderMustAgreeWithTheProperties() {
        byte[] message = concat(nulstr("add@/devices/x"), nulstr(UeventBytes.standard("remove", "/devices/x", "x", 1)));
        assertThat(malformed(message))
                .isEqualTo("byte 0: header 'add@/devices/x' disagrees with ACTION 'remove' and DEVPATH '/devices/x'");
    }

    @Test
    void lastPropertyWithoutNulIsMalformedAtItsOffset() {
        byte[] complete = kernel("add", "/devices/x", "x", 1);
        byte[] message = concat(complete, ascii("DEVNAME=x"));
        assertThat(malformed(message)).isEqualTo("byte " + complete.length + ": property 'DEVNAME=x' has no NUL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"JUNK", "=value"})
    void propertyWithoutKeyIsMalformedAtItsOffset(String entry) {
        byte[] complete = kernel("add", "/devices/x", "x", 1);
        assertThat(malformed(concat(complete, nulstr(entry))))
                .isEqualTo("byte " + complete.length + ": property '" + entry + "' is not KEY=VALUE");
    }

    @Test
    void duplicatePropertyIsMalformed() {
        byte[] complete = kernel("add", "/devices/x", "x", 1);
        assertThat(malformed(concat(complete, nulstr("SUBSYSTEM=nvme"))))
                .isEqualTo("byte " + complete.length + ": duplicate property 'SUBSYSTEM'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ACTION", "DEVPATH", "SUBSYSTEM", "SEQNUM"})
    void everyStandardPropertyIsRequired(String key) {
        List<String> entries = List.of(UeventBytes.standard("add", "/devices/x", "x", 1)).stream()
                .filter(e -> !e.startsWith(key + "=")).toList();
        byte[] message = libudev(nulstr(entries.toArray(String[]::new)));
        assertThat(malformed(message)).isEqualTo("byte 40: no " + key + " property");
    }

    @Test
    void emptyActionIsMalformed() {
        byte[] message = libudev(nulstr("ACTION=", "DEVPATH=/devices/x", "SUBSYSTEM=x", "SEQNUM=1"));
        assertThat(malformed(message)).isEqualTo("byte 40: empty ACTION property");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12a", "-1", "+1", " 1", "0x10", "99999999999999999999"})
    void seqnumMustBeDecimalAndFitALong(String seqnum) {
        byte[] message = libudev(nulstr("ACTION=add", "DEVPATH=/devices/x", "SUBSYSTEM=x", "SEQNUM=" + seqnum));
        int offset = 40 + "ACTION=add\0DEVPATH=/devices/x\0SUBSYSTEM=x\0".length();
        assertThat(malformed(message))
                .isEqualTo("byte " + offset + ": SEQNUM '" + seqnum + "' is not a decimal number");
    }

    /** Fuzzing found this: a 19-digit SEQNUM above Long.MAX_VALUE threw NumberFormatException. */
    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775808", "9999999999999999999"})
    void seqnumAboveTheLargestLongIsMalformed(String seqnum) {
        byte[] message = libudev(nulstr("ACTION=add", "DEVPATH=/devices/x", "SUBSYSTEM=x", "SEQNUM=" + seqnum));
        int offset = 40 + "ACTION=add\0DEVPATH=/devices/x\0SUBSYSTEM=x\0".length();
        assertThat(malformed(message))
                .isEqualTo("byte " + offset + ": SEQNUM '" + seqnum + "' is larger than 9223372036854775807");
    }

    @Test
    void seqnumOfTheLargestLongDecodes() {
        assertThat(decoded(kernel("add", NVME0, "nvme", Long.MAX_VALUE)).seqnum()).isEqualTo(Long.MAX_VALUE);
        assertThat(decoded(libudev(nulstr("ACTION=add", "DEVPATH=/devices/x", "SUBSYSTEM=x",
                "SEQNUM=0000000000000000042"))).seqnum()).isEqualTo(42);
    }

    @Test
    void relativeDevpathIsMalformed() {
        byte[] message = libudev(nulstr("ACTION=add", "DEVPATH=devices/x", "SUBSYSTEM=x", "SEQNUM=1"));
        assertThat(malformed(message)).isEqualTo("byte 51: DEVPATH 'devices/x' is not absolute");
    }

    @Test
    void truncatedLibudevHeaderIsMalformed() {
        byte[] message = Arrays.copyOf(libudev("add", "/devices/x", "x", 1), 18);
        assertThat(malformed(message)).isEqualTo("byte 18: libudev header needs 40 bytes, message has 18");
    }

    @Test
    void unknownMagicIsMalformed() {
        byte[] message = UeventBytes.withNetworkInt(libudev("add", "/devices/x", "x", 1), 8, 0xcafefeed);
        assertThat(malformed(message)).isEqualTo("byte 8: unknown magic 0xcafefeed, expected 0xfeedcafe");
    }

    @Test
    void magicInHostOrderIsUnknown() {
        byte[] message = UeventBytes.withNativeInt(libudev("add", "/devices/x", "x", 1), 8, 0xfeedcafe);
        assertThat(malformed(message)).startsWith("byte 8: unknown magic 0x")
                .isNotEqualTo("byte 8: unknown magic 0xfeedcafe, expected 0xfeedcafe");
    }

    @Test
    void headerSizeBelowFortyIsMalformed() {
        byte[] message = UeventBytes.withNativeInt(libudev("add", "/devices/x", "x", 1), 12, 32);
        assertThat(malformed(message)).isEqualTo("byte 12: header size 32 is below 40");
    }

    @Test
    void propertiesInsideTheHeaderAreMalformed() {
        byte[] message = UeventBytes.withNativeInt(libudev("add", "/devices/x", "x", 1), 16, 20);
        assertThat(malformed(message)).isEqualTo("byte 16: properties offset 20 lies inside the 40-byte header");
    }

    @Test
    void propertiesPastTheEndAreMalformedWithoutOverflow() {
        byte[] message = libudev("add", "/devices/x", "x", 1);
        assertThat(malformed(UeventBytes.withNativeInt(message, 20, 1000))).isEqualTo(
                "byte 20: properties (offset 40, length 1000) end past the message's " + message.length + " bytes");
        assertThat(malformed(UeventBytes.withNativeInt(message, 16, -1))).isEqualTo(
                "byte 20: properties (offset 4294967295, length " + (message.length - 40)
                        + ") end past the message's " + message.length + " bytes");
    }

    @Test
    void formatIsTheEightBytePrefix() {
        assertThat(UeventDecoder.formatOf(libudev("add", "/devices/x", "x", 1))).isEqualTo(Uevent.Format.LIBUDEV);
        assertThat(UeventDecoder.formatOf(ascii("libudev"))).isEqualTo(Uevent.Format.KERNEL);
        assertThat(UeventDecoder.formatOf(ascii("libudevX@/x"))).isEqualTo(Uevent.Format.KERNEL);
        assertThat(UeventDecoder.formatOf(kernel("add", "/devices/x", "x", 1))).isEqualTo(Uevent.Format.KERNEL);
    }

    @Test
    void longValuesAreCutInMessages() {
        byte[] message = concat(nulstr("x".repeat(200)), nulstr("A=b"));
        assertThat(malformed(message))
                .isEqualTo("byte 0: header '" + "x".repeat(80) + "'... (200 characters) is not ACTION@DEVPATH");
    }
}
