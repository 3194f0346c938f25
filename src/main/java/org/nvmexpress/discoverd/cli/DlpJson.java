package org.nvmexpress.discoverd.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import org.nvmexpress.discoverd.dlp.DiscoveryLogEntry;
import org.nvmexpress.discoverd.dlp.DiscoveryLogPage;
import org.nvmexpress.discoverd.dlp.TransportType;

/**
 * The JSON shape of {@code dlp show --output json}: {@code {"genctr", "numrec", "recfmt", "entries":
 * [...]}}, numbers as numbers (the 64-bit counters unsigned), strings as decoded. Codes with a name
 * ({@code trtype}, {@code adrfam}, {@code subtype}, {@code sectype}) are their names; {@code treq}
 * and {@code eflags} are the raw fields, with the two flags the daemon acts on beside them
 * ({@code epcsd}, {@code duplicate}). {@code sectype} is null for entries that are not tcp.
 *
 * <p>Streamed, entry by entry, to the writer: a page at the size limit has 16,384 entries, and
 * building a JSON tree of them and then one string of the tree ran the CLI out of memory. What is
 * held beyond the decoded page is the generator's buffer.
 */
final class DlpJson {
    /** Leaves the writer open: the command prints a line break after the document. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private DlpJson() {
    }

    /** Writes {@code page} to {@code out}, indented, and flushes it; {@code out} stays open. */
    static void write(DiscoveryLogPage page, Writer out) throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            unsigned(json, "genctr", page.genctr());
            unsigned(json, "numrec", page.numrec());
            json.writeNumberField("recfmt", page.recfmt());
            json.writeArrayFieldStart("entries");
            for (DiscoveryLogEntry e : page.entries()) {
                entry(json, e);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void entry(JsonGenerator json, DiscoveryLogEntry e) throws IOException {
        json.writeStartObject();
        json.writeStringField("trtype", e.transportType().libnvmeName());
        json.writeStringField("adrfam", e.addressFamily().libnvmeName());
        json.writeStringField("subtype", e.kind().key());
        json.writeNumberField("treq", e.treq().value());
        json.writeNumberField("portid", e.portid());
        json.writeNumberField("cntlid", e.cntlid());
        json.writeNumberField("asqsz", e.asqsz());
        json.writeNumberField("eflags", e.eflags().value());
        json.writeBooleanField("epcsd", e.eflags().explicitPersistentConnection());
        json.writeBooleanField("duplicate", e.eflags().duplicateReturnInformation());
        json.writeStringField("trsvcid", e.trsvcid());
        json.writeStringField("subnqn", e.subnqn());
        json.writeStringField("traddr", e.traddr());
        json.writeStringField("sectype", e.transportType() == TransportType.TCP ? e.securityType().libnvmeName() : null);
        json.writeEndObject();
    }

    private static void unsigned(JsonGenerator json, String name, long value) throws IOException {
        json.writeFieldName(name);
        if (value >= 0) {
            json.writeNumber(value);
        } else {
            json.writeNumber(new BigInteger(Long.toUnsignedString(value)));
        }
    }
}
