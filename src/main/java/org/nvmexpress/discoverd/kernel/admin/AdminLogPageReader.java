package org.nvmexpress.discoverd.kernel.admin;

import java.util.Objects;
import org.nvmexpress.discoverd.dlp.GetLogPageCommand;
import org.nvmexpress.discoverd.dlp.LogPageReadException;
import org.nvmexpress.discoverd.dlp.LogPageReader;
import org.nvmexpress.discoverd.kernel.Errno;

/**
 * The Discovery Log Page fetch protocol's port ({@link LogPageReader}, package {@code dlp}) on a real
 * controller: each Get Log Page goes through {@link AdminPassthrough}, and a failed call or a failed
 * completion becomes the {@link LogPageReadException} the fetcher reports (reference §5.1-§5.3).
 *
 * <p>Not thread-safe, like the handle it uses; blocks until the controller answers.
 */
public final class AdminLogPageReader implements LogPageReader {
    private final AdminPassthrough controller;

    public AdminLogPageReader(AdminPassthrough controller) {
        this.controller = Objects.requireNonNull(controller, "controller");
    }

    @Override
    public byte[] read(GetLogPageCommand command) throws LogPageReadException {
        AdminOutcome outcome = controller.submit(AdminCommand.getLogPage(command));
        String what = controller.device() + ": Get Log Page 0x70 at offset " + command.offset() + ", " + command.length() + " bytes";
        if (outcome instanceof AdminOutcome.Success success) {
            return success.data();
        }
        if (outcome instanceof AdminOutcome.NvmeStatus status) {
            throw LogPageReadException.nvmeStatus(status.status(), what);
        }
        Errno errno = ((AdminOutcome.Failure) outcome).errno();
        // An errno Errno cannot name (ENOLINK, EREMOTEIO from the block layer...) is still a read failure.
        throw errno.named() ? LogPageReadException.errno(errno.name(), errno.number(), what)
                : LogPageReadException.errno(errno.number(), what);
    }
}
