package org.nvmexpress.discoverd.cli;

/** How a command prints its result: for people, or for scripts ({@code jq}). */
public enum OutputFormat {
    TEXT,
    JSON
}
