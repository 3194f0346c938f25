package org.nvmexpress.discoverd.kernel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kernel's fabrics connect protocol with plain Java file I/O, for checks that run in the
 * guest: the options are written to {@code /dev/nvme-fabrics} in one write, and the reply
 * {@code instance=N,cntlid=M} is read back on the same descriptor. Test-side on purpose: it is the
 * independent yardstick for the production code that does the same.
 */
final class GuestFabrics {
    static final Path DEVICE = Path.of("/dev/nvme-fabrics");
    static final Path CLASS_NVME = Path.of("/sys/class/nvme");
    private static final Pattern REPLY = Pattern.compile("instance=(\\d+),cntlid=(\\d+)\\n?");

    /** What the kernel answered to a connect. */
    record Connected(int instance, int cntlid, String reply) {
        String device() {
            return "nvme" + instance;
        }

        Path sysfs() {
            return CLASS_NVME.resolve(device());
        }
    }

    private GuestFabrics() {
    }

    /** Connects a controller; the kernel refuses bad options or an unreachable target with an errno. */
    static Connected connect(String options) throws IOException {
        byte[] request = options.getBytes(StandardCharsets.US_ASCII);
        try (FileChannel fd = FileChannel.open(DEVICE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            int written = fd.write(ByteBuffer.wrap(request));
            if (written != request.length) {
                throw new IOException(DEVICE + ": short write of the options (" + written + " of " + request.length + " bytes)");
            }
            ByteBuffer reply = ByteBuffer.allocate(256);
            fd.read(reply);
            String text = new String(reply.array(), 0, reply.position(), StandardCharsets.US_ASCII);
            Matcher m = REPLY.matcher(text);
            if (!m.matches()) {
                throw new IOException(DEVICE + ": unexpected reply '" + text + "' to '" + options + "'");
            }
            return new Connected(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), text.strip());
        }
    }

    /** One sysfs attribute of a controller, without the trailing newline. */
    static String attribute(Connected controller, String name) throws IOException {
        return Files.readString(controller.sysfs().resolve(name), StandardCharsets.US_ASCII).strip();
    }

    /** Disconnects; the kernel removes the controller before the write returns. */
    static void delete(Connected controller) throws IOException {
        delete(controller.device());
    }

    /** Disconnects the controller {@code device} ({@code nvmeN}), however it was connected. */
    static void delete(String device) throws IOException {
        Files.writeString(CLASS_NVME.resolve(device).resolve("delete_controller"), "1", StandardCharsets.US_ASCII);
    }

    /** The controllers in {@code /sys/class/nvme} now, by name, sorted. */
    static List<String> controllers() throws IOException {
        try (Stream<Path> entries = Files.list(CLASS_NVME)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
