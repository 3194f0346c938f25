package org.nvmexpress.discoverd.config;

import java.util.Objects;

/**
 * A string that counts how often its characters are read: the work a scanner does, measured
 * without a clock. {@link #subSequence} and {@link #toString} would hide reads, so they are refused.
 */
final class CountingChars implements CharSequence {
    private final String text;
    private long reads;

    CountingChars(String text) {
        this.text = Objects.requireNonNull(text, "text");
    }

    /** How many times {@link #charAt} was called. */
    long reads() {
        return reads;
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public char charAt(int index) {
        reads++;
        return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        throw new UnsupportedOperationException("a copy would read characters uncounted");
    }

    @Override
    public String toString() {
        throw new UnsupportedOperationException("a copy would read characters uncounted");
    }
}
