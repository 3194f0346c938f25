package org.nvmexpress.discoverd.cli;

import java.io.PrintWriter;
import org.nvmexpress.discoverd.dlp.DiscoveryLogEntry;
import org.nvmexpress.discoverd.dlp.DiscoveryLogPage;
import org.nvmexpress.discoverd.dlp.TransportSpecific;

/**
 * The text {@code dlp show} prints for people: the header on one line, then a block per entry with
 * nvme-cli's labels and libnvme's names (the raw code beside a name libnvme does not know). Control
 * characters in the page's strings print as {@code \xNN}, so a hostile page cannot drive the
 * terminal.
 */
final class DlpText {
    private DlpText() {
    }

    static void print(DiscoveryLogPage page, PrintWriter out) {
        out.printf("genctr %s, numrec %d, recfmt %d%n", Long.toUnsignedString(page.genctr()), page.numrec(),
                page.recfmt());
        for (DiscoveryLogEntry e : page.entries()) {
            out.println();
            entry(e, out);
        }
    }

    private static void entry(DiscoveryLogEntry e, PrintWriter out) {
        out.printf("entry %d (offset %d): %s%n", e.index(), e.offset(), named(e.kind().libnvmeName(), e.subtype()));
        line(out, "trtype", named(e.transportType().libnvmeName(), e.trtype()));
        line(out, "adrfam", named(e.addressFamily().libnvmeName(), e.adrfam()));
        line(out, "treq", named(e.treq().libnvmeName(), e.treq().value()));
        line(out, "portid", String.valueOf(e.portid()));
        line(out, "cntlid", String.valueOf(e.cntlid()));
        line(out, "asqsz", String.valueOf(e.asqsz()));
        line(out, "eflags", named(e.eflags().libnvmeName(), e.eflags().value()));
        line(out, "trsvcid", printable(e.trsvcid()));
        line(out, "subnqn", printable(e.subnqn()));
        line(out, "traddr", printable(e.traddr()));
        if (e.tsas() instanceof TransportSpecific.Tcp tcp) {
            line(out, "sectype", named(tcp.securityType().libnvmeName(), tcp.sectype()));
        } else if (e.tsas() instanceof TransportSpecific.Rdma rdma) {
            line(out, "rdma_prtype", named(rdma.prtypeName(), rdma.prtype()));
            line(out, "rdma_qptype", named(rdma.qptypeName(), rdma.qptype()));
            line(out, "rdma_cms", named(rdma.cmsName(), rdma.cms()));
            line(out, "rdma_pkey", String.format("0x%04x", rdma.pkey()));
        }
    }

    private static void line(PrintWriter out, String label, String value) {
        out.printf("  %-12s %s%n", label + ":", value);
    }

    /** The name, with the raw code when the name is libnvme's {@code unrecognized}. */
    private static String named(String name, int code) {
        return "unrecognized".equals(name) ? name + " (" + code + ")" : name;
    }

    private static String printable(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            out.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
