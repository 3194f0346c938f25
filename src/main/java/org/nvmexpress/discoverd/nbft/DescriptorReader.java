package org.nvmexpress.discoverd.nbft;

import java.util.function.Consumer;

/**
 * Reads one list member at a table offset. Throwing drops the member (a warning); {@code note}
 * records a warning about a member that is kept (e.g. an unresolved optional link).
 */
@FunctionalInterface
interface DescriptorReader<T> {
    T read(int offset, Consumer<String> note) throws FieldException;

    /** The common first checks of every list member: the VALID flag, then the structure ID. */
    static void checkValidAndId(int flags, int id, int expectedId, String flagsFormat) throws FieldException {
        if ((flags & 0x01) == 0) {
            throw new FieldException(String.format("not valid (flags " + flagsFormat + ")", flags));
        }
        if (id != expectedId) {
            throw new FieldException("structure ID " + id + ", expected " + expectedId);
        }
    }
}
