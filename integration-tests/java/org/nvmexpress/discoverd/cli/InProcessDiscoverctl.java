package org.nvmexpress.discoverd.cli;

/**
 * {@code nvme-discoverctl} run in the calling JVM through the same picocli command line as the
 * launcher ({@link CommandRunner}, with the production ports), for integration checks in other
 * packages: the real-kernel guest runs several connects, and a JVM start there takes seconds.
 */
public final class InProcessDiscoverctl {
    /** Exit status, and stdout and stderr without surrounding white space. */
    public record Result(int status, String out, String err) {
    }

    private InProcessDiscoverctl() {
    }

    public static Result run(String... args) {
        CommandRunner runner = new CommandRunner();
        int status = runner.run(args);
        return new Result(status, runner.out().strip(), runner.err().strip());
    }
}
