package org.nvmexpress.discoverd.tid;

/**
 * Whether a controller is a discovery controller or an I/O controller. The role decides the default
 * service id (reference §12.2) and, later, how the daemon treats the connection.
 */
public enum Role {
    /** Discovery controller: serves Discovery Log Pages. */
    DC,
    /** I/O controller: serves namespaces. */
    IOC;

    /**
     * The default {@code trsvcid} for a transport in this role, as libnvme's
     * {@code libnvmf_get_default_trsvcid}: tcp 8009 for a DC ({@code NVME_DISC_IP_PORT}) and 4420
     * for an IOC; rdma 4420 in both roles; no default for any other transport.
     *
     * @return the port, or {@code null} when the transport has no default
     */
    public String defaultTrsvcid(String transport) {
        if ("tcp".equals(transport)) {
            return this == DC ? "8009" : "4420";
        }
        if ("rdma".equals(transport)) {
            return "4420";
        }
        return null;
    }
}
