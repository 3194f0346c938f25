package org.nvmexpress.discoverd.exclusion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.ini.Diagnostic;
import org.nvmexpress.discoverd.ini.UnreadableFile;
import org.nvmexpress.discoverd.tid.TidParser;
import org.nvmexpress.discoverd.tid.TransportId;

/** The lists read once for a pass: what a snapshot holds, that matching reads nothing, and when it is stale. */
final class ExclusionSnapshotTest {
    private static final TransportId VOL1 = TidParser.strict("transport=tcp;traddr=192.0.2.10;trsvcid=4420;nqn=nqn.2024-01.com.example:vol1");
    private static final ListName TENANT = new ListName("tenant");

    @TempDir
    Path root;

    private ExclusionLists lists() {
        return new ExclusionLists(root);
    }

    private Path dropIn(String fileName, String content) throws IOException {
        Path dir = Files.createDirectories(root.resolve("etc/nvme/exclusions.conf.d"));
        return Files.writeString(dir.resolve(fileName), content);
    }

    private Path mainFile() throws IOException {
        return Files.createDirectories(root.resolve("etc/nvme")).resolve("exclusions.conf");
    }

    @Test
    void snapshotHoldsTheValidEntriesWithFileAndLineInMatchOrder() throws Exception {
        Path b = dropIn("b.conf", "[exclusions]\nexclusion = traddr=::ffff:192.0.2.10\nexclusion = nqn\n");
        Path a = dropIn("a.conf", "# tenant a\n[exclusions]\nexclusion = transport=tcp;traddr=host.example\n\nexclusion = trsvcid=4420\n");
        Path main = Files.writeString(mainFile(), "[exclusions]\nexclusion = hostnqn=nqn.h\n[other]\nexclusion = nqn=nqn.other\n");
        ExclusionSnapshot snapshot = lists().snapshot();
        assertThat(snapshot.entries()).containsExactly(
                new ExclusionSnapshot.Entry(main, 2, ExclusionEntry.parse("hostnqn=nqn.h")),
                new ExclusionSnapshot.Entry(a, 5, ExclusionEntry.parse("trsvcid=4420")),
                new ExclusionSnapshot.Entry(b, 2, ExclusionEntry.parse("traddr=::ffff:192.0.2.10")));
        assertThat(snapshot.skipped()).isEmpty();
        assertThat(snapshot.match(VOL1)).isEqualTo(new MatchResult.Excluded(a, 5, ExclusionEntry.parse("trsvcid=4420"), List.of()));
        assertThat(snapshot.match(TidParser.strict("transport=rdma;traddr=192.0.2.10;trsvcid=8009")))
                .as("the numeric address rule, through the traddr index")
                .isEqualTo(new MatchResult.Excluded(b, 2, ExclusionEntry.parse("traddr=::ffff:192.0.2.10"), List.of()));
    }

    @Test
    void snapshotMatchComparesAddressesByTheConnectionsTransport() throws Exception {
        Path main = Files.writeString(mainFile(), "[exclusions]\nexclusion = traddr=NN-0x20000090FA000001:pn-0x10000090fa000001\n"
                + "exclusion = host-iface=eth9;traddr=::FFFF:c000:20a\n");
        ExclusionSnapshot snapshot = lists().snapshot();
        TransportId fc = TidParser.strict("transport=fc;traddr=nn-0x20000090fa000001:pn-0x10000090fa000001");
        assertThat(snapshot.match(fc)).as("fc: case-insensitive")
                .isEqualTo(new MatchResult.Excluded(main, 2, ExclusionEntry.parse("traddr=NN-0x20000090FA000001:pn-0x10000090fa000001"), List.of()));
        assertThat(snapshot.match(TidParser.strict("transport=loop;traddr=nn-0x20000090fa000001:pn-0x10000090fa000001")).excluded())
                .as("not fc: only the same string or the same numeric address").isFalse();
        assertThat(snapshot.match(TidParser.strict("transport=loop;traddr=192.0.2.10%lo;host-iface=eth9")).excluded())
                .as("IPv4 and its mapped IPv6 form, scope ignored").isTrue();
    }

    @Test
    void snapshotMatchReadsNothing() throws Exception {
        lists().add(TENANT, "nqn=nqn.2024-01.com.example:vol1");
        ExclusionSnapshot snapshot = lists().snapshot();
        Path file = lists().file(TENANT);
        lists().delete(TENANT);
        assertThat(snapshot.match(VOL1)).isInstanceOfSatisfying(MatchResult.Excluded.class, e -> assertThat(e.file()).isEqualTo(file));
        assertThat(lists().match(VOL1).excluded()).as("the lists as they are now").isFalse();
    }

    @Test
    void snapshotIsCurrentUntilAListIsAddedEditedOrRemoved() throws Exception {
        ExclusionSnapshot none = lists().snapshot();
        assertThat(lists().changedSince(none)).as("nothing there, nothing changed").isFalse();
        lists().add(TENANT, "nqn=nqn.a");
        assertThat(lists().changedSince(none)).as("list added").isTrue();

        ExclusionSnapshot one = lists().snapshot();
        assertThat(lists().changedSince(one)).isFalse();
        lists().add(TENANT, "nqn=nqn.b");
        assertThat(lists().changedSince(one)).as("entry added (atomic replacement)").isTrue();

        ExclusionSnapshot two = lists().snapshot();
        Files.writeString(lists().file(TENANT), "exclusion = nqn=nqn.c\n", StandardOpenOption.APPEND);
        assertThat(lists().changedSince(two)).as("edited in place").isTrue();

        ExclusionSnapshot three = lists().snapshot();
        lists().add(ListName.DEFAULT, "nqn=nqn.d");
        assertThat(lists().changedSince(three)).as("default list created").isTrue();

        ExclusionSnapshot four = lists().snapshot();
        assertThat(lists().changedSince(four)).isFalse();
        lists().delete(TENANT);
        assertThat(lists().changedSince(four)).as("list removed").isTrue();
        assertThat(new ExclusionLists(root.resolve("elsewhere")).changedSince(lists().snapshot())).as("another root").isTrue();
    }

    @Test
    void anUnreadableListIsASkippedDiagnosticAndFailsOpen() throws Exception {
        lists().add(TENANT, "nqn=nqn.y");
        ExclusionSnapshot snapshot;
        Diagnostic denied;
        try (UnreadableFile main = UnreadableFile.at(mainFile())) {
            snapshot = lists().snapshot();
            denied = Diagnostic.error(main.path().toString(), 0, "cannot read: permission denied (" + main.path() + ")");
            assertThat(lists().changedSince(snapshot)).isFalse();
        }
        assertThat(snapshot.skipped()).containsExactly(denied);
        assertThat(snapshot.match(VOL1)).isEqualTo(new MatchResult.NotExcluded(List.of(denied)));
        assertThat(snapshot.match(TidParser.strict("nqn=nqn.y"))).as("the other lists still apply")
                .isInstanceOfSatisfying(MatchResult.Excluded.class, e -> assertThat(e.skipped()).containsExactly(denied));
        Files.writeString(mainFile(), "[exclusions]\nexclusion = nqn=nqn.2024-01.com.example:vol1\n");
        assertThat(lists().changedSince(snapshot)).as("readable now").isTrue();
        assertThat(lists().snapshot().match(VOL1).excluded()).isTrue();
    }

    @Test
    void aMatchReportsOnlyTheFilesSkippedBeforeIt() throws Exception {
        Path main = Files.createDirectories(mainFile());
        Path a = dropIn("a.conf", "[exclusions]\nexclusion = nqn=nqn.2024-01.com.example:vol1\n");
        Path b = Files.createDirectories(a.resolveSibling("b.conf"));
        Diagnostic mainSkipped = Diagnostic.error(main.toString(), 0, "is a directory, not a file");
        Diagnostic bSkipped = Diagnostic.error(b.toString(), 0, "is a directory, not a file");
        ExclusionSnapshot snapshot = lists().snapshot();
        assertThat(snapshot.skipped()).containsExactly(mainSkipped, bSkipped);
        assertThat(snapshot.match(VOL1).skipped()).as("as the file-by-file matcher, which stopped at a.conf").containsExactly(mainSkipped);
        assertThat(snapshot.match(TidParser.strict("nqn=nqn.other")).skipped()).containsExactly(mainSkipped, bSkipped);
    }

    @Test
    void anUnlistableDropInDirectoryIsSkippedAndTheDefaultListStillApplies() throws Exception {
        lists().add(ListName.DEFAULT, "nqn=nqn.2024-01.com.example:vol1");
        Path notADir = Files.writeString(root.resolve("etc/nvme/exclusions.conf.d"), "junk");
        ExclusionSnapshot snapshot = lists().snapshot();
        assertThat(snapshot.skipped()).containsExactly(Diagnostic.error(notADir.toString(), 0,
                "cannot list drop-ins: not a directory (" + notADir + ")"));
        assertThat(snapshot.match(VOL1).excluded()).isTrue();
        assertThat(lists().changedSince(snapshot)).isFalse();
        Files.delete(notADir);
        assertThat(lists().changedSince(snapshot)).as("listable now").isTrue();
    }
}
