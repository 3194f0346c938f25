package org.nvmexpress.discoverd.kernel.admin;

import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nvmexpress.discoverd.dlp.GetLogPageCommand;
import org.nvmexpress.discoverd.kernel.Errno;
import org.nvmexpress.discoverd.kernel.ErrnoException;

/**
 * A discovery controller's character device behind the {@link Ioctl} port, answering what the
 * driver would: every admin passthrough struct is decoded as the kernel reads it (opcode, NUMD from
 * cdw10/cdw11, the offset from cdw12/cdw13, {@code data_len}, the buffer address), and a Get Log
 * Page for the Discovery Log Page is served from the page bytes the test set (e.g. from
 * {@code DlpWriter}), zero past their end. Unlike {@link FakeIoctl}, nothing is scripted per call:
 * the fetch protocol may issue whatever commands it needs, and the test asserts them afterwards.
 *
 * <p>Counts every open and close, and keeps the descriptors still open, so a test sees a leak. Can
 * refuse the open, fail the Nth command with an errno or an NVMe status, throw from the Nth
 * command (a port that breaks its contract), and fail the close.
 */
final class FakeDiscoveryController implements Ioctl {
    /** The first descriptor handed out; later ones count up, so each open is told apart. */
    static final int FIRST_FD = 40;

    private byte[] page;
    private int nextFd = FIRST_FD;
    private final Set<Integer> open = new HashSet<>();
    private final Map<Integer, Errno> failures = new HashMap<>();
    private final Map<Integer, Integer> statuses = new HashMap<>();
    private final Map<Integer, RuntimeException> throwing = new HashMap<>();
    final List<Path> opened = new ArrayList<>();
    final List<Integer> closed = new ArrayList<>();
    final List<GetLogPageCommand> commands = new ArrayList<>();
    Errno openFailure;
    Errno closeFailure;

    FakeDiscoveryController(byte[] page) {
        this.page = page.clone();
    }

    /** From now on the controller serves {@code next} (a fabric change between two fetches). */
    void page(byte[] next) {
        page = next.clone();
    }

    /** Command number {@code n} (1-based, over the controller's life) fails with {@code errno}. */
    FakeDiscoveryController failCommand(int n, Errno errno) {
        failures.put(n, errno);
        return this;
    }

    /** Command number {@code n} completes with the NVMe status {@code status}. */
    FakeDiscoveryController statusOn(int n, int status) {
        statuses.put(n, status);
        return this;
    }

    /** Command number {@code n} throws {@code e}, as no {@link Ioctl} should. */
    FakeDiscoveryController throwOn(int n, RuntimeException e) {
        throwing.put(n, e);
        return this;
    }

    /** The descriptors opened and not yet closed. */
    Set<Integer> stillOpen() {
        return Set.copyOf(open);
    }

    @Override
    public int openReadOnly(Path device) throws ErrnoException {
        if (openFailure != null) {
            throw new ErrnoException("open " + device, openFailure);
        }
        opened.add(device);
        int fd = nextFd++;
        open.add(fd);
        return fd;
    }

    @Override
    public int ioctl(int fd, long request, Pointer argument) throws ErrnoException {
        if (!open.contains(fd)) {
            throw new ErrnoException("ioctl on fd " + fd, Errno.EBADF);
        }
        if (request != PassthroughStruct.NVME_IOCTL_ADMIN64_CMD) {
            throw new AssertionError(String.format("unexpected ioctl request 0x%08X", request));
        }
        ByteBuffer struct = ByteBuffer.wrap(argument.getByteArray(0, PassthroughStruct.SIZE_64))
                .order(ByteOrder.nativeOrder());
        GetLogPageCommand command = discoveryLogCommand(struct);
        commands.add(command);
        int n = commands.size();
        if (throwing.containsKey(n)) {
            throw throwing.get(n);
        }
        if (failures.containsKey(n)) {
            throw new ErrnoException(String.format("ioctl 0x%08X", request), failures.get(n));
        }
        if (statuses.containsKey(n)) {
            return statuses.get(n);
        }
        byte[] data = new byte[command.length()];
        if (command.offset() < page.length) {
            int from = (int) command.offset();
            System.arraycopy(page, from, data, 0, Math.min(data.length, page.length - from));
        }
        new Pointer(struct.getLong(PassthroughStruct.ADDR)).write(0, data, 0, data.length);
        argument.setLong(PassthroughStruct.RESULT_64, 0);
        return 0;
    }

    @Override
    public void close(int fd) throws ErrnoException {
        closed.add(fd);
        if (!open.remove(fd)) {
            throw new AssertionError("close of fd " + fd + ", which is not open");
        }
        // Linux releases the descriptor even when close reports an error (close(2)).
        if (closeFailure != null) {
            throw new ErrnoException("close", closeFailure);
        }
    }

    /** The struct as the driver and a discovery controller read it; anything else fails the test. */
    private static GetLogPageCommand discoveryLogCommand(ByteBuffer struct) {
        int opcode = struct.get(PassthroughStruct.OPCODE) & 0xff;
        int cdw10 = struct.getInt(PassthroughStruct.CDW10);
        if (opcode != GetLogPageCommand.OPCODE || (cdw10 & 0xff) != GetLogPageCommand.LID_DISCOVERY
                || struct.getInt(PassthroughStruct.NSID) != 0) {
            throw new AssertionError(String.format("not a Discovery Log Page read: opcode 0x%02x, cdw10 0x%08x", opcode,
                    cdw10));
        }
        int numd = (cdw10 >>> 16) | (struct.getInt(PassthroughStruct.CDW11) & 0xffff) << 16;
        int length = (numd + 1) * 4;
        if (struct.getInt(PassthroughStruct.DATA_LEN) != length || struct.getLong(PassthroughStruct.ADDR) == 0) {
            throw new AssertionError("data_len " + struct.getInt(PassthroughStruct.DATA_LEN) + " or the buffer does not"
                    + " match NUMD's " + length + " bytes");
        }
        long offset = Integer.toUnsignedLong(struct.getInt(PassthroughStruct.CDW12))
                | (long) struct.getInt(PassthroughStruct.CDW13) << 32;
        return new GetLogPageCommand(offset, length, (cdw10 & 1 << 15) != 0);
    }
}
