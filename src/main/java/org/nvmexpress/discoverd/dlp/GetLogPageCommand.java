package org.nvmexpress.discoverd.dlp;

/**
 * One Get Log Page admin command (opcode 0x02, nsid 0) for the Discovery Log Page (LID 0x70, LSP 0),
 * as the fetch protocol issues it (reference §5.2, §5.3). The port that executes it fills the
 * passthrough struct from {@link #cdw10()} to {@link #cdw13()} and {@link #length()} ({@code data_len});
 * cdw11's LSI, cdw14 and cdw15 are 0.
 *
 * @param offset           the log page offset (LPO) in bytes: at least 0, a multiple of 4
 * @param length           the transfer length in bytes: positive, a multiple of 4
 * @param retainAsyncEvent RAE: keep the discovery log change event latched (set on every chunk but the last)
 */
public record GetLogPageCommand(long offset, int length, boolean retainAsyncEvent) {
    /** The admin opcode of Get Log Page. */
    public static final int OPCODE = 0x02;
    /** {@code NVME_LOG_LID_DISCOVERY}. */
    public static final int LID_DISCOVERY = 0x70;

    public GetLogPageCommand {
        if (length <= 0 || length % 4 != 0) {
            throw new IllegalArgumentException("length out of range: " + length + " (a positive multiple of 4)");
        }
        if (offset < 0 || offset % 4 != 0) {
            throw new IllegalArgumentException("offset out of range: " + offset + " (a non-negative multiple of 4)");
        }
    }

    /** The number of dwords to transfer, minus one (NUMD). */
    public int numd() {
        return length / 4 - 1;
    }

    /** LID bits 7:0, LSP (0) bits 14:8, RAE bit 15, NUMDL bits 31:16. */
    public int cdw10() {
        return LID_DISCOVERY | (retainAsyncEvent ? 1 << 15 : 0) | (numd() & 0xffff) << 16;
    }

    /** NUMDU bits 15:0 (LSI, bits 31:16, is 0). */
    public int cdw11() {
        return numd() >>> 16;
    }

    /** LPOL: the offset's low 32 bits. */
    public int cdw12() {
        return (int) offset;
    }

    /** LPOU: the offset's high 32 bits. */
    public int cdw13() {
        return (int) (offset >>> 32);
    }

    @Override
    public String toString() {
        return String.format("Get Log Page (LID 0x70, offset %d, %d bytes, RAE %d)", offset, length,
                retainAsyncEvent ? 1 : 0);
    }
}
