package org.nvmexpress.discoverd.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A {@link Prompter} with a scripted user: interactive or not, answers given in advance, prompts recorded. */
final class FakePrompter implements Prompter {
    private final boolean interactive;
    private final Deque<String> answers = new ArrayDeque<>();
    final List<String> prompts = new ArrayList<>();

    private FakePrompter(boolean interactive, List<String> answers) {
        this.interactive = interactive;
        this.answers.addAll(answers);
    }

    /** Nobody at a terminal: a script, stdin redirected. */
    static FakePrompter script() {
        return new FakePrompter(false, List.of());
    }

    /** A user at a terminal who types {@code answers}, one per prompt; end of input after them. */
    static FakePrompter user(String... answers) {
        return new FakePrompter(true, List.of(answers));
    }

    @Override
    public boolean interactive() {
        return interactive;
    }

    @Override
    public Optional<String> readLine(String prompt) {
        prompts.add(prompt);
        return Optional.ofNullable(answers.poll());
    }
}
