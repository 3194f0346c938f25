package org.nvmexpress.discoverd.cli;

import sun.misc.Signal;

/**
 * Ctrl-C for a command that runs until interrupted ({@code monitor}): instead of the JVM's default
 * (exit status 130), the command is told, ends its work and exits 0. A port so that tests press
 * Ctrl-C without signals.
 */
@FunctionalInterface
interface Interrupts {

    /** Runs {@code action} (on another thread) when the user interrupts the command. */
    void onInterrupt(Runnable action);

    /**
     * SIGINT through {@code sun.misc.Signal}, for the reasons {@link SignalEvents} gives. The first
     * Ctrl-C runs the action; should that not end the command (a connection that does not wake up
     * when closed), a second one exits at once, so Ctrl-C never stops working.
     */
    static Interrupts sigint() {
        return action -> {
            boolean[] pressed = {false};
            try {
                Signal.handle(new Signal("INT"), signal -> {
                    if (pressed[0]) {
                        Runtime.getRuntime().exit(0);
                    }
                    pressed[0] = true;
                    action.run();
                });
            } catch (IllegalArgumentException e) {
                // The JVM runs with -Xrs: Ctrl-C keeps its default action, exit status 130.
            }
        };
    }
}
