package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real systemd in private namespaces, through {@code ../shared/tools/systemd-sandbox}: started by
 * {@link #start}, always stopped by {@link #close} (use try-with-resources).
 */
final class Sandbox implements AutoCloseable {
    private final Path tool;
    private final Path state;

    record Result(int status, String out, String err) {
    }

    private Sandbox(Path tool, Path state) {
        this.tool = tool;
        this.state = state;
    }

    /** Starts systemd with each {@code binds} entry ({@code SRC:DST}) mounted inside; it stops itself after 10 minutes. */
    static Sandbox start(Path tool, Path state, String... binds) throws Exception {
        return start(tool, state, 600, binds);
    }

    /** As {@link #start(Path, Path, String...)}, for tests that need longer than 10 minutes. */
    static Sandbox start(Path tool, Path state, int maxSeconds, String... binds) throws Exception {
        List<String> command = new ArrayList<>(List.of(tool.toString(), "start", state.toString(), "--max-seconds",
                String.valueOf(maxSeconds)));
        for (String bind : binds) {
            command.add("--bind");
            command.add(bind);
        }
        Sandbox sandbox = new Sandbox(tool, state);
        Result started = run(command);
        if (started.status() != 0) {
            sandbox.close();
            throw new AssertionError("systemd-sandbox start failed: " + started.err() + log(state));
        }
        return sandbox;
    }

    /** Runs {@code command} inside; waits at most a minute. */
    Result exec(String... command) throws Exception {
        List<String> argv = new ArrayList<>(List.of(tool.toString(), "exec", state.toString(), "--"));
        argv.addAll(List.of(command));
        return run(argv);
    }

    /** As {@link #exec}, and asserts it exited 0; returns its stdout. */
    String check(String... command) throws Exception {
        Result r = exec(command);
        assertThat(r.status()).as("%s: %s", String.join(" ", command), r.err()).isZero();
        return r.out();
    }

    /** Starts {@code command} inside without waiting, for commands that follow output ({@code journalctl -f}). */
    Process spawn(String... command) throws IOException {
        List<String> argv = new ArrayList<>(List.of(tool.toString(), "exec", state.toString(), "--"));
        argv.addAll(List.of(command));
        return new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static Result run(List<String> argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().close();
        // Both streams are small; reading stderr after stdout cannot fill a pipe first.
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s finished", argv).isTrue();
        return new Result(p.exitValue(), out, err);
    }

    private static String log(Path state) throws IOException {
        Path log = state.resolve("systemd.log");
        return Files.exists(log) ? "\n" + Files.readString(log) : "";
    }

    @Override
    public void close() throws Exception {
        Result stopped = run(List.of(tool.toString(), "stop", state.toString()));
        assertThat(stopped.status()).as("systemd-sandbox stop: %s", stopped.err()).isZero();
    }
}
