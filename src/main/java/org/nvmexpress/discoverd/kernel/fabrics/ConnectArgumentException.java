package org.nvmexpress.discoverd.kernel.fabrics;

/**
 * An argument of a connect request that cannot be handed to the kernel: a value with a character
 * that would split or end the option string, a malformed number, an unusable credential, a key that
 * is not in the keyring. The message names the option (and the value, unless it is a secret).
 */
public final class ConnectArgumentException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConnectArgumentException(String message) {
        super(message);
    }
}
