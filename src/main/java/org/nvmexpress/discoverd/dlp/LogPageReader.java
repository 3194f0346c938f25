package org.nvmexpress.discoverd.dlp;

/**
 * The port that executes a Get Log Page on one discovery controller: in production the NVMe admin
 * passthrough ioctl on {@code /dev/nvmeN} (package {@code kernel}); in tests a scripted fake. Called
 * from the worker that runs the fetch, never from the daemon's loop (it blocks).
 */
@FunctionalInterface
public interface LogPageReader {

    /**
     * Executes {@code command}.
     *
     * @return exactly {@code command.length()} bytes of the log page from {@code command.offset()}
     * @throws LogPageReadException when the ioctl fails (an errno) or the controller completes the
     *                              command with an error status
     */
    byte[] read(GetLogPageCommand command) throws LogPageReadException;
}
