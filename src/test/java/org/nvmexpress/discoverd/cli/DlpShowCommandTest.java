package org.nvmexpress.discoverd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.dlp.DiscoveryLogFetcher;
import org.nvmexpress.discoverd.sim.fabric.DlpWriter;

/** {@code nvme-discoverctl dlp show} on pages written by {@link DlpWriter}. */
final class DlpShowCommandTest {
    private static final String ME = "nvme-discoverctl dlp show: ";
    private static final String VOL = "nqn.2024-01.com.example:vol1";

    private final CommandRunner cli = new CommandRunner();

    @TempDir
    Path dir;

    private Path write(byte[] bytes) throws IOException {
        return Files.write(dir.resolve("discovery.raw"), bytes);
    }

    /** A self entry, a referral, two I/O subsystems (one over TLS, one over RDMA). */
    private Path sample() throws IOException {
        return write(new DlpWriter().genctr(12)
                .entry(DlpWriter.tcp("192.168.1.10", "8009", DlpWriter.DISCOVERY_NQN).subtype(3).treq(0x4)
                        .portid(1).eflags(0x2))
                .entry(DlpWriter.tcp("192.168.1.11", "8009", DlpWriter.DISCOVERY_NQN).subtype(1).portid(2).eflags(0x2))
                .entry(DlpWriter.tcp("2001:db8::20", "4420", VOL).treq(0x1).cntlid(0x10).asqsz(128).sectype(2))
                .entry(DlpWriter.rdma("10.1.0.20", "4420", VOL).rdma(1, 4, 1, 0xffff))
                .build());
    }

    @Test
    void textShowsTheHeaderAndOneBlockPerEntry() throws IOException {
        assertThat(cli.run("dlp", "show", sample().toString())).isZero();
        assertThat(cli.err()).isEmpty();
        assertThat(cli.out()).isEqualTo(String.join("\n",
                "genctr 12, numrec 4, recfmt 0",
                "",
                "entry 0 (offset 1024): current discovery subsystem",
                "  trtype:      tcp",
                "  adrfam:      ipv4",
                "  treq:        not specified, sq flow control disable supported",
                "  portid:      1",
                "  cntlid:      65535",
                "  asqsz:       32",
                "  eflags:      explicit discovery connections",
                "  trsvcid:     8009",
                "  subnqn:      nqn.2014-08.org.nvmexpress.discovery",
                "  traddr:      192.168.1.10",
                "  sectype:     none",
                "",
                "entry 1 (offset 2048): discovery subsystem referral",
                "  trtype:      tcp",
                "  adrfam:      ipv4",
                "  treq:        not specified",
                "  portid:      2",
                "  cntlid:      65535",
                "  asqsz:       32",
                "  eflags:      explicit discovery connections",
                "  trsvcid:     8009",
                "  subnqn:      nqn.2014-08.org.nvmexpress.discovery",
                "  traddr:      192.168.1.11",
                "  sectype:     none",
                "",
                "entry 2 (offset 3072): nvme subsystem",
                "  trtype:      tcp",
                "  adrfam:      ipv6",
                "  treq:        required",
                "  portid:      1",
                "  cntlid:      16",
                "  asqsz:       128",
                "  eflags:      none",
                "  trsvcid:     4420",
                "  subnqn:      nqn.2024-01.com.example:vol1",
                "  traddr:      2001:db8::20",
                "  sectype:     tls13",
                "",
                "entry 3 (offset 4096): nvme subsystem",
                "  trtype:      rdma",
                "  adrfam:      ipv4",
                "  treq:        not specified",
                "  portid:      1",
                "  cntlid:      65535",
                "  asqsz:       32",
                "  eflags:      none",
                "  trsvcid:     4420",
                "  subnqn:      nqn.2024-01.com.example:vol1",
                "  traddr:      10.1.0.20",
                "  rdma_prtype: roce-v2",
                "  rdma_qptype: connected",
                "  rdma_cms:    rdma-cm",
                "  rdma_pkey:   0xffff",
                ""));
    }

    @Test
    void jsonHasTheDocumentedFieldsWithNumbersAsNumbers() throws IOException {
        assertThat(cli.run("dlp", "show", "--output", "json", sample().toString())).isZero();
        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertThat(json.toString()).startsWith("{\"genctr\":12,\"numrec\":4,\"recfmt\":0,\"entries\":[");
        assertThat(json.get("entries").get(0).toString()).isEqualTo("{\"trtype\":\"tcp\",\"adrfam\":\"ipv4\","
                + "\"subtype\":\"current\",\"treq\":4,\"portid\":1,\"cntlid\":65535,\"asqsz\":32,\"eflags\":2,"
                + "\"epcsd\":true,\"duplicate\":false,\"trsvcid\":\"8009\",\"subnqn\":\"nqn.2014-08.org.nvmexpress.discovery\","
                + "\"traddr\":\"192.168.1.10\",\"sectype\":\"none\"}");
        assertThat(json.get("entries")).extracting(e -> e.get("subtype").asText())
                .containsExactly("current", "referral", "nvme", "nvme");
        assertThat(json.get("entries").get(2).get("sectype").asText()).isEqualTo("tls13");
        assertThat(json.get("entries").get(3).get("sectype").isNull()).isTrue();
        assertThat(json.get("entries").get(3).get("trtype").asText()).isEqualTo("rdma");
    }

    /**
     * Fuzzing found this: a page at the size limit (16,384 entries, 16 MiB) ran {@code --output json}
     * out of memory. Streamed, it prints every entry; this runs in the test JVM's usual heap.
     */
    @Test
    void jsonOfAPageAtTheSizeLimitHasEveryEntry() throws Exception {
        int records = DiscoveryLogFetcher.DEFAULT_MAX_RECORDS;
        DlpWriter writer = new DlpWriter();
        for (int i = 0; i < records; i++) {
            writer.entry(DlpWriter.tcp("10.0." + (i >> 8) + "." + (i & 0xff), "4420", VOL + ":" + "x".repeat(200)));
        }
        byte[] bytes = writer.build();
        assertThat(bytes).hasSize(DlpShowCommand.MAX_BYTES);
        assertThat(cli.run("dlp", "show", "--output", "json", write(bytes).toString())).isZero();
        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertThat(json.get("numrec").asInt()).isEqualTo(records);
        assertThat(json.get("entries")).hasSize(records);
        assertThat(json.get("entries").get(records - 1).get("traddr").asText()).isEqualTo("10.0.63.255");
    }

    @Test
    void jsonCountersAreUnsigned() throws IOException {
        Path page = write(new DlpWriter().genctr(-1L).build());
        assertThat(cli.run("dlp", "show", "-o", "json", page.toString())).isZero();
        assertThat(new ObjectMapper().readTree(cli.out()).toString())
                .isEqualTo("{\"genctr\":18446744073709551615,\"numrec\":0,\"recfmt\":0,\"entries\":[]}");
    }

    @Test
    void emptyPageIsJustTheHeader() throws IOException {
        assertThat(cli.run("dlp", "show", write(new DlpWriter().genctr(3).build()).toString())).isZero();
        assertThat(cli.out()).isEqualTo("genctr 3, numrec 0, recfmt 0\n");
    }

    @Test
    void truncatedFileIsBadInputNamingTheOffset() throws IOException {
        byte[] full = new DlpWriter().entry(DlpWriter.tcp("192.168.1.20", "4420", VOL))
                .entry(DlpWriter.tcp("192.168.1.21", "4420", VOL)).build();
        Path page = write(Arrays.copyOf(full, 2500));

        assertThat(cli.run("dlp", "show", page.toString())).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).isEqualTo(ME + page + ": entry 1 at offset 2048: missing: the header's numrec is 2 but"
                + " the page is 2500 bytes long, and this entry needs bytes 2048 to 3071\n");
    }

    @Test
    void fileShorterThanTheHeaderIsBadInput() throws IOException {
        Path page = write(new byte[20]);
        assertThat(cli.run("dlp", "show", page.toString())).isEqualTo(2);
        assertThat(cli.err()).isEqualTo(ME + page + ": header at offset 0: the page is 20 bytes, shorter than its"
                + " 1024-byte header\n");
    }

    @Test
    void missingFileAndDirectoryAreBadInput() {
        Path missing = dir.resolve("none.raw");
        assertThat(cli.run("dlp", "show", missing.toString())).isEqualTo(2);
        assertThat(cli.err()).isEqualTo(ME + missing + ": cannot read: no such file\n");
        CommandRunner other = new CommandRunner();
        assertThat(other.run("dlp", "show", dir.toString())).isEqualTo(2);
        assertThat(other.err()).isEqualTo(ME + dir + ": is a directory, not a log page\n");
    }

    @Test
    void warningsGoToStderrAndThePageIsStillShown() throws IOException {
        Path page = write(new DlpWriter().entry(DlpWriter.fc("nn-0x1000,pn-0x2000", VOL))
                .entry(DlpWriter.tcp("192.168.1.20", "4420", VOL).trtype(7).adrfam(9)).build());

        assertThat(cli.run("dlp", "show", page.toString())).isZero();
        assertThat(cli.err()).isEqualTo(ME + "warning: " + page + ": entry 0 at offset 1024: FC traddr"
                + " 'nn-0x1000,pn-0x2000' separates its names with ',' instead of ':'; read as 'nn-0x1000:pn-0x2000'\n"
                + ME + "warning: " + page + ": entry 1 at offset 2048: transport type 7 is not rdma (1), fc (2), tcp (3)"
                + " or loop (254); the entry is never connected\n");
        assertThat(cli.out()).contains("  traddr:      nn-0x1000:pn-0x2000\n")
                .contains("  trtype:      unrecognized (7)\n  adrfam:      unrecognized (9)\n");
    }

    @Test
    void controlCharactersInStringsAreEscapedInText() throws IOException {
        Path page = write(new DlpWriter().entry(DlpWriter.tcp("192.168.1.20", "4420", "nqn.x\u001b[2Jy")).build());
        assertThat(cli.run("dlp", "show", page.toString())).isZero();
        assertThat(cli.out()).contains("  subnqn:      nqn.x\\x1b[2Jy\n");
    }

    @Test
    void dlpWithoutSubcommandIsAUsageError() {
        assertThat(cli.run("dlp")).isEqualTo(2);
        assertThat(cli.err()).startsWith("nvme-discoverctl dlp: a subcommand is required: show\n");
    }
}
