package org.nvmexpress.discoverd.kernel;

/**
 * One NVMe admin command to send through the passthrough ioctl (reference §5.2): the fields of
 * {@code struct nvme_passthru_cmd} a caller chooses. The data buffer is allocated by
 * {@link AdminPassthrough}, {@code dataLength} bytes, and read back after the command; flags,
 * {@code cdw2}, {@code cdw3} and metadata are always zero, and the timeout is the driver's default.
 *
 * <p>The command dwords are raw 32-bit values: {@code 0x80000000} and up are negative {@code int}s.
 *
 * @param opcode     the admin opcode, 0-255 ({@code 0x02} Get Log Page)
 * @param nsid       the namespace ID (0 for none)
 * @param dataLength bytes the controller transfers to the host, 0 or more
 */
public record AdminCommand(int opcode, int nsid, int cdw10, int cdw11, int cdw12, int cdw13, int cdw14, int cdw15,
        int dataLength) {
    /** Get Log Page. */
    public static final int OPCODE_GET_LOG_PAGE = 0x02;

    public AdminCommand {
        if (opcode < 0 || opcode > 0xff) {
            throw new IllegalArgumentException("opcode out of range 0-255: " + opcode);
        }
        if (dataLength < 0) {
            throw new IllegalArgumentException("dataLength must not be negative: " + dataLength);
        }
    }

    /**
     * Get Log Page for {@code logId}, LSP 0, namespace none, reading {@code length} bytes from
     * {@code offset}: {@code cdw10} = LID | RAE bit 15 | NUMDL &lt;&lt; 16, {@code cdw11} = NUMDU,
     * {@code cdw12}/{@code cdw13} = the offset's low and high halves, where NUMD = length / 4 - 1
     * (reference §5.2, §5.3).
     *
     * @param retainAsyncEvent RAE: keep the asynchronous event latched (every chunk but the last)
     * @param length           a positive multiple of 4
     */
    public static AdminCommand getLogPage(int logId, boolean retainAsyncEvent, long offset, int length) {
        if (logId < 0 || logId > 0xff) {
            throw new IllegalArgumentException("logId out of range 0-255: " + logId);
        }
        if (length <= 0 || length % 4 != 0) {
            throw new IllegalArgumentException("length must be a positive multiple of 4: " + length);
        }
        if (offset < 0 || offset % 4 != 0) {
            throw new IllegalArgumentException("offset must be a non-negative multiple of 4: " + offset);
        }
        int numd = length / 4 - 1;
        int cdw10 = logId | (retainAsyncEvent ? 1 << 15 : 0) | (numd & 0xffff) << 16;
        int cdw11 = numd >>> 16;
        return new AdminCommand(OPCODE_GET_LOG_PAGE, 0, cdw10, cdw11, (int) offset, (int) (offset >>> 32), 0, 0,
                length);
    }
}
