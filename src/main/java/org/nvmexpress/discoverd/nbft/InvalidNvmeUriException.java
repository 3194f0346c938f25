package org.nvmexpress.discoverd.nbft;

/**
 * A discovery controller URI that {@link NvmeUri#parse} cannot use. The message names the URI (with
 * anything unprintable escaped, so firmware bytes cannot forge log lines) and the problem, escaped
 * the same way, e.g.
 * {@code 'nvme+tcp://192.0.2.1:70000/': port out of range: 70000}.
 */
public final class InvalidNvmeUriException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Longer URIs are cut in the message: a heap string may be up to 64 KiB of firmware bytes. */
    private static final int MAX_SHOWN = 200;

    private final String uri;
    private final String problem;

    /** @param problem may quote parts of the URI: it is escaped like the URI */
    InvalidNvmeUriException(String uri, String problem) {
        super("'" + printable(uri) + "': " + printable(problem));
        this.uri = uri;
        this.problem = printable(problem);
    }

    /** The URI as given, unescaped. */
    public String uri() {
        return uri;
    }

    /** What is wrong, without the URI, escaped: {@code port out of range: 70000}. */
    public String problem() {
        return problem;
    }

    /** Printable ASCII stays; everything else becomes {@code \\uXXXX}. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        int shown = Math.min(text.length(), MAX_SHOWN);
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return shown < text.length() ? out.append("...").toString() : out.toString();
    }
}
