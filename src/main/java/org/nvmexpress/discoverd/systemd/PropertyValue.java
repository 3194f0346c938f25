package org.nvmexpress.discoverd.systemd;

import java.util.List;
import java.util.Objects;

/**
 * The value of one transient-unit property with its D-Bus type (reference §3.3). A closed set: the
 * types our units use, each naming its signature, so a test can check the exact wire types and the
 * D-Bus adapter can map each case without reflection.
 */
public sealed interface PropertyValue {

    /** The D-Bus signature of the value inside the property's variant, e.g. {@code a(sasb)}. */
    String signature();

    /** {@code s}. */
    record Text(String value) implements PropertyValue {
        public Text {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String signature() {
            return "s";
        }
    }

    /** {@code b}. */
    record Flag(boolean value) implements PropertyValue {
        @Override
        public String signature() {
            return "b";
        }
    }

    /** {@code t}: unsigned 64 bits; we never need values above {@link Long#MAX_VALUE}. */
    record UInt64(long value) implements PropertyValue {
        public UInt64 {
            if (value < 0) {
                throw new IllegalArgumentException("UInt64 value is negative: " + value);
            }
        }

        @Override
        public String signature() {
            return "t";
        }
    }

    /** {@code as}. */
    record TextList(List<String> values) implements PropertyValue {
        public TextList {
            values = List.copyOf(values);
        }

        @Override
        public String signature() {
            return "as";
        }
    }

    /** {@code a(sasb)}: the {@code Exec*} properties. */
    record Commands(List<ExecCommand> commands) implements PropertyValue {
        public Commands {
            commands = List.copyOf(commands);
        }

        @Override
        public String signature() {
            return "a(sasb)";
        }
    }

    /**
     * {@code a(ss)}: {@code LoadCredential}, each credential's id and the file systemd reads it from
     * when the unit starts. Only paths: a secret's bytes have no property type, since any local user
     * can read a unit's properties back over D-Bus.
     */
    record CredentialPaths(List<CredentialPath> paths) implements PropertyValue {
        public CredentialPaths {
            paths = List.copyOf(paths);
        }

        @Override
        public String signature() {
            return "a(ss)";
        }
    }

    /**
     * One {@code (ss)} of {@link CredentialPaths}.
     *
     * @param id   the file name in the connector's {@code $CREDENTIALS_DIRECTORY}
     * @param path the absolute path of the root-only file holding the secret
     */
    record CredentialPath(String id, String path) {
        public CredentialPath {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(path, "path");
        }
    }
}
