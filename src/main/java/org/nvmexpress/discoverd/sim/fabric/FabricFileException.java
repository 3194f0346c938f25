package org.nvmexpress.discoverd.sim.fabric;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * A fabric file that cannot be used: it cannot be read, is not JSON, or breaks a rule of
 * docs/simulate.md. The message has one line per problem, each naming the file and the JSON path
 * ({@code lab/fabric.json: ports[2].trsvcid: "44x0" is not a port number}), at most
 * {@link #MAX_LISTED} of them, then {@code lab/fabric.json: and 7 more problems}: a broken file
 * gets a message a person reads, however many problems it has.
 */
public final class FabricFileException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Problems listed in the message; the rest are counted. */
    public static final int MAX_LISTED = 20;

    /**
     * One problem.
     *
     * @param path    where: a JSON path ({@code ports[2].trsvcid}), {@code line 3, column 7} for
     *                text that is not JSON, or empty when the file as a whole is the problem
     * @param message what is wrong, quoting at most a bounded prefix of the value
     */
    public record Problem(String path, String message) {
        public Problem {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            return path.isEmpty() ? message : path + ": " + message;
        }
    }

    private final String file;
    private final transient List<Problem> listed;
    private final int total;

    /**
     * @param file   the file as the user named it
     * @param listed the first problems, at most {@link #MAX_LISTED}, at least one
     * @param total  how many there were in all, at least {@code listed.size()}
     */
    public FabricFileException(String file, List<Problem> listed, int total) {
        super(message(file, listed, total));
        this.file = file;
        this.listed = List.copyOf(listed);
        this.total = total;
    }

    /** A file with one problem. */
    public FabricFileException(String file, Problem problem) {
        this(file, List.of(problem), 1);
    }

    public String file() {
        return file;
    }

    /** The problems the message lists, in file order. */
    public List<Problem> problems() {
        return listed;
    }

    /** How many problems there were, listed or not. */
    public int total() {
        return total;
    }

    private static String message(String file, List<Problem> listed, int total) {
        Objects.requireNonNull(file, "file");
        if (listed.isEmpty() || listed.size() > MAX_LISTED || total < listed.size()) {
            throw new IllegalArgumentException("1 to " + MAX_LISTED + " problems listed of at least as many: "
                    + listed.size() + " of " + total);
        }
        StringJoiner out = new StringJoiner("\n");
        for (Problem p : listed) {
            out.add(file + ": " + p);
        }
        int more = total - listed.size();
        if (more > 0) {
            out.add(file + ": and " + more + " more problem" + (more == 1 ? "" : "s"));
        }
        return out.toString();
    }
}
