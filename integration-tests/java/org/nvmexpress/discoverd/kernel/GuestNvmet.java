package org.nvmexpress.discoverd.kernel;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Changes to the guest's nvmet target in configfs, from Java, as {@code guest/nvmet-target.sh} makes
 * it: linking and unlinking a subsystem to a port (each a Discovery Log Page Changed AEN to the
 * port's discovery controllers), a new subsystem with one namespace, and a port taken away and put
 * back. nvmet disconnects the host's controllers of a subsystem unlinked from their port, and of a
 * port that goes; the host kernel then retries until its {@code ctrl_loss_tmo} and deletes them.
 */
final class GuestNvmet {
    static final Path PORTS = GuestTarget.NVMET.resolve("ports");
    static final Path SUBSYSTEMS = GuestTarget.NVMET.resolve("subsystems");
    /** Where the namespaces' backing files live (tmpfs), as for test-io1 and test-io2. */
    static final Path IMAGES = Path.of("/run/nvmet");
    private static final long IMAGE_BYTES = 64L << 20;

    private GuestNvmet() {
    }

    static Path link(String port, String nqn) {
        return PORTS.resolve(port).resolve("subsystems").resolve(nqn);
    }

    static boolean isLinked(String port, String nqn) {
        return Files.isSymbolicLink(link(port, nqn));
    }

    /** Links {@code nqn} to {@code port}: the port's log page lists it from now on. */
    static void linkSubsystem(String port, String nqn) throws IOException {
        Files.createSymbolicLink(link(port, nqn), SUBSYSTEMS.resolve(nqn));
    }

    /** Unlinks {@code nqn} from {@code port}: nvmet drops the host's controllers of it on that port. */
    static void unlinkSubsystem(String port, String nqn) throws IOException {
        Files.delete(link(port, nqn));
    }

    /** A subsystem any host may connect to, namespace 1 a sparse 64 MiB file named after {@code image}. */
    static void createSubsystem(String nqn, String image) throws IOException {
        Path file = Files.createDirectories(IMAGES).resolve(image);
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(IMAGE_BYTES);
        }
        Path subsys = Files.createDirectory(SUBSYSTEMS.resolve(nqn));
        write(subsys.resolve("attr_allow_any_host"), "1");
        Path ns = Files.createDirectory(subsys.resolve("namespaces/1"));
        write(ns.resolve("device_path"), file.toString());
        if (Files.exists(ns.resolve("buffered_io"))) {
            write(ns.resolve("buffered_io"), "1"); // tmpfs has no O_DIRECT
        }
        write(ns.resolve("enable"), "1");
    }

    /** Removes a subsystem {@link #createSubsystem} made (unlinked from every port first) and its file. */
    static void removeSubsystem(String nqn, String image) throws IOException {
        Path subsys = SUBSYSTEMS.resolve(nqn);
        if (Files.isDirectory(subsys)) {
            Path ns = subsys.resolve("namespaces/1");
            if (Files.isDirectory(ns)) {
                write(ns.resolve("enable"), "0");
                Files.delete(ns);
            }
            Files.delete(subsys);
        }
        Files.deleteIfExists(IMAGES.resolve(image));
    }

    /** Takes {@code port} away: its subsystems unlinked, then the port itself, so it stops listening. */
    static void removePort(String port, String... nqns) throws IOException {
        for (String nqn : nqns) {
            unlinkSubsystem(port, nqn);
        }
        Files.delete(PORTS.resolve(port));
    }

    /** Puts back a tcp port on 127.0.0.1:{@code trsvcid} with {@code nqns} linked (the link enables it). */
    static void addPort(String port, String trsvcid, String... nqns) throws IOException {
        Path dir = Files.createDirectory(PORTS.resolve(port));
        write(dir.resolve("addr_trtype"), "tcp");
        write(dir.resolve("addr_adrfam"), "ipv4");
        write(dir.resolve("addr_traddr"), GuestTarget.TRADDR);
        write(dir.resolve("addr_trsvcid"), trsvcid);
        for (String nqn : nqns) {
            linkSubsystem(port, nqn);
        }
    }

    static boolean portExists(String port) {
        return Files.isDirectory(PORTS.resolve(port));
    }

    private static void write(Path attribute, String value) throws IOException {
        try {
            Files.writeString(attribute, value, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IOException("nvmet refused '" + value + "' for " + GuestTarget.NVMET.relativize(attribute), e);
        }
    }
}
