package org.nvmexpress.discoverd.cli;

import java.util.Objects;
import picocli.CommandLine;

/** Builds the commands that talk to the user with a test's {@link UserSession} in place of the real one. */
final class SessionFactory implements CommandLine.IFactory {
    private final UserSession session;

    SessionFactory(UserSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (type == RegistryCommand.class) {
            return type.cast(new RegistryCommand(session));
        }
        if (type == ExclusionCommand.class) {
            return type.cast(new ExclusionCommand(session));
        }
        return CommandLine.defaultFactory().create(type);
    }
}
