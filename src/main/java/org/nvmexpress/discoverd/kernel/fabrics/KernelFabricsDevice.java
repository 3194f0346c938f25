package org.nvmexpress.discoverd.kernel.fabrics;

import com.sun.jna.Memory;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import org.nvmexpress.discoverd.kernel.DeviceCalls;
import org.nvmexpress.discoverd.kernel.Errno;
import org.nvmexpress.discoverd.kernel.ErrnoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link FabricsDevice} on {@code <root>/dev/nvme-fabrics}, through libc (the errno of the write is
 * the kernel's verdict, and Java's channels would lose it). The options go out in a single
 * {@code write(2)} of at most a page, as the kernel parses each write on its own; the reply is read
 * back on the same descriptor, where the kernel keeps the controller it created.
 */
public final class KernelFabricsDevice implements FabricsDevice {
    private static final Logger LOG = LoggerFactory.getLogger(KernelFabricsDevice.class);

    /** The kernel refuses longer writes (ENOMEM) and prints shorter replies; one page on every architecture we run on. */
    private static final int PAGE = 4096;

    private final Path device;

    /** The device of the system mounted at {@code systemRoot} ({@code /} on a live system). */
    public KernelFabricsDevice(Path systemRoot) {
        this.device = Objects.requireNonNull(systemRoot, "systemRoot").resolve("dev/nvme-fabrics");
    }

    /** {@code <root>/dev/nvme-fabrics}. */
    public Path path() {
        return device;
    }

    @Override
    public KernelOptionTable probe() throws ErrnoException {
        int fd = DeviceCalls.open(device.toString(), DeviceCalls.O_RDONLY | DeviceCalls.O_CLOEXEC);
        String text;
        try {
            text = readAll(fd);
        } catch (ErrnoException e) {
            if (e.errno().equals(Errno.EINVAL)) {
                return KernelOptionTable.unknown(); // a kernel that does not list its options
            }
            throw e;
        } finally {
            closeAfterUse(fd);
        }
        return KernelOptionTable.parse(text).orElseGet(KernelOptionTable::unknown);
    }

    @Override
    public String connect(FabricsOptions options) throws ErrnoException {
        byte[] bytes = options.render().getBytes(StandardCharsets.UTF_8);
        int fd = DeviceCalls.open(device.toString(), DeviceCalls.O_RDWR | DeviceCalls.O_CLOEXEC);
        try {
            try (Memory buffer = new Memory(bytes.length)) {
                buffer.write(0, bytes, 0, bytes.length);
                int written = DeviceCalls.write(fd, buffer, bytes.length, "write " + device);
                if (written != bytes.length) {
                    throw new ErrnoException("write " + device + ": short write of " + written + " of " + bytes.length
                            + " bytes", Errno.EIO);
                }
            }
            return readAll(fd);
        } finally {
            closeAfterUse(fd);
        }
    }

    /** Reads until end of file, at most one page: the kernel's replies are one short line. */
    private String readAll(int fd) throws ErrnoException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Memory buffer = new Memory(PAGE)) {
            while (out.size() < PAGE) {
                int n = DeviceCalls.read(fd, buffer, PAGE - out.size(), "read " + device);
                if (n <= 0) {
                    break;
                }
                out.write(buffer.getByteArray(0, n), 0, n);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Closes the descriptor. A failed close cannot undo what the kernel did on it, so it is reported
     * here, once, and does not replace the result.
     */
    private void closeAfterUse(int fd) {
        try {
            DeviceCalls.close(fd, "close " + device);
        } catch (ErrnoException e) {
            LOG.warn("{}", e.getMessage());
        }
    }
}
