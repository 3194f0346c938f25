package org.nvmexpress.discoverd.systemd;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real process whose timed waits run out on cue, as if its time were up: a test can check what
 * happens at a timeout without waiting for one. Everything else goes to the real process.
 */
final class TimedOutProcess extends Process {
    /** What the process must have done before a timed wait gives up on it; blocks until then. */
    @FunctionalInterface
    interface Cue {
        void await() throws IOException;
    }

    private final Process real;
    private final Cue cue;
    private Duration waitedFor;

    TimedOutProcess(Process real, Cue cue) {
        this.real = real;
        this.cue = cue;
    }

    /** The timeout of the last timed wait, or {@code null} if there was none. */
    Duration waitedFor() {
        return waitedFor;
    }

    /** Waits for the cue, not for the time: then says the process did not finish. */
    @Override
    public boolean waitFor(long timeout, TimeUnit unit) {
        waitedFor = Duration.ofNanos(unit.toNanos(timeout));
        try {
            cue.await();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return false;
    }

    @Override
    public OutputStream getOutputStream() {
        return real.getOutputStream();
    }

    @Override
    public InputStream getInputStream() {
        return real.getInputStream();
    }

    @Override
    public InputStream getErrorStream() {
        return real.getErrorStream();
    }

    @Override
    public int waitFor() throws InterruptedException {
        return real.waitFor();
    }

    @Override
    public int exitValue() {
        return real.exitValue();
    }

    @Override
    public void destroy() {
        real.destroy();
    }

    @Override
    public Process destroyForcibly() {
        real.destroyForcibly();
        return this;
    }

    @Override
    public boolean isAlive() {
        return real.isAlive();
    }

    @Override
    public long pid() {
        return real.pid();
    }
}
