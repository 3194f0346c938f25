package org.nvmexpress.discoverd.kernel.fabrics;

/**
 * The options the connector writes to {@code /dev/nvme-fabrics}, by the names of the kernel's option
 * table ({@code opt_tokens} in {@code drivers/nvme/host/fabrics.c}), in the order the connector writes
 * them. The kernel accepts them in any order; a fixed one makes the string predictable and testable.
 *
 * <p>{@code keyring} and {@code tls_key} take key serial numbers ({@code %d}), not names or key
 * material: names are looked up beforehand ({@link ProcKeys}). The kernel compiles {@code keyring},
 * {@code tls_key}, {@code tls} and {@code concat} only with {@code CONFIG_NVME_TCP_TLS}, and the
 * DH-HMAC-CHAP secrets only with {@code CONFIG_NVME_HOST_AUTH}; {@code concat} only recent kernels (secure channel concatenation) have.
 */
public enum FabricsOption {
    TRANSPORT("transport", Kind.STRING, false),
    TRADDR("traddr", Kind.STRING, false),
    TRSVCID("trsvcid", Kind.STRING, false),
    NQN("nqn", Kind.STRING, false),
    HOSTNQN("hostnqn", Kind.STRING, false),
    HOSTID("hostid", Kind.STRING, false),
    HOST_TRADDR("host_traddr", Kind.STRING, false),
    HOST_IFACE("host_iface", Kind.STRING, false),
    NR_IO_QUEUES("nr_io_queues", Kind.INT, false),
    NR_WRITE_QUEUES("nr_write_queues", Kind.INT, false),
    NR_POLL_QUEUES("nr_poll_queues", Kind.INT, false),
    QUEUE_SIZE("queue_size", Kind.INT, false),
    CTRL_LOSS_TMO("ctrl_loss_tmo", Kind.INT, false),
    KEEP_ALIVE_TMO("keep_alive_tmo", Kind.INT, false),
    RECONNECT_DELAY("reconnect_delay", Kind.INT, false),
    FAST_IO_FAIL_TMO("fast_io_fail_tmo", Kind.INT, false),
    DUPLICATE_CONNECT("duplicate_connect", Kind.FLAG, false),
    DISABLE_SQFLOW("disable_sqflow", Kind.FLAG, false),
    HDR_DIGEST("hdr_digest", Kind.FLAG, false),
    DATA_DIGEST("data_digest", Kind.FLAG, false),
    TOS("tos", Kind.INT, false),
    DHCHAP_SECRET("dhchap_secret", Kind.STRING, true),
    DHCHAP_CTRL_SECRET("dhchap_ctrl_secret", Kind.STRING, true),
    TLS("tls", Kind.FLAG, false),
    CONCAT("concat", Kind.FLAG, false),
    KEYRING("keyring", Kind.INT, false),
    /** The serial of the PSK; it comes from a credential, so it is kept out of messages like one. */
    TLS_KEY("tls_key", Kind.INT, true);

    /** How the kernel reads the value: {@code %s}, {@code %d}, or a bare flag without {@code =}. */
    public enum Kind { STRING, INT, FLAG }

    private final String token;
    private final Kind kind;
    private final boolean secret;

    FabricsOption(String token, Kind kind, boolean secret) {
        this.token = token;
        this.kind = kind;
        this.secret = secret;
    }

    /** The kernel's name, e.g. {@code ctrl_loss_tmo}. */
    public String token() {
        return token;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the value must never appear in a message or a log. */
    public boolean isSecret() {
        return secret;
    }
}
