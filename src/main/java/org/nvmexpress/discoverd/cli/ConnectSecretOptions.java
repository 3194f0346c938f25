package org.nvmexpress.discoverd.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The secret-carrying options of {@code nvme connect}, declared only to be refused: a secret on the
 * command line is readable by every local user (in {@code /proc/PID/cmdline} and, for a unit, in its
 * {@code ExecStart}), reference §15 item 32. They are declared so that picocli never echoes their
 * value in an "unknown option" error; the refusal names the option and the credential to use.
 */
final class ConnectSecretOptions {
    @Option(names = {"-S", "--dhchap-secret", "--kxchap-secret"}, paramLabel = "SECRET", hidden = true)
    private String dhchapSecret;

    @Option(names = {"-C", "--dhchap-ctrl-secret", "--kxchap-ctrl-secret"}, paramLabel = "SECRET", hidden = true)
    private String dhchapCtrlSecret;

    @Option(names = "--tls-key", paramLabel = "KEY", hidden = true)
    private String tlsKey;

    /** The refusal for the first secret given, naming its credential; empty when none was given. */
    Optional<String> refusal() {
        if (dhchapSecret != null) {
            return Optional.of(refuse("--dhchap-secret", "dhchap-secret"));
        }
        if (dhchapCtrlSecret != null) {
            return Optional.of(refuse("--dhchap-ctrl-secret", "dhchap-ctrl-secret"));
        }
        return tlsKey == null ? Optional.empty() : Optional.of(refuse("--tls-key", "tls-key"));
    }

    private static String refuse(String option, String credential) {
        return option + ": secrets are not accepted on the command line, where every local user can read them;"
                + " put it in the systemd credential '" + credential + "' (LoadCredential= or SetCredential=),"
                + " read from $CREDENTIALS_DIRECTORY/" + credential;
    }
}
