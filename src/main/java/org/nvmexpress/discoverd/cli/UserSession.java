package org.nvmexpress.discoverd.cli;

import java.io.IOException;

/**
 * What an interactive command needs from the person and process running it, behind one port so
 * tests can play the user: privileges, whether standard input is a terminal, typed answers, and the
 * environment ({@code $EDITOR}, {@code $TMPDIR}).
 */
interface UserSession {

    /** Whether the process runs with effective uid 0. */
    boolean isRoot();

    /** Whether standard input is a terminal, i.e. someone can answer a prompt. */
    boolean stdinIsTerminal();

    /** The next line typed on standard input, without its line break; {@code null} at end of input. */
    String readLine() throws IOException;

    /** An environment variable, or {@code null} when unset. */
    String getenv(String name);
}
