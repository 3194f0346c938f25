package org.nvmexpress.discoverd.nbft;

import java.util.Objects;

/**
 * A table that is rejected as a whole: unreadable, too large, or breaking one of the whole-table
 * rules of reference §7.3. The message is {@link NbftProblem#toString()}: table, descriptor, offset
 * and what is wrong. Other tables are unaffected.
 */
public final class NbftParseException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient NbftProblem problem;

    public NbftParseException(NbftProblem problem) {
        super(Objects.requireNonNull(problem, "problem").toString());
        this.problem = problem;
    }

    public NbftProblem problem() {
        return problem;
    }
}
