package org.nvmexpress.discoverd.kernel.admin;

import org.nvmexpress.discoverd.dlp.GetLogPageCommand;

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
     * The admin command that carries {@code command}: its dwords are the Discovery Log Page's, built
     * and checked by the {@code dlp} package (reference §5.2, §5.3); namespace none.
     */
    public static AdminCommand getLogPage(GetLogPageCommand command) {
        return new AdminCommand(GetLogPageCommand.OPCODE, 0, command.cdw10(), command.cdw11(), command.cdw12(),
                command.cdw13(), 0, 0, command.length());
    }
}
