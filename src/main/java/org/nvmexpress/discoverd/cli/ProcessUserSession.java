package org.nvmexpress.discoverd.cli;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;

/**
 * The real session: libc's {@code geteuid} and {@code isatty} through JNA (the JDK has neither;
 * {@code System.console()} cannot tell a redirected stdin from a terminal on every JDK), standard
 * input, and the process environment.
 */
final class ProcessUserSession implements UserSession {
    private static final int STDIN = 0;

    /** The two libc calls this needs. */
    interface LibC extends Library {
        int geteuid();

        int isatty(int fd);
    }

    /** Loaded on first use: commands that never ask do not load libc. */
    private static final class Holder {
        static final LibC LIBC = Native.load("c", LibC.class);
    }

    /** Created on first use; buffered, so it is the only reader of standard input. */
    private BufferedReader stdin;

    @Override
    public boolean isRoot() {
        return Holder.LIBC.geteuid() == 0;
    }

    @Override
    public boolean stdinIsTerminal() {
        return Holder.LIBC.isatty(STDIN) == 1;
    }

    @Override
    public String readLine() throws IOException {
        if (stdin == null) {
            stdin = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
        }
        return stdin.readLine();
    }

    @Override
    public String getenv(String name) {
        return System.getenv(name);
    }
}
