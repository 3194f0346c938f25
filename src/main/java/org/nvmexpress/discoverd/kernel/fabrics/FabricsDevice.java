package org.nvmexpress.discoverd.kernel.fabrics;

import org.nvmexpress.discoverd.kernel.ErrnoException;

/**
 * The port to {@code /dev/nvme-fabrics}, the kernel's interface for creating NVMe-oF controllers.
 * Production: {@link KernelFabricsDevice}; tests use a fake that records the option strings.
 */
public interface FabricsDevice {

    /**
     * The options this kernel accepts: the table it lists when the device is read before a write.
     * {@link KernelOptionTable#unknown()} when the kernel does not list them.
     *
     * @throws ErrnoException when the device cannot be opened or read (e.g. ENOENT: the
     *                        {@code nvme-fabrics} module is not loaded)
     */
    KernelOptionTable probe() throws ErrnoException;

    /**
     * Creates a controller: writes {@code options} with one {@code write(2)} and reads the kernel's
     * reply from the same descriptor.
     *
     * @return the reply as the kernel wrote it, normally {@code instance=N,cntlid=M}
     * @throws ErrnoException when the open, the write (the kernel's verdict on the connect) or the
     *                        read fails; its message never contains the options
     */
    String connect(FabricsOptions options) throws ErrnoException;
}
