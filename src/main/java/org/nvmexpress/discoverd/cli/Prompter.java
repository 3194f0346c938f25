package org.nvmexpress.discoverd.cli;

import java.util.Optional;

/**
 * Where a command asks the user before an irreversible change. A port, so tests decide whether
 * the session is interactive and what the user answers.
 */
interface Prompter {
    /** Whether a person is at a terminal to answer; scripts (stdin not a terminal) are never asked. */
    boolean interactive();

    /** Shows {@code prompt} and reads one line; empty at end of input. */
    Optional<String> readLine(String prompt);
}
