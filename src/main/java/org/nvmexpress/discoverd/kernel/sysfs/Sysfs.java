package org.nvmexpress.discoverd.kernel.sysfs;

import java.util.List;
import org.nvmexpress.discoverd.registry.DeviceName;

/**
 * The port through which the daemon reads what the kernel exposes in sysfs (ARCHITECTURE §5). The
 * production adapter is {@link SysfsReader} (files under a root); tests and the simulated host use
 * their own. Every call blocks on file I/O: call it from a worker, never from the loop.
 */
public interface Sysfs {

    /**
     * The controllers in {@code /sys/class/nvme}, by instance number ({@code nvme2} before
     * {@code nvme10}). Entries that are not {@code nvmeN} names are left out; no class directory
     * (the nvme module is not loaded) is an empty list.
     *
     * @throws SysfsException when the directory exists but cannot be listed
     */
    List<DeviceName> controllers() throws SysfsException;

    /**
     * One controller's attributes. Never throws: an attribute that cannot be read or makes no
     * sense is absent in the result and described in its problems.
     */
    ControllerReading controller(DeviceName device);

    /**
     * {@code /sys/kernel/uevent_seqnum}: the sequence number of the last uevent the kernel sent.
     *
     * @throws SysfsException when the file is missing, unreadable or not a non-negative number
     */
    long ueventSeqnum() throws SysfsException;
}
