package org.nvmexpress.discoverd.varlink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A client in another process, and the socket directory it can reach whoever it runs as. */
final class PeerProcess {
    /**
     * The system's python3, by path: the one Debian's python3-varlink installs into, and one any
     * uid can run (a python3 found first on root's PATH, pyenv's say, may sit in root's 0700 home).
     */
    static final String PYTHON = "/usr/bin/python3";
    private PeerProcess() {
    }

    /** A directory any user may traverse (JUnit's temporary directories are 0700). */
    static Path openDirectory() throws IOException {
        Path dir = Files.createTempDirectory("varlink-it-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    static boolean isRoot() throws IOException {
        return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    }

    static boolean succeeds(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    /** Runs {@code command}, returns its standard output; fails the test on a non-zero exit. */
    static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not end within 60 s");
        }
        if (p.exitValue() != 0) {
            throw new AssertionError(command + " exited with " + p.exitValue() + ": " + out);
        }
        return out;
    }
}
