package org.nvmexpress.discoverd.dlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.sim.fabric.DlpWriter;

/** The fetch protocol of reference §5.3, command by command, against a scripted controller. */
final class DiscoveryLogFetcherTest {
    private static final GetLogPageCommand HEADER = new GetLogPageCommand(0, 20, false);

    private final DiscoveryLogFetcher fetcher = new DiscoveryLogFetcher();

    private static byte[] page(long genctr, int records) {
        DlpWriter writer = new DlpWriter().genctr(genctr);
        for (int i = 0; i < records; i++) {
            writer.entry(DlpWriter.tcp("192.168.1." + (10 + i), "4420", "nqn.2024-01.com.example:vol" + i));
        }
        return writer.build();
    }

    /** The worked sequence of §5.3 (libnvme's {@code five_entries} test), register by register. */
    @Test
    void fiveRecordsFollowTheWorkedCommandSequence() {
        byte[] page = page(1, 5);
        ScriptedLogPageReader dc = new ScriptedLogPageReader(page);

        FetchResult result = fetcher.fetch(dc);

        List<GetLogPageCommand> commands = dc.commands();
        assertThat(commands).containsExactly(HEADER, new GetLogPageCommand(1024, 4096, true),
                new GetLogPageCommand(5120, 1024, false), HEADER);
        assertThat(commands).extracting(GetLogPageCommand::length).containsExactly(20, 4096, 1024, 20);
        assertThat(commands).extracting(GetLogPageCommand::cdw10)
                .containsExactly(0x00040070, 0x03FF8070, 0x00FF0070, 0x00040070);
        assertThat(commands).extracting(GetLogPageCommand::cdw11).containsOnly(0);
        assertThat(commands).extracting(GetLogPageCommand::cdw12).containsExactly(0, 1024, 5120, 0);
        assertThat(commands).extracting(GetLogPageCommand::cdw13).containsOnly(0);
        assertThat(result).isInstanceOf(FetchResult.Fetched.class);
        FetchResult.Fetched fetched = (FetchResult.Fetched) result;
        assertThat(fetched.raw()).isEqualTo(page);
        assertThat(fetched.page().entries()).extracting(DiscoveryLogEntry::traddr)
                .containsExactly("192.168.1.10", "192.168.1.11", "192.168.1.12", "192.168.1.13", "192.168.1.14");
        assertThat(fetched.describe()).isEqualTo("read 5 records, genctr 1");
    }

    @Test
    void fourRecordsAreOneChunkWithoutRae() {
        ScriptedLogPageReader dc = new ScriptedLogPageReader(page(3, 4));

        FetchResult result = fetcher.fetch(dc);

        assertThat(dc.commands()).containsExactly(HEADER, new GetLogPageCommand(1024, 4096, false), HEADER);
        assertThat(dc.commands().get(1).cdw10()).isEqualTo(0x03FF0070);
        assertThat(((FetchResult.Fetched) result).page().entries()).hasSize(4);
    }

    @Test
    void zeroRecordsNeedOnlyTheHeader() {
        byte[] empty = new DlpWriter().genctr(9).build();
        ScriptedLogPageReader dc = new ScriptedLogPageReader(empty);

        FetchResult result = fetcher.fetch(dc);

        assertThat(dc.commands()).containsExactly(HEADER);
        FetchResult.Fetched fetched = (FetchResult.Fetched) result;
        assertThat(fetched.page().genctr()).isEqualTo(9);
        assertThat(fetched.page().entries()).isEmpty();
        assertThat(fetched.raw()).isEqualTo(empty);
    }

    /** A fabric change between the entries and the second header: read again with the new numrec. */
    @Test
    void generationChangeOnceRereadsWithTheNewRecordCount() {
        byte[] after = page(2, 3);
        ScriptedLogPageReader dc = new ScriptedLogPageReader(page(1, 2)).changeAfter(2, after);

        FetchResult result = fetcher.fetch(dc);

        assertThat(dc.commands()).containsExactly(HEADER, new GetLogPageCommand(1024, 2048, false), HEADER,
                new GetLogPageCommand(1024, 3072, false), HEADER);
        FetchResult.Fetched fetched = (FetchResult.Fetched) result;
        assertThat(fetched.raw()).isEqualTo(after);
        assertThat(fetched.page().genctr()).isEqualTo(2);
        assertThat(fetched.page().entries()).hasSize(3);
    }

    @Test
    void generationAlwaysChangingGivesUpAfterSixFullReads() {
        ScriptedLogPageReader dc = new ScriptedLogPageReader(page(10, 5)).bumpGenctrAfterEveryHeaderRead();

        FetchResult result = fetcher.fetch(dc);

        assertThat(dc.commands()).hasSize(1 + 6 * 3);
        assertThat(dc.commands()).filteredOn(c -> c.offset() == 1024).hasSize(6);
        assertThat(result).isEqualTo(new FetchResult.GenerationKeptChanging(6, 15, 16));
        assertThat(result.describe())
                .isEqualTo("the generation counter kept changing over 6 reads of the entries (last 15, then 16)");
    }

    @Test
    void recordCountChangeUnderTheSameGenerationIsReported() {
        ScriptedLogPageReader dc = new ScriptedLogPageReader(page(4, 2)).changeAfter(2, page(4, 3));

        FetchResult result = fetcher.fetch(dc);

        assertThat(dc.commands()).hasSize(3);
        assertThat(result).isEqualTo(new FetchResult.RecordCountChanged(2, 3));
        assertThat(result.describe()).isEqualTo("numrec changed from 2 to 3 while the generation counter stayed");
    }

    @Test
    void failedHeaderReadIsReportedWithItsErrno() {
        LogPageReadException enotty = LogPageReadException.errno("ENOTTY", 25, "Inappropriate ioctl for device");
        ScriptedLogPageReader dc = new ScriptedLogPageReader(page(1, 1)).failOn(1, enotty);

        FetchResult result = fetcher.fetch(dc);

        assertThat(result).isEqualTo(new FetchResult.ReadFailed(enotty, HEADER));
        assertThat(result.describe()).isEqualTo("Get Log Page (LID 0x70, offset 0, 20 bytes, RAE 0) failed:"
                + " Inappropriate ioctl for device: ENOTTY (errno 25)");
    }

    @Test
    void failedChunkReadStopsTheFetchAndNamesTheChunk() {
        LogPageReadException status = LogPageReadException.nvmeStatus(0x4002, "Get Log Page on nvme3");
        ScriptedLogPageReader dc = new ScriptedLogPageReader(page(1, 6)).failOn(3, status);

        FetchResult result = fetcher.fetch(dc);

        assertThat(dc.commands()).hasSize(3);
        assertThat(result.describe()).isEqualTo("Get Log Page (LID 0x70, offset 5120, 2048 bytes, RAE 0) failed:"
                + " Get Log Page on nvme3: NVMe status 0x4002");
    }

    @Test
    void failedSecondHeaderReadIsReported() {
        LogPageReadException eio = LogPageReadException.errno("EIO", 5, "Input/output error");
        ScriptedLogPageReader dc = new ScriptedLogPageReader(page(1, 1)).failOn(3, eio);

        assertThat(fetcher.fetch(dc)).isEqualTo(new FetchResult.ReadFailed(eio, HEADER));
    }

    /** numrec 2^64-1 would make libnvme allocate it; here it ends the fetch before any entry is read. */
    @Test
    void absurdRecordCountEndsTheFetchBeforeAnyAllocation() {
        ScriptedLogPageReader dc = new ScriptedLogPageReader(new DlpWriter().numrec(-1L).build());

        FetchResult result = fetcher.fetch(dc);

        assertThat(dc.commands()).containsExactly(HEADER);
        assertThat(result).isEqualTo(new FetchResult.TooManyRecords(-1L, 16_384));
        assertThat(result.describe())
                .isEqualTo("the header claims 18446744073709551615 records, more than the 16384 this daemon reads");
    }

    @Test
    void recordLimitIsInclusive() {
        DiscoveryLogFetcher small = new DiscoveryLogFetcher(3);

        assertThat(small.fetch(new ScriptedLogPageReader(page(1, 3)))).isInstanceOf(FetchResult.Fetched.class);
        assertThat(small.fetch(new ScriptedLogPageReader(page(1, 4))))
                .isEqualTo(new FetchResult.TooManyRecords(4, 3));
    }

    @Test
    void recordLimitOutOfRangeIsRejected() {
        assertThatThrownBy(() -> new DiscoveryLogFetcher(0)).hasMessage("maxRecords out of range: 0");
        assertThatThrownBy(() -> new DiscoveryLogFetcher(2_097_151)).hasMessage("maxRecords out of range: 2097151");
    }

    @Test
    void readerReturningTheWrongLengthIsABugInTheAdapter() {
        assertThatThrownBy(() -> fetcher.fetch(command -> new byte[16])).isInstanceOf(IllegalStateException.class)
                .hasMessage("the LogPageReader returned 16 bytes for Get Log Page (LID 0x70, offset 0, 20 bytes,"
                        + " RAE 0); it must return exactly 20 bytes");
        assertThatThrownBy(() -> fetcher.fetch(command -> null)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the LogPageReader returned null for");
    }

    /** 1,024 records: 256 chunks, RAE on all but the last, offsets contiguous. */
    @Test
    void largePageIsReadInContiguousChunks() {
        ScriptedLogPageReader dc = new ScriptedLogPageReader(page(1, 1024));

        FetchResult result = fetcher.fetch(dc);

        List<GetLogPageCommand> chunks = dc.commands().subList(1, dc.commands().size() - 1);
        assertThat(chunks).hasSize(256);
        assertThat(chunks).extracting(GetLogPageCommand::offset)
                .containsExactlyElementsOf(IntStream.range(0, 256).mapToObj(i -> 1024L + 4096L * i).toList());
        assertThat(chunks.subList(0, 255)).allMatch(GetLogPageCommand::retainAsyncEvent);
        assertThat(chunks.get(255).retainAsyncEvent()).isFalse();
        assertThat(((FetchResult.Fetched) result).page().entries()).hasSize(1024);
    }
}
