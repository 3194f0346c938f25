package org.nvmexpress.discoverd.systemd;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production {@link ConnectorProbe}: runs {@code <nvme> connect --help} and looks for
 * {@code --owner} in what it prints (stdout and stderr merged: nvme-cli versions differ in where help
 * goes). Bounded by a timeout: a hung {@code nvme} must not hold up the daemon's start; it then
 * counts as "does not support". The output goes to a temporary file rather than a pipe, so a chatty
 * program cannot block on a full pipe while we wait for it.
 */
final class ProcessConnectorProbe implements ConnectorProbe {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessConnectorProbe.class);
    /** Help text is small; more than this is not nvme-cli's. */
    private static final int MAX_OUTPUT_BYTES = 1 << 20;
    private static final ProcessBuilder.Redirect NULL_DEVICE = ProcessBuilder.Redirect.from(new File("/dev/null"));

    /** Starts the program: a seam, so a test can make the wait time out without waiting. */
    @FunctionalInterface
    interface Starter {
        Process start(ProcessBuilder builder) throws IOException;
    }

    private final Duration timeout;
    private final Starter starter;

    ProcessConnectorProbe(Duration timeout) {
        this(timeout, ProcessBuilder::start);
    }

    ProcessConnectorProbe(Duration timeout, Starter starter) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.starter = Objects.requireNonNull(starter, "starter");
    }

    @Override
    public boolean supportsOwner(String nvmePath) {
        Path output = null;
        Process process = null;
        try {
            output = Files.createTempFile("nvme-connect-help", ".txt");
            process = starter.start(new ProcessBuilder(nvmePath, "connect", "--help").redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(NULL_DEVICE));
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} connect --help did not finish within {} ms; taking it as no --owner", nvmePath,
                        timeout.toMillis());
                return false;
            }
            try (InputStream in = Files.newInputStream(output)) {
                return new String(in.readNBytes(MAX_OUTPUT_BYTES), StandardCharsets.UTF_8).contains("--owner");
            }
        } catch (IOException e) {
            LOG.info("cannot run {} connect --help: {}; taking it as no --owner", nvmePath, e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            if (process != null) {
                process.destroyForcibly();
            }
            deleteQuietly(output);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("cannot delete {}: {}", file, e.getMessage());
        }
    }
}
