package org.nvmexpress.discoverd.exclusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.exclusion.ExclusionException.Reason;
import org.nvmexpress.discoverd.ini.Diagnostic;
import org.nvmexpress.discoverd.tid.TidParser;

/** The cases of upstream's {@code libnvme/tests/exclusion.c} (reference §14.3), as our own tests. */
final class ExclusionListsTest {
    private static final ListName TENANT = new ListName("tenant-b");
    private static final String VOL1 = "transport=tcp;traddr=192.0.2.10;trsvcid=4420;nqn=nqn.2024-01.com.example:vol1";

    @TempDir
    Path root;

    private ExclusionLists lists() {
        return new ExclusionLists(root);
    }

    private Path file(ListName name) {
        return lists().file(name);
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private String content(ListName name) throws IOException {
        return Files.readString(file(name));
    }

    @Test
    void createAddAndWriteLeaveMode0644AndDirectories0755() throws Exception {
        lists().create(TENANT);
        assertThat(mode(file(TENANT))).isEqualTo("rw-r--r--");
        assertThat(mode(file(TENANT).getParent())).isEqualTo("rwxr-xr-x");
        Files.setPosixFilePermissions(file(TENANT), PosixFilePermissions.fromString("rw-------"));
        lists().add(TENANT, VOL1);
        assertThat(mode(file(TENANT))).isEqualTo("rw-r--r--");
        Files.setPosixFilePermissions(file(TENANT), PosixFilePermissions.fromString("rw-------"));
        ListContent read = lists().read(TENANT);
        lists().write(TENANT, read.text() + "exclusion = nqn=x\n", read.version());
        assertThat(mode(file(TENANT))).isEqualTo("rw-r--r--");
        lists().add(ListName.DEFAULT, VOL1);
        assertThat(mode(file(ListName.DEFAULT))).isEqualTo("rw-r--r--");
    }

    @Test
    void createWritesTheHeaderAndRefusesAnExistingList() throws Exception {
        lists().create(TENANT);
        assertThat(content(TENANT)).isEqualTo(ExclusionLists.header(TENANT));
        assertThatThrownBy(() -> lists().create(TENANT))
                .isInstanceOfSatisfying(ExclusionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ALREADY_EXISTS))
                .hasMessage("exclusion list 'tenant-b' already exists (" + file(TENANT) + ")");
    }

    @Test
    void readWriteRoundTripCarriesTheVersion() throws Exception {
        lists().add(TENANT, VOL1);
        ListContent first = lists().read(TENANT);
        assertThat(first.text()).isEqualTo(ExclusionLists.header(TENANT) + "exclusion = " + VOL1 + "\n");
        assertThat(first.version()).isEqualTo(ListContent.versionOf(Files.readAllBytes(file(TENANT))));
        String edited = first.text() + "# a note\nexclusion = host-iface=eth3\n";
        lists().write(TENANT, edited, first.version());
        ListContent second = lists().read(TENANT);
        assertThat(second.text()).isEqualTo(edited);
        assertThat(second.version()).isNotEqualTo(first.version());
        assertThat(lists().entries(TENANT)).extracting(EntryLine::text).containsExactly(VOL1, "host-iface=eth3");
    }

    @Test
    void writeWithAStaleVersionFailsAndKeepsTheNewerList() throws Exception {
        lists().add(TENANT, VOL1);
        ListContent read = lists().read(TENANT);
        lists().add(TENANT, "nqn=nqn.other");
        String newer = content(TENANT);
        long current = ListContent.versionOf(newer.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> lists().write(TENANT, read.text(), read.version()))
                .isInstanceOfSatisfying(ExclusionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.STALE))
                .hasMessage(String.format("exclusion list 'tenant-b' changed since it was read (%s): version %016x, expected %016x",
                        file(TENANT), current, read.version()));
        assertThat(content(TENANT)).isEqualTo(newer);
    }

    @Test
    void writeRefusesAnInvalidEntryListingEveryBadLineAndWritesNothing() throws Exception {
        lists().add(TENANT, VOL1);
        ListContent read = lists().read(TENANT);
        String bad = read.text() + "exclusion = transport=tcp;traddr=host.example\nexclusion = nqn=fine\nexclusion = bogus\n";
        String f = file(TENANT).toString();
        assertThatThrownBy(() -> lists().write(TENANT, bad, read.version()))
                .isInstanceOfSatisfying(ExclusionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INVALID_CONTENT);
                    assertThat(e.problems()).containsExactly(
                            Diagnostic.error(f, 7, "invalid entry 'transport=tcp;traddr=host.example': "
                                    + "traddr 'host.example' is not a numeric IPv4 or IPv6 address (transport tcp)"),
                            Diagnostic.error(f, 9, "invalid entry 'bogus': bare token without '=': 'bogus'"));
                })
                .hasMessage(f + ": 2 invalid lines, nothing written");
        assertThat(lists().read(TENANT)).isEqualTo(read);
    }

    @Test
    void missingListReadsEmptyAndWriteWithVersionZeroCreatesIt() throws Exception {
        assertThat(lists().read(TENANT)).isEqualTo(new ListContent("", ListContent.ABSENT));
        lists().write(TENANT, "[exclusions]\nexclusion = " + VOL1 + "\n", ListContent.ABSENT);
        assertThat(mode(file(TENANT))).isEqualTo("rw-r--r--");
        assertThat(lists().match(TidParser.strict(VOL1)).excluded()).isTrue();
        assertThatThrownBy(() -> lists().write(TENANT, "", ListContent.ABSENT))
                .as("version 0 means 'must not exist yet'")
                .isInstanceOfSatisfying(ExclusionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.STALE));
    }

    @Test
    void writeRefusesAnEntryBeforeAnyHeader() throws Exception {
        assertThatThrownBy(() -> lists().write(TENANT, "exclusion = " + VOL1 + "\n[exclusions]\n", ListContent.ABSENT))
                .isInstanceOfSatisfying(ExclusionException.class, e -> assertThat(e.problems()).containsExactly(
                        Diagnostic.error(file(TENANT).toString(), 1, "entry outside the [exclusions] section: 'exclusion = " + VOL1 + "'")));
        assertThat(file(TENANT)).doesNotExist();
    }

    @Test
    void writeRefusesAMalformedHeader() {
        assertThatThrownBy(() -> lists().write(TENANT, "[exclusions\n", ListContent.ABSENT))
                .isInstanceOfSatisfying(ExclusionException.class, e -> assertThat(e.problems()).containsExactly(
                        Diagnostic.error(file(TENANT).toString(), 1, "malformed section header '[exclusions': no closing ']'")));
    }

    @Test
    void writeAcceptsAForeignSectionAndReadersIgnoreIt() throws Exception {
        lists().write(TENANT, "[reserved]\nkey = value\n[exclusions]\nexclusion = nqn=a\n[later]\nother = nqn=b\n", ListContent.ABSENT);
        assertThat(lists().entries(TENANT)).containsExactly(new EntryLine(4, "nqn=a"));
        assertThat(lists().match(TidParser.strict("nqn=a")).excluded()).isTrue();
        assertThat(lists().match(TidParser.strict("nqn=b")).excluded()).isFalse();
    }

    @Test
    void handMadeFileWithoutHeaderIsIgnoredUntilAddRepairsIt() throws Exception {
        Files.createDirectories(file(TENANT).getParent());
        Files.writeString(file(TENANT), "exclusion = nqn=hand-made\n");
        assertThat(lists().entries(TENANT)).isEmpty();
        assertThat(lists().match(TidParser.strict("nqn=hand-made")).excluded()).isFalse();
        lists().add(TENANT, "nqn=added");
        assertThat(content(TENANT)).isEqualTo("exclusion = nqn=hand-made\n\n[exclusions]\nexclusion = nqn=added\n");
        assertThat(lists().match(TidParser.strict("nqn=added")).excluded()).isTrue();
        assertThat(lists().match(TidParser.strict("nqn=hand-made")).excluded()).as("still stray").isFalse();
    }

    @Test
    void defaultListCreateAddMatchRemoveDelete() throws Exception {
        Path main = root.resolve("etc/nvme/exclusions.conf");
        lists().create(ListName.DEFAULT);
        assertThat(main).hasContent(ExclusionLists.header(ListName.DEFAULT));
        assertThat(Files.readString(main)).startsWith("# nvme exclusion list: default\n");
        lists().add(ListName.DEFAULT, "  " + VOL1 + "  ");
        MatchResult result = lists().match(TidParser.strict(VOL1));
        assertThat(result).isEqualTo(new MatchResult.Excluded(main, 6, ExclusionEntry.parse(VOL1), List.of()));
        lists().remove(ListName.DEFAULT, VOL1);
        assertThat(main).hasContent(ExclusionLists.header(ListName.DEFAULT));
        assertThat(lists().match(TidParser.strict(VOL1)).excluded()).isFalse();
        lists().delete(ListName.DEFAULT);
        assertThat(main).doesNotExist();
        assertThat(lists().match(TidParser.strict(VOL1))).isEqualTo(new MatchResult.NotExcluded(List.of()));
    }

    @Test
    void removeTakesTheFirstExactEntryOnly() throws Exception {
        lists().add(TENANT, "nqn=a");
        lists().add(TENANT, "nqn=ab");
        lists().add(TENANT, "nqn=a");
        lists().remove(TENANT, "nqn=a");
        assertThat(lists().entries(TENANT)).extracting(EntryLine::text).containsExactly("nqn=ab", "nqn=a");
        assertThatThrownBy(() -> lists().remove(TENANT, "nqn=missing"))
                .isInstanceOfSatisfying(ExclusionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND))
                .hasMessage("entry 'nqn=missing' not found in exclusion list 'tenant-b' (" + file(TENANT) + ")");
    }

    @Test
    void removeAndDeleteOfAMissingListAreNotFound() {
        String message = "exclusion list 'tenant-b' not found (" + file(TENANT) + ")";
        assertThatThrownBy(() -> lists().remove(TENANT, "nqn=a")).hasMessage(message);
        assertThatThrownBy(() -> lists().delete(TENANT)).hasMessage(message);
        assertThatThrownBy(() -> lists().entries(TENANT)).hasMessage(message);
        assertThat(root.resolve("etc")).as("nothing created for a failed change").doesNotExist();
    }

    @Test
    void listsReportsTheDefaultListThenTheDropInsByName() throws Exception {
        assertThat(lists().lists()).isEmpty();
        lists().add(new ListName("b"), "nqn=b");
        lists().add(new ListName("B"), "nqn=b");
        lists().add(ListName.DEFAULT, "nqn=d");
        lists().add(new ListName("a"), "nqn=a");
        Path dir = root.resolve("etc/nvme/exclusions.conf.d");
        assertThat(lists().lists()).containsExactly(
                new ListFile("default", root.resolve("etc/nvme/exclusions.conf"), true),
                new ListFile("B", dir.resolve("B.conf"), false),
                new ListFile("a", dir.resolve("a.conf"), false),
                new ListFile("b", dir.resolve("b.conf"), false));
    }

    @Test
    void writersLeaveNoTemporaryFiles() throws Exception {
        lists().create(TENANT);
        lists().add(TENANT, "nqn=a");
        lists().remove(TENANT, "nqn=a");
        ListContent read = lists().read(TENANT);
        lists().write(TENANT, read.text(), read.version());
        try (Stream<Path> files = Files.list(file(TENANT).getParent())) {
            assertThat(files).containsExactly(file(TENANT));
        }
    }

    /** Upstream's NULL-argument matrix: a missing context or argument is refused, a missing name is the default list. */
    @Test
    void nullArgumentsAreRefusedNamingTheArgument() {
        assertThatThrownBy(() -> new ExclusionLists(null)).isInstanceOf(NullPointerException.class).hasMessage("root");
        assertThatThrownBy(() -> lists().match(null)).isInstanceOf(NullPointerException.class).hasMessage("connection");
        assertThatThrownBy(() -> lists().add(TENANT, null)).isInstanceOf(NullPointerException.class).hasMessage("entry");
        assertThatThrownBy(() -> lists().remove(TENANT, null)).isInstanceOf(NullPointerException.class).hasMessage("entry");
        assertThatThrownBy(() -> lists().write(TENANT, null, 0)).isInstanceOf(NullPointerException.class).hasMessage("text");
        assertThatThrownBy(() -> lists().create(null)).isInstanceOf(NullPointerException.class).hasMessage("name");
        assertThat(ListName.of(null)).isEqualTo(ListName.DEFAULT);
    }
}
