package org.nvmexpress.discoverd.systemd;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A private {@code dbus-daemon} on a socket in a temporary directory (TESTING §2): its own
 * configuration (session type, EXTERNAL auth, everything allowed), started by the test, killed by
 * the test. Can be restarted on the same socket, as a restarted system bus would be.
 */
public final class PrivateDbusDaemon implements AutoCloseable {
    public static final Path DBUS_DAEMON = Path.of("/usr/bin/dbus-daemon");

    private final Path config;
    private final Path socket;
    private Process process;

    public PrivateDbusDaemon(Path dir) throws IOException {
        this.socket = dir.resolve("bus");
        this.config = dir.resolve("bus.conf");
        Files.writeString(config, """
                <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
                 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
                <busconfig>
                  <type>session</type>
                  <listen>unix:path=%s</listen>
                  <auth>EXTERNAL</auth>
                  <policy context="default">
                    <allow user="*"/>
                    <allow own="*"/>
                    <allow send_destination="*" eavesdrop="true"/>
                    <allow eavesdrop="true"/>
                  </policy>
                </busconfig>
                """.formatted(socket));
    }

    public String address() {
        return "unix:path=" + socket;
    }

    /** Starts the daemon and returns once it listens (it prints its address then). */
    public void start() throws IOException {
        Files.deleteIfExists(socket);
        process = new ProcessBuilder(DBUS_DAEMON.toString(), "--config-file=" + config, "--nofork", "--print-address")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("unix:")) {
            throw new IOException("dbus-daemon did not start: " + line);
        }
    }

    /** Kills the daemon by its PID and waits for it: every connection breaks. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    @Override
    public void close() {
        kill();
    }
}
