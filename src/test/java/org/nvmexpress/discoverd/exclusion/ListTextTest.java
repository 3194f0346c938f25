package org.nvmexpress.discoverd.exclusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.exclusion.ListLine.Kind;
import org.nvmexpress.discoverd.ini.Diagnostic;

final class ListTextTest {

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void classifyFollowsTheReferenceRules() {
        ListText list = ListText.parse(String.join("\n",
                "exclusion = nqn=before-any-header",
                "# comment",
                "   ",
                "[ exclusions ] anything after the bracket is ignored",
                "  exclusion=nqn=a=b  ",
                "Exclusion = nqn=case-matters",
                "exclusions = nqn=other-key",
                "no equals sign",
                "=nqn=empty-key",
                "[Exclusions]",
                "exclusion = nqn=in-foreign-section",
                "[exclusions",
                "exclusion = nqn=after-malformed-header",
                "[exclusions]",
                "exclusion = nqn=second-section\r",
                "[]",
                "exclusion = nqn=empty-section-name"));
        assertThat(list.lines()).extracting(ListLine::number, ListLine::kind, ListLine::value, ListLine::inExclusions)
                .containsExactly(
                        tuple(1, Kind.STRAY, "nqn=before-any-header", false),
                        tuple(2, Kind.BLANK_OR_COMMENT, "", false),
                        tuple(3, Kind.BLANK_OR_COMMENT, "", false),
                        tuple(4, Kind.SECTION, "exclusions", true),
                        tuple(5, Kind.ENTRY, "nqn=a=b", true),
                        tuple(6, Kind.FOREIGN, "", true),
                        tuple(7, Kind.FOREIGN, "", true),
                        tuple(8, Kind.FOREIGN, "", true),
                        tuple(9, Kind.FOREIGN, "", true),
                        tuple(10, Kind.SECTION, "Exclusions", false),
                        tuple(11, Kind.STRAY, "nqn=in-foreign-section", false),
                        tuple(12, Kind.MALFORMED_HEADER, "", false),
                        tuple(13, Kind.STRAY, "nqn=after-malformed-header", false),
                        tuple(14, Kind.SECTION, "exclusions", true),
                        tuple(15, Kind.ENTRY, "nqn=second-section", true),
                        tuple(16, Kind.SECTION, "", false),
                        tuple(17, Kind.STRAY, "nqn=empty-section-name", false));
        assertThat(list.entryLines()).extracting(ListLine::value).containsExactly("nqn=a=b", "nqn=second-section");
    }

    @Test
    void linesKeepTheirByteRanges() {
        ListText list = ListText.parse("[exclusions]\nexclusion = nqn=é\nlast"); // é is two bytes
        assertThat(list.lines()).extracting(ListLine::start, ListLine::end).containsExactly(tuple(0, 13), tuple(13, 32), tuple(32, 36));
    }

    @Test
    void invalidUtf8IsReadAndCopiedByteForByte() {
        byte[] content = {'#', ' ', (byte) 0xff, '\n', '[', 'e', 'x', 'c', 'l', 'u', 's', 'i', 'o', 'n', 's', ']', '\n'};
        ListText list = ListText.parse(content);
        assertThat(list.lines()).extracting(ListLine::kind).containsExactly(Kind.BLANK_OR_COMMENT, Kind.SECTION);
        byte[] added = list.withEntry("nqn=x");
        assertThat(added).startsWith(content);
        assertThat(text(added).substring(content.length - 2)).isEqualTo("]\nexclusion = nqn=x\n");
    }

    @Test
    void checkReportsEachBadLineAndWarnsAboutIgnoredLinesInTheSection() {
        String text = String.join("\n",
                "exclusion = nqn=stray",
                "[exclusions",
                "[exclusions]",
                "exclusion = transport=tcp;traddr=host.example",
                "exclusion =",
                "exclusion nqn=typo",
                "exclusion = nqn=fine",
                "[other]",
                "key = ignored without a warning",
                "");
        assertThat(ListText.parse(text).check("/etc/nvme/exclusions.conf")).containsExactly(
                Diagnostic.error("/etc/nvme/exclusions.conf", 1, "entry outside the [exclusions] section: 'exclusion = nqn=stray'"),
                Diagnostic.error("/etc/nvme/exclusions.conf", 2, "malformed section header '[exclusions': no closing ']'"),
                Diagnostic.error("/etc/nvme/exclusions.conf", 4, "invalid entry 'transport=tcp;traddr=host.example': "
                        + "traddr 'host.example' is not a numeric IPv4 or IPv6 address (transport tcp)"),
                Diagnostic.error("/etc/nvme/exclusions.conf", 5, "invalid entry '': no field set "
                        + "(keys: transport traddr trsvcid nqn host-traddr host-iface hostnqn hostid)"),
                Diagnostic.warning("/etc/nvme/exclusions.conf", 6, "ignored: not an 'exclusion = ENTRY' line: 'exclusion nqn=typo'"));
    }

    @Test
    void headerIsValidAndNamesTheList() {
        String header = ListText.header(ListName.DEFAULT);
        assertThat(header).startsWith("# nvme exclusion list: default\n").endsWith("\n\n[exclusions]\n");
        assertThat(header.split("\n", -1)).hasSize(6);
        assertThat(ListText.header(new ListName("tenant-b"))).startsWith("# nvme exclusion list: tenant-b\n");
        assertThat(ListText.parse(header).check("f")).isEmpty();
    }

    @Test
    void withEntryAppendsInsideTheSection() {
        assertThat(text(ListText.parse("[exclusions]\nexclusion = nqn=a\n").withEntry("nqn=b")))
                .isEqualTo("[exclusions]\nexclusion = nqn=a\nexclusion = nqn=b\n");
    }

    @Test
    void withEntryRepairsAFileThatDoesNotEndInTheSection() {
        assertThat(text(ListText.parse("exclusion = nqn=hand-made").withEntry("nqn=b")))
                .as("never entered, no final line break")
                .isEqualTo("exclusion = nqn=hand-made\n\n[exclusions]\nexclusion = nqn=b\n");
        assertThat(text(ListText.parse("[exclusions]\nexclusion = nqn=a\n[other]\nk = v\n").withEntry("nqn=b")))
                .as("last section is foreign")
                .isEqualTo("[exclusions]\nexclusion = nqn=a\n[other]\nk = v\n\n[exclusions]\nexclusion = nqn=b\n");
        assertThat(text(ListText.parse("[exclusions]\n[exclusions\n").withEntry("nqn=b")))
                .as("a malformed header ends the section")
                .isEqualTo("[exclusions]\n[exclusions\n\n[exclusions]\nexclusion = nqn=b\n");
        assertThat(text(ListText.parse("").withEntry("nqn=b"))).isEqualTo("\n[exclusions]\nexclusion = nqn=b\n");
    }

    @Test
    void withoutEntryRemovesOnlyTheFirstExactEntry() {
        ListText list = ListText.parse("[exclusions]\nexclusion = nqn=a\n# keep\nexclusion =   nqn=a  \nexclusion = nqn=ab\n");
        assertThat(list.withoutEntry("nqn=a").map(ListTextTest::text))
                .contains("[exclusions]\n# keep\nexclusion =   nqn=a  \nexclusion = nqn=ab\n");
        assertThat(list.withoutEntry("nqn=A")).isEmpty();
        assertThat(ListText.parse("exclusion = nqn=a\n").withoutEntry("nqn=a")).as("a stray line is no entry").isEmpty();
        assertThat(ListText.parse("[exclusions]\nexclusion = nqn=z").withoutEntry("nqn=z").map(ListTextTest::text))
                .contains("[exclusions]\n");
    }
}
