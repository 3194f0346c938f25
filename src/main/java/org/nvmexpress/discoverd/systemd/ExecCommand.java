package org.nvmexpress.discoverd.systemd;

import java.util.List;
import java.util.Objects;

/**
 * One command of an {@code Exec*} unit property, the D-Bus struct {@code (sasb)} (reference §3.3):
 * the program, its full argument vector including {@code argv[0]}, and whether a non-zero exit is
 * ignored (systemd's {@code -} prefix).
 *
 * <p>The strings are sent to systemd as they are, and systemd still expands {@code ${NAME}} and a
 * lone {@code $NAME} argument when it runs the command; {@link #literal()} gives the form to send
 * when the arguments are meant literally, as ours always are.
 *
 * @param path          the executable, absolute
 * @param argv          the arguments, {@code argv[0]} first; never empty
 * @param ignoreFailure true when a non-zero exit does not fail the unit
 */
public record ExecCommand(String path, List<String> argv, boolean ignoreFailure) {

    public ExecCommand {
        Objects.requireNonNull(path, "path");
        argv = List.copyOf(argv);
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path is not absolute: " + path);
        }
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv is empty for " + path);
        }
    }

    /** This command with every argument {@link #literal(String) escaped} for systemd. */
    public ExecCommand literal() {
        return new ExecCommand(path, argv.stream().map(ExecCommand::literal).toList(), ignoreFailure);
    }

    /**
     * {@code text} escaped so that systemd's environment expansion of command lines gives it back
     * unchanged: every {@code $} doubled ({@code $$} is systemd's escape for a literal {@code $}).
     * Without it, {@code ${dev#nvme}} in a state script would be replaced by systemd, not the shell.
     */
    public static String literal(String text) {
        return text.replace("$", "$$");
    }
}
