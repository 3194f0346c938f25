package org.nvmexpress.discoverd.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A user for interactive commands: privileges, a terminal or not, typed lines and environment. */
final class FakeUserSession implements UserSession {
    boolean root;
    boolean terminal;
    final Deque<String> typed = new ArrayDeque<>();
    final Map<String, String> environment = new HashMap<>();

    /** Queues answers to the next prompts. */
    FakeUserSession types(String... lines) {
        typed.addAll(List.of(lines));
        return this;
    }

    @Override
    public boolean isRoot() {
        return root;
    }

    @Override
    public boolean stdinIsTerminal() {
        return terminal;
    }

    @Override
    public String readLine() {
        return typed.poll();
    }

    @Override
    public String getenv(String name) {
        return environment.get(name);
    }
}
