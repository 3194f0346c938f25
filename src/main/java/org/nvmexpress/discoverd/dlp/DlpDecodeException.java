package org.nvmexpress.discoverd.dlp;

import java.util.Objects;

/**
 * A page that cannot be decoded at all: shorter than its header, or with fewer entries than its
 * {@code numrec} says. The message is {@link DlpProblem#toString()}: where, byte offset, what is wrong.
 */
public final class DlpDecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient DlpProblem problem;

    public DlpDecodeException(DlpProblem problem) {
        super(Objects.requireNonNull(problem, "problem").toString());
        this.problem = problem;
    }

    public DlpProblem problem() {
        return problem;
    }
}
