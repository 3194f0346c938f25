package org.nvmexpress.discoverd.kernel.fc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.nvmexpress.discoverd.kernel.AttributeText;

/**
 * The production {@link FcKickstart}: writes {@code add} to
 * {@code <root>/sys/class/fc/fc_udev_device/nvme_discovery}, the write-only attribute the FC
 * transport offers for this (reference §6.1), replacing the {@code nvmefc-boot-connections}
 * service. The file is opened for writing only, never created or truncated: when it does not exist
 * there is no FC transport.
 */
public final class FcUdevKickstart implements FcKickstart {
    /** Three bytes, no newline, as the C daemon writes them; the kernel ignores the content. */
    private static final byte[] REQUEST = "add".getBytes(StandardCharsets.US_ASCII);

    private final Path attribute;

    public FcUdevKickstart(Path root) {
        this.attribute = Objects.requireNonNull(root, "root").resolve("sys/class/fc/fc_udev_device/nvme_discovery");
    }

    @Override
    public Outcome kickstart() throws FcKickstartException {
        try (FileChannel channel = FileChannel.open(attribute, StandardOpenOption.WRITE)) {
            ByteBuffer request = ByteBuffer.wrap(REQUEST);
            while (request.hasRemaining()) {
                channel.write(request);
            }
            return Outcome.REQUESTED;
        } catch (NoSuchFileException e) {
            return Outcome.NO_FC; // ENOENT on the file or a parent: no FC HBA or driver
        } catch (IOException e) {
            throw new FcKickstartException(attribute, AttributeText.reason(e), e);
        }
    }
}
