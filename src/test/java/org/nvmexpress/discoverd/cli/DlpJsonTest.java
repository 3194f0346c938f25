package org.nvmexpress.discoverd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.nvmexpress.discoverd.dlp.DiscoveryLogDecoder;
import org.nvmexpress.discoverd.dlp.DiscoveryLogPage;
import org.nvmexpress.discoverd.dlp.DlpDecodeException;
import org.nvmexpress.discoverd.sim.fabric.DlpWriter;

/**
 * {@code dlp show --output json} is streamed: however many entries and however long their strings,
 * the writer gets the document in pieces no larger than the generator's buffer, never as one
 * string of the whole page. Counted as the largest single write.
 */
final class DlpJsonTest {
    /** Well above Jackson's 8,000-character buffer, far below one entry's share of a large page. */
    private static final int MAX_CHUNK = 16_000;

    /** Records each write's size; keeps the text so it can be parsed back. */
    private static final class ChunkCountingWriter extends Writer {
        private final StringBuilder text = new StringBuilder();
        private int largestWrite;
        private int writes;

        @Override
        public void write(char[] buffer, int offset, int length) {
            largestWrite = Math.max(largestWrite, length);
            writes++;
            text.append(buffer, offset, length);
        }

        @Override
        public void write(String s, int offset, int length) {
            largestWrite = Math.max(largestWrite, length);
            writes++;
            text.append(s, offset, length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            throw new AssertionError("the command's writer must stay open");
        }
    }

    static DiscoveryLogPage page(int entries) throws DlpDecodeException {
        DlpWriter writer = new DlpWriter().genctr(-2L);
        for (int i = 0; i < entries; i++) {
            writer.entry(DlpWriter.tcp("10.0." + (i >> 8 & 0xff) + "." + (i & 0xff), "4".repeat(31),
                    "nqn.2024-01.com.example:" + "\u00e9".repeat(115) + i));
        }
        return DiscoveryLogDecoder.decode(writer.build());
    }

    @Property(tries = 200)
    void anyPageIsWrittenInBoundedChunksAndReadsBack(@ForAll @IntRange(max = 200) int entries)
            throws IOException, DlpDecodeException {
        DiscoveryLogPage page = page(entries);
        ChunkCountingWriter out = new ChunkCountingWriter();
        DlpJson.write(page, out);
        assertThat(out.largestWrite).isLessThanOrEqualTo(MAX_CHUNK);
        assertThat(out.writes).isGreaterThanOrEqualTo(out.text.length() / MAX_CHUNK);
        JsonNode json = new ObjectMapper().readTree(out.text.toString());
        assertThat(json.get("genctr").asText()).isEqualTo("18446744073709551614");
        assertThat(json.get("numrec").asLong()).isEqualTo(entries);
        assertThat(json.get("entries")).hasSize(entries);
        if (entries > 0) {
            assertThat(json.get("entries").get(entries - 1).get("subnqn").asText())
                    .isEqualTo(page.entries().get(entries - 1).subnqn());
        }
    }
}
