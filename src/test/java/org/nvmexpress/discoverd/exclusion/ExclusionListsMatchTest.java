package org.nvmexpress.discoverd.exclusion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.tid.TidParser;
import org.nvmexpress.discoverd.tid.TransportId;

/** Which entry of which file excludes a connection (reference §11.5). */
final class ExclusionListsMatchTest {
    private static final TransportId VOL1 = TidParser.strict("transport=tcp;traddr=192.0.2.10;trsvcid=4420;nqn=nqn.2024-01.com.example:vol1");

    @TempDir
    Path root;

    private ExclusionLists lists() {
        return new ExclusionLists(root);
    }

    private Path dropIn(String fileName, String content) throws IOException {
        Path dir = Files.createDirectories(root.resolve("etc/nvme/exclusions.conf.d"));
        return Files.writeString(dir.resolve(fileName), content);
    }

    private Path mainFile(String content) throws IOException {
        Path dir = Files.createDirectories(root.resolve("etc/nvme"));
        return Files.writeString(dir.resolve("exclusions.conf"), content);
    }

    @Test
    void matchRereadsTheFilesOnEveryCall() throws Exception {
        assertThat(lists().match(VOL1).excluded()).isFalse();
        ExclusionLists sameInstance = lists();
        sameInstance.add(new ListName("x"), "nqn=nqn.2024-01.com.example:vol1");
        assertThat(sameInstance.match(VOL1).excluded()).isTrue();
        Files.writeString(sameInstance.file(new ListName("x")), "[exclusions]\n");
        assertThat(sameInstance.match(VOL1).excluded()).isFalse();
    }

    @Test
    void firstMatchWinsMainFileFirstThenDropInsByName() throws Exception {
        Path b = dropIn("b.conf", "[exclusions]\nexclusion = traddr=192.0.2.10\n");
        Path a = dropIn("a.conf", "[exclusions]\nexclusion = nqn=nqn.other\n\nexclusion = trsvcid=4420\n");
        assertThat(lists().match(VOL1)).isEqualTo(new MatchResult.Excluded(a, 4, ExclusionEntry.parse("trsvcid=4420"), List.of()));
        Path main = mainFile("[exclusions]\nexclusion = transport=tcp\n");
        assertThat(lists().match(VOL1)).isEqualTo(new MatchResult.Excluded(main, 2, ExclusionEntry.parse("transport=tcp"), List.of()));
        Files.delete(main);
        Files.delete(a);
        assertThat(lists().match(VOL1)).isEqualTo(new MatchResult.Excluded(b, 2, ExclusionEntry.parse("traddr=192.0.2.10"), List.of()));
    }

    @Test
    void invalidAndFieldlessEntriesNeverMatch() throws Exception {
        mainFile(String.join("\n", "[exclusions]",
                "exclusion =",
                "exclusion = ;;",
                "exclusion = transport=tcp;traddr=host.example",
                "exclusion = nqn=nqn.2024-01.com.example:vol1;subsysnqn=x",
                "exclusion = nqn",
                ""));
        assertThat(lists().match(VOL1)).isEqualTo(new MatchResult.NotExcluded(List.of()));
        assertThat(lists().match(TidParser.strict("transport=loop;traddr=host.example")).excluded()).isFalse();
    }

    @Test
    void everyConfDropInIsReadButNothingElse() throws Exception {
        Path odd = dropIn("site.v2.conf", "[exclusions]\nexclusion = nqn=nqn.site\n");
        dropIn(".conf", "[exclusions]\nexclusion = nqn=nqn.empty-stem\n");
        dropIn("x.conf.bak", "[exclusions]\nexclusion = nqn=nqn.backup\n");
        dropIn(".excl.tmp.123456", "[exclusions]\nexclusion = nqn=nqn.temp\n");
        assertThat(lists().match(TidParser.strict("nqn=nqn.site"))).isInstanceOfSatisfying(MatchResult.Excluded.class,
                e -> assertThat(e.file()).isEqualTo(odd));
        for (String nqn : List.of("nqn.empty-stem", "nqn.backup", "nqn.temp")) {
            assertThat(lists().match(TidParser.strict("nqn=" + nqn)).excluded()).as(nqn).isFalse();
        }
        assertThat(lists().lists()).extracting(ListFile::name).containsExactly("site.v2");
    }

    @Test
    void matchIgnoresStrayEntriesAndForeignSections() throws Exception {
        mainFile("exclusion = nqn=nqn.2024-01.com.example:vol1\n[other]\nexclusion = trsvcid=4420\n");
        assertThat(lists().match(VOL1).excluded()).isFalse();
    }

    @Test
    void matchReadsAListWithInvalidUtf8() throws Exception {
        Path dir = Files.createDirectories(root.resolve("etc/nvme"));
        Files.write(dir.resolve("exclusions.conf"), new byte[] {'#', (byte) 0xc3, '\n', '[', 'e', 'x', 'c', 'l', 'u', 's', 'i', 'o', 'n', 's',
            ']', '\n', 'e', 'x', 'c', 'l', 'u', 's', 'i', 'o', 'n', '=', 't', 'r', 's', 'v', 'c', 'i', 'd', '=', '4', '4', '2', '0'});
        assertThat(lists().match(VOL1).excluded()).isTrue();
    }
}
