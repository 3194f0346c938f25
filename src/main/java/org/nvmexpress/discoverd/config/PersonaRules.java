package org.nvmexpress.discoverd.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nvmexpress.discoverd.ini.Diagnostic;

/**
 * The rules that span files (reference §8.5, {@code check_personas}): each file's {@code [Host]} is
 * one persona, and personas must not collide. A drop-in persona needs a host NQN; a host NQN belongs
 * to one file; a host ID is not shared by two different host NQNs. The file that introduces a
 * collision is the one found wrong, so earlier, valid files stay in force.
 */
final class PersonaRules {
    private final List<FabricsFile> accepted = new ArrayList<>();

    /**
     * Checks {@code candidate} against the files accepted so far and, when it passes, accepts it.
     *
     * @param isMain true for the main file, whose {@code [Host]} may leave the host NQN unset
     * @return the errors; empty when the file was accepted
     */
    List<Diagnostic> check(FabricsFile candidate, boolean isMain) {
        List<Diagnostic> errors = new ArrayList<>();
        FabricsFile.Host host = candidate.host();
        if (host != null) {
            if (!isMain && host.hostnqn() == null) {
                errors.add(Diagnostic.error(candidate.file(), host.line(),
                        "[Host] in a drop-in must set hostnqn: a drop-in's [Host] defines a persona"));
            }
            for (FabricsFile earlier : accepted) {
                FabricsFile.Host other = earlier.host();
                if (other == null) {
                    continue;
                }
                if (host.hostnqn() != null && host.hostnqn().equals(other.hostnqn())) {
                    errors.add(Diagnostic.error(candidate.file(), host.line(), "hostnqn '" + host.hostnqn()
                            + "' is already the persona of " + earlier.file() + ":" + other.line()));
                } else if (host.hostid() != null && host.hostid().equals(other.hostid())
                        && host.hostnqn() != null && other.hostnqn() != null) {
                    errors.add(Diagnostic.error(candidate.file(), host.line(), "hostid '" + host.hostid()
                            + "' is already used by the persona of " + earlier.file() + ":" + other.line()
                            + " with another hostnqn"));
                }
            }
        }
        if (errors.isEmpty()) {
            accepted.add(Objects.requireNonNull(candidate));
        }
        return errors;
    }
}
