package org.nvmexpress.discoverd.systemd;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A secret handed to a connection unit through systemd's credentials: written to a root-only file
 * ({@link CredentialFiles}) that the unit names in {@code LoadCredential}, the built-in connector
 * reads it from {@code $CREDENTIALS_DIRECTORY/<id>}, so it never appears in an argument vector or a
 * unit property (reference §15 item 32).
 *
 * <p>Not a plain record: the bytes are copied in and out, compared by content, and never printed.
 *
 * @param id   the credential's file name, e.g. {@code dhchap-secret}
 * @param data the secret
 */
public record Credential(String id, byte[] data) {
    /** What systemd accepts as a credential name: a file name. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    public Credential {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("credential id is not a plain file name: " + id);
        }
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Credential other && id.equals(other.id) && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * id.hashCode() + Arrays.hashCode(data);
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "Credential[" + id + ", " + data.length + " bytes]";
    }
}
