package org.nvmexpress.discoverd.varlink;

import java.util.Objects;

/**
 * What {@code org.varlink.service.GetInfo} says about the service besides its version (which
 * comes from the daemon's snapshot).
 */
public record ServiceInfo(String vendor, String product, String url) {
    /**
     * nvme-discoverd's own. The url is empty (varlink allows any string) until the project has a
     * published home; a made-up address would send people nowhere.
     */
    public static final ServiceInfo NVME_DISCOVERD = new ServiceInfo("nvme-discoverd", "nvme-discoverd", "");

    public ServiceInfo {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(url, "url");
    }
}
