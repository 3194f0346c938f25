package org.nvmexpress.discoverd.nbft;

/**
 * A field that breaks a parse rule. Inside a list member it drops that descriptor (a warning);
 * in the header, control or host descriptor it rejects the table. The message names the field and
 * the offending value, not the descriptor: the caller adds that.
 */
final class FieldException extends Exception {
    private static final long serialVersionUID = 1L;

    FieldException(String message) {
        super(message);
    }
}
