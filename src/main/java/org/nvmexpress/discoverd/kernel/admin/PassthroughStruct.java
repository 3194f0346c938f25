package org.nvmexpress.discoverd.kernel.admin;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * The byte layout of the kernel's {@code struct nvme_passthru_cmd} (72 bytes) and
 * {@code struct nvme_passthru_cmd64} (80 bytes), from {@code linux/nvme_ioctl.h}, and the ioctl
 * numbers that carry them (reference §5.2). Written by hand at explicit offsets, rather than with a
 * JNA {@code Structure}, so that the layout is visible here and tested byte by byte.
 *
 * <p>Both structs are identical up to offset 63; they differ in what follows {@code timeout_ms} at
 * 64: the 72-byte one has a 32-bit {@code result} at 68, the 80-byte one a reserved word at 68 and a
 * 64-bit {@code result} at 72. Fields are in host byte order.
 */
public final class PassthroughStruct {
    /** {@code NVME_IOCTL_ADMIN_CMD} = {@code _IOWR('N', 0x41, struct nvme_passthru_cmd)}. */
    public static final long NVME_IOCTL_ADMIN_CMD = 0xC0484E41L;
    /** {@code NVME_IOCTL_ADMIN64_CMD} = {@code _IOWR('N', 0x47, struct nvme_passthru_cmd64)}. */
    public static final long NVME_IOCTL_ADMIN64_CMD = 0xC0504E47L;

    public static final int SIZE = 72;
    public static final int SIZE_64 = 80;

    static final int OPCODE = 0;
    static final int FLAGS = 1;
    static final int NSID = 4;
    static final int CDW2 = 8;
    static final int CDW3 = 12;
    static final int METADATA = 16;
    static final int ADDR = 24;
    static final int METADATA_LEN = 32;
    static final int DATA_LEN = 36;
    static final int CDW10 = 40;
    static final int CDW11 = 44;
    static final int CDW12 = 48;
    static final int CDW13 = 52;
    static final int CDW14 = 56;
    static final int CDW15 = 60;
    static final int TIMEOUT_MS = 64;
    /** {@code result} of the 72-byte struct: completion dword 0. */
    static final int RESULT = 68;
    /** {@code result} of the 80-byte struct: completion dwords 0 and 1. */
    static final int RESULT_64 = 72;

    private PassthroughStruct() {
    }

    /** {@link #encode(AdminCommand, long, boolean, ByteOrder)} in the host's byte order. */
    public static byte[] encode(AdminCommand command, long bufferAddress, boolean wide) {
        return encode(command, bufferAddress, wide, ByteOrder.nativeOrder());
    }

    /**
     * The struct for {@code command}: {@code addr} = {@code bufferAddress} (0 when there is no data),
     * {@code timeout_ms} = 0 (driver default), everything not in the command zero.
     *
     * @param wide the 80-byte {@code nvme_passthru_cmd64} when true, else the 72-byte struct
     */
    static byte[] encode(AdminCommand command, long bufferAddress, boolean wide, ByteOrder order) {
        Objects.requireNonNull(command, "command");
        ByteBuffer b = ByteBuffer.allocate(wide ? SIZE_64 : SIZE).order(order);
        b.put(OPCODE, (byte) command.opcode());
        b.putInt(NSID, command.nsid());
        b.putLong(ADDR, bufferAddress);
        b.putInt(DATA_LEN, command.dataLength());
        b.putInt(CDW10, command.cdw10());
        b.putInt(CDW11, command.cdw11());
        b.putInt(CDW12, command.cdw12());
        b.putInt(CDW13, command.cdw13());
        b.putInt(CDW14, command.cdw14());
        b.putInt(CDW15, command.cdw15());
        b.putInt(TIMEOUT_MS, 0);
        return b.array();
    }

    /** The completion's {@code result} field from a struct the kernel filled in (DW0, or DW0-DW1 when wide). */
    static long result(byte[] struct, boolean wide, ByteOrder order) {
        ByteBuffer b = ByteBuffer.wrap(struct).order(order);
        return wide ? b.getLong(RESULT_64) : Integer.toUnsignedLong(b.getInt(RESULT));
    }
}
