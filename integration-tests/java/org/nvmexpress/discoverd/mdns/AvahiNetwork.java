package org.nvmexpress.discoverd.mdns;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Two network namespaces joined by a veth pair ({@code vA} 192.0.2.1 in one, {@code vB} 192.0.2.2
 * in the other), each with an avahi-daemon on its own private bus: the browser's host on side A,
 * the announcing discovery controller on side B. Announcements and goodbyes cross the pair as real
 * multicast, as they would cross a fabric. Each avahi-daemon runs in a private mount namespace too,
 * with a tmpfs on {@code /run/avahi-daemon}, so two of them (and a host's own) do not share its pid
 * file and socket. Everything is removed by {@link #close()}.
 */
final class AvahiNetwork implements AutoCloseable {
    static final Path AVAHI_DAEMON = Path.of("/usr/sbin/avahi-daemon");
    static final Path AVAHI_PUBLISH = Path.of("/usr/bin/avahi-publish");
    static final Path IP = Path.of("/usr/sbin/ip");

    private final Path dir;
    private final String prefix = "nvmd" + ProcessHandle.current().pid();
    private final List<String> namespaces = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();

    AvahiNetwork(Path dir) {
        this.dir = dir;
    }

    String namespace(String side) {
        return prefix + side;
    }

    /** The namespaces, the pair, the addresses; both ends up. */
    void create() throws IOException, InterruptedException {
        for (String side : List.of("A", "B")) {
            run(IP.toString(), "netns", "add", namespace(side));
            namespaces.add(namespace(side));
        }
        run(IP.toString(), "link", "add", "vA", "netns", namespace("A"), "type", "veth", "peer", "name", "vB",
                "netns", namespace("B"));
        run(IP.toString(), "-n", namespace("A"), "addr", "add", "192.0.2.1/24", "dev", "vA");
        run(IP.toString(), "-n", namespace("B"), "addr", "add", "192.0.2.2/24", "dev", "vB");
        for (String side : List.of("A", "B")) {
            run(IP.toString(), "-n", namespace(side), "link", "set", "lo", "up");
            run(IP.toString(), "-n", namespace(side), "link", "set", "v" + side, "up");
        }
        Files.createDirectories(Path.of("/run/avahi-daemon"));
    }

    /**
     * Starts avahi-daemon on {@code side}, on the bus at {@code busAddress}, and returns once it
     * says its start-up is complete (it logs to stderr when not daemonised).
     */
    Process startAvahi(String side, String busAddress) throws IOException, InterruptedException {
        Path conf = dir.resolve("avahi-" + side + ".conf");
        Files.writeString(conf, """
                [server]
                host-name=host-%s
                use-ipv4=yes
                use-ipv6=no
                allow-interfaces=v%s
                enable-dbus=yes
                [wide-area]
                enable-wide-area=no
                [publish]
                publish-workstation=no
                publish-hinfo=no
                """.formatted(side, side));
        ProcessBuilder builder = new ProcessBuilder(IP.toString(), "netns", "exec", namespace(side), "unshare", "-m",
                "sh", "-c", "mount -t tmpfs tmpfs /run/avahi-daemon && exec " + AVAHI_DAEMON
                        + " --no-drop-root --no-chroot -f " + conf).redirectErrorStream(true);
        builder.environment().put("DBUS_SYSTEM_BUS_ADDRESS", busAddress);
        Process avahi = builder.start();
        processes.add(avahi);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> drain(avahi, "avahi-" + side, lines), "avahi-" + side + "-log");
        reader.setDaemon(true);
        reader.start();
        while (true) {
            String line = lines.poll(20, TimeUnit.SECONDS);
            if (line == null || line.startsWith("EOF")) {
                throw new IOException("avahi-daemon on side " + side + " did not start (" + line + ")");
            }
            if (line.contains("Server startup complete")) {
                return avahi;
            }
        }
    }

    /** {@code avahi-publish -s NAME TYPE PORT TXT…} against side B's avahi-daemon. */
    Process publish(String busAddress, String name, String type, int port, String... txt) throws IOException {
        List<String> command = new ArrayList<>(List.of(AVAHI_PUBLISH.toString(), "-s", name, type,
                String.valueOf(port)));
        command.addAll(List.of(txt));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("publish-" + type + ".log").toFile());
        builder.environment().put("DBUS_SYSTEM_BUS_ADDRESS", busAddress);
        Process p = builder.start();
        processes.add(p);
        return p;
    }

    /** SIGTERM, as {@code systemctl stop} would send; waits for the process to end. */
    static void stop(Process process) throws InterruptedException, IOException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new IOException("pid " + process.pid() + " did not end on SIGTERM");
        }
    }

    private static void drain(Process process, String name, BlockingQueue<String> lines) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                System.err.println(name + ": " + line);
                lines.add(line);
            }
            lines.add("EOF");
        } catch (IOException e) {
            lines.add("EOF " + e.getMessage());
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        IOException failure = null;
        for (String ns : namespaces) {
            try {
                run(IP.toString(), "netns", "delete", ns); // deleting a namespace deletes its end of the pair
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
