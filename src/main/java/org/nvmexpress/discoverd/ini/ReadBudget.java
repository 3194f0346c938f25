package org.nvmexpress.discoverd.ini;

/**
 * The bytes several {@link IniReader#read(java.nio.file.Path, String, ReadBudget) reads} may take
 * together. Each file is capped at {@link IniReader#MAX_BYTES}, but a load reads a main file and any
 * number of drop-ins: without a total, a thousand large drop-ins would all be held at once.
 *
 * <p>Mutable; one per load, confined to the loading thread.
 */
public final class ReadBudget {
    private final long totalBytes;
    private long remainingBytes;

    /** A budget of {@code totalBytes}, none spent yet. */
    public ReadBudget(long totalBytes) {
        if (totalBytes < 0) {
            throw new IllegalArgumentException("totalBytes out of range: " + totalBytes);
        }
        this.totalBytes = totalBytes;
        this.remainingBytes = totalBytes;
    }

    public long totalBytes() {
        return totalBytes;
    }

    /** What the next file may still take. */
    public long remainingBytes() {
        return remainingBytes;
    }

    void spend(int bytes) {
        if (bytes < 0 || bytes > remainingBytes) {
            throw new AssertionError("spending " + bytes + " of " + remainingBytes + " bytes left");
        }
        remainingBytes -= bytes;
    }
}
