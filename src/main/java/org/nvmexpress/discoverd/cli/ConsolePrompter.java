package org.nvmexpress.discoverd.cli;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Optional;

/** The real {@link Prompter}: the process's terminal, when it has one. */
final class ConsolePrompter implements Prompter {
    private final Console console = System.console();

    @Override
    public boolean interactive() {
        return console != null && isTerminal(console);
    }

    @Override
    public Optional<String> readLine(String prompt) {
        return Optional.ofNullable(console.readLine("%s", prompt));
    }

    /**
     * Up to Java 21 a {@link Console} exists only when stdin and stdout are a terminal; from Java 22
     * it may exist without one, and {@code Console.isTerminal()} (absent before 22) says which.
     */
    private static boolean isTerminal(Console console) {
        Method isTerminal;
        try {
            isTerminal = Console.class.getMethod("isTerminal");
        } catch (NoSuchMethodException e) {
            return true;
        }
        try {
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("Console.isTerminal() is public and takes no argument", e);
        }
    }
}
