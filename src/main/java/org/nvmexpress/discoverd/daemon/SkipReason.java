package org.nvmexpress.discoverd.daemon;

/** Why a candidate is not connected; {@link #wireName()} is the {@code reason} of {@code --dry-run}'s skip lines. */
public enum SkipReason {
    /** An exclusion list entry matches (boot controllers are exempt). */
    EXCLUDED("excluded"),
    /** The live controller belongs to another orchestrator; it is handed off. */
    FOREIGN_OWNER("foreign-owner"),
    /** The registry could not be read: fail closed, try again later. */
    OWNER_UNREADABLE("owner-unreadable"),
    /** The input naming it is bad (file and line in the detail) or its host name does not resolve yet. */
    UNUSABLE("unusable");

    private final String wireName;

    SkipReason(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
