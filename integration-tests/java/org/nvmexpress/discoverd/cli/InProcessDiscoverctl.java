package org.nvmexpress.discoverd.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.nvmexpress.discoverd.kernel.fabrics.FabricsDevice;
import org.nvmexpress.discoverd.kernel.sysfs.LiveControllerLookup;
import picocli.CommandLine;

/**
 * {@code nvme-discoverctl} run in the calling JVM through the same picocli command line as the
 * launcher ({@link CommandRunner}, with the production ports), for integration checks in other
 * packages: the real-kernel guest runs several connects, and a JVM start there takes seconds.
 */
public final class InProcessDiscoverctl {
    /** Exit status, and stdout and stderr without surrounding white space. */
    public record Result(int status, String out, String err) {
    }

    private InProcessDiscoverctl() {
    }

    public static Result run(String... args) {
        CommandRunner runner = new CommandRunner();
        int status = runner.run(args);
        return new Result(status, runner.out().strip(), runner.err().strip());
    }

    /**
     * As {@link #run}, as a script runs it, with stdin not a terminal: nothing asks for confirmation
     * (the guest's checks inherit the console as stdin, where a prompt would wait for nobody).
     */
    public static Result runAsScript(String... args) {
        CommandRunner runner = new CommandRunner(new ScriptFactory());
        int status = runner.run(args);
        return new Result(status, runner.out().strip(), runner.err().strip());
    }

    /**
     * {@code connect} with {@code args} as a connection unit runs it, {@code $CREDENTIALS_DIRECTORY}
     * being {@code credentials} (this JVM's environment cannot be changed per call): for the guest's
     * warm connector, which runs the units' connects in this JVM.
     */
    public static Result runConnect(Optional<Path> credentials, String... args) {
        ConnectPorts system = ConnectPorts.system();
        ConnectPorts ports = new ConnectPorts() {
            @Override
            public FabricsDevice fabrics(Path root) {
                return system.fabrics(root);
            }

            @Override
            public LiveControllerLookup lookup(Path root) throws IOException {
                return system.lookup(root);
            }

            @Override
            public Optional<Path> credentialsDirectory() {
                return credentials;
            }
        };
        CommandLine.IFactory standard = CommandLine.defaultFactory();
        CommandRunner runner = new CommandRunner(new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == ConnectCommand.class ? type.cast(new ConnectCommand(ports)) : standard.create(type);
            }
        });
        int status = runner.run(args);
        return new Result(status, runner.out().strip(), runner.err().strip());
    }

    /** Picocli's factory, except that the registry commands see a session without a terminal. */
    private static final class ScriptFactory implements CommandLine.IFactory {
        private final CommandLine.IFactory standard = CommandLine.defaultFactory();

        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == RegistryCommand.class) {
                return type.cast(new RegistryCommand(new NoTerminal(new ProcessUserSession())));
            }
            return standard.create(type);
        }
    }

    private record NoTerminal(UserSession process) implements UserSession {
        @Override
        public boolean isRoot() {
            return process.isRoot();
        }

        @Override
        public boolean stdinIsTerminal() {
            return false;
        }

        @Override
        public String readLine() throws IOException {
            return null;
        }

        @Override
        public String getenv(String name) {
            return process.getenv(name);
        }
    }
}
