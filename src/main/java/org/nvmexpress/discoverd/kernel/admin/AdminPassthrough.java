package org.nvmexpress.discoverd.kernel.admin;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Objects;
import org.nvmexpress.discoverd.kernel.Errno;
import org.nvmexpress.discoverd.kernel.ErrnoException;

/**
 * An open controller character device ({@code /dev/nvmeX}) that sends NVMe admin commands through
 * the passthrough ioctl (reference §5.2), as libnvme does: the device is opened read-only, each
 * command is tried with {@code NVME_IOCTL_ADMIN64_CMD} first, and once the kernel answers
 * {@code ENOTTY} (a kernel older than the 64-bit ioctl) this handle uses {@code NVME_IOCTL_ADMIN_CMD}
 * with the 72-byte struct for good. Admin passthrough needs {@code CAP_SYS_ADMIN}; without it each
 * command fails with EACCES.
 *
 * <p>Not thread-safe: one handle per worker thread. Commands block until the controller completes
 * them or the driver's timeout expires.
 */
public final class AdminPassthrough implements AutoCloseable {
    private final Ioctl ioctl;
    private final Path device;
    private final int fd;
    /** True until the kernel rejected the 64-bit request with ENOTTY; never true again after that. */
    private boolean wide = true;

    private AdminPassthrough(Ioctl ioctl, Path device, int fd) {
        this.ioctl = ioctl;
        this.device = device;
        this.fd = fd;
    }

    /** Opens {@code device} ({@code O_RDONLY | O_CLOEXEC}). */
    public static AdminPassthrough open(Ioctl ioctl, Path device) throws ErrnoException {
        Objects.requireNonNull(ioctl, "ioctl");
        Objects.requireNonNull(device, "device");
        return new AdminPassthrough(ioctl, device, ioctl.openReadOnly(device));
    }

    /** The controller device this handle talks to. */
    public Path device() {
        return device;
    }

    /** Whether commands still go through the 64-bit ioctl (false after an ENOTTY fallback). */
    public boolean usesWideCommands() {
        return wide;
    }

    /**
     * Sends {@code command} and waits for its completion.
     *
     * @return the data on success, the NVMe status of a failed completion, or the errno of a failed call
     */
    public AdminOutcome submit(AdminCommand command) {
        Objects.requireNonNull(command, "command");
        Memory data = command.dataLength() > 0 ? new Memory(command.dataLength()) : null;
        if (data != null) {
            data.clear(); // a short transfer must not hand back stale heap bytes
        }
        long address = data == null ? 0 : Pointer.nativeValue(data);
        Memory struct = new Memory(PassthroughStruct.SIZE_64);
        while (true) {
            byte[] bytes = PassthroughStruct.encode(command, address, wide);
            struct.clear();
            struct.write(0, bytes, 0, bytes.length);
            int rc;
            try {
                rc = ioctl.ioctl(fd, wide ? PassthroughStruct.NVME_IOCTL_ADMIN64_CMD : PassthroughStruct.NVME_IOCTL_ADMIN_CMD,
                        struct);
            } catch (ErrnoException e) {
                if (wide && e.errno().equals(Errno.ENOTTY)) {
                    wide = false; // reference §5.2: permanent fallback, per handle
                    continue;
                }
                return new AdminOutcome.Failure(new ErrnoException(describe(command), e.errno()));
            }
            if (rc < 0) {
                throw new AssertionError("the Ioctl port returned " + rc + " instead of throwing");
            }
            if (rc > 0) {
                return new AdminOutcome.NvmeStatus(rc);
            }
            byte[] filled = struct.getByteArray(0, wide ? PassthroughStruct.SIZE_64 : PassthroughStruct.SIZE);
            byte[] received = data == null ? new byte[0] : data.getByteArray(0, command.dataLength());
            return new AdminOutcome.Success(received, PassthroughStruct.result(filled, wide, ByteOrder.nativeOrder()));
        }
    }

    private String describe(AdminCommand command) {
        return String.format("admin command 0x%02x on %s", command.opcode(), device);
    }

    @Override
    public void close() throws ErrnoException {
        ioctl.close(fd);
    }
}
