package org.nvmexpress.discoverd.cli;

/**
 * Replies of a daemon shaped exactly as VARLINK.md's types, at {@link FakeDaemon#NOW}
 * (2025-01-15 10:00:00 UTC): up 2 h 5 min, four controllers, one in backoff due in 12 s.
 */
final class DaemonFixtures {
    static final String STATUS = """
            {"status": {
              "version": "0.1.0",
              "startedUSec": 1736927700000000,
              "connector": "nvme-cli",
              "controllers": 4,
              "connected": 2,
              "backoff": 1,
              "configFiles": ["/etc/nvme/nvme-discoverd.conf", "/etc/nvme/nvme-fabrics.conf",
                              "/etc/nvme/nvme-fabrics.conf.d/tenant-b.conf"],
              "configErrors": ["/etc/nvme/nvme-fabrics.conf.d/tenant-b.conf:7: unknown key 'trsvc'"],
              "nbftTables": ["/sys/firmware/acpi/tables/NBFT"],
              "lastReloadUSec": 1736933400000000,
              "browser": "avahi",
              "browsedServices": 2
            }}""";

    static final String STATUS_FRESH = """
            {"status": {
              "version": "0.1.0",
              "startedUSec": 1736935195000000,
              "connector": "builtin",
              "controllers": 0,
              "connected": 0,
              "backoff": 0,
              "configFiles": [],
              "configErrors": [],
              "nbftTables": [],
              "lastReloadUSec": null
            }}""";

    /** A configured discovery controller, connected; the daemon names its source line. */
    static final String DC = """
            {"unit": "nvme-discoverd-b515b4f89fbf.service",
             "tid": {"transport": "tcp", "traddr": "192.168.1.10", "trsvcid": "8009",
                     "nqn": "nqn.2014-08.org.nvmexpress.discovery", "hostTraddr": null, "hostIface": null,
                     "hostnqn": null, "hostid": null},
             "canonical": "transport=tcp;traddr=192.168.1.10;trsvcid=8009;nqn=nqn.2014-08.org.nvmexpress.discovery",
             "role": "dc", "sources": ["config"], "sourceDetails": ["/etc/nvme/nvme-fabrics.conf:41"],
             "owner": "discoverd", "device": "nvme0", "state": "connected", "attempts": 0,
             "nextRetryUSec": null, "lastError": null, "sinceUSec": 1736931600000000}""";

    /** An I/O controller its page listed, failing; optional fields omitted rather than null. */
    static final String IOC_BACKOFF = """
            {"unit": "nvme-discoverd-c7f645736db2.service",
             "tid": {"transport": "tcp", "traddr": "10.0.0.9", "trsvcid": "4420",
                     "nqn": "nqn.2014-08.org.nvmexpress:main-vol"},
             "canonical": "transport=tcp;traddr=10.0.0.9;trsvcid=4420;nqn=nqn.2014-08.org.nvmexpress:main-vol",
             "role": "ioc", "sources": ["dlp"], "owner": "discoverd", "state": "backoff", "attempts": 3,
             "nextRetryUSec": 1736935212000000,
             "lastError": "connect failed: ECONNREFUSED (Connection refused) from 10.0.0.9 port 4420",
             "sinceUSec": 1736935015000000}""";

    /** A boot controller over IPv6 with a long NQN. */
    static final String IOC_BOOT = """
            {"unit": "nvme-discoverd-0a1b2c3d4e5f.service",
             "tid": {"transport": "tcp", "traddr": "fd09:9a46:b5c1:1ff:5054:ff:fefd:9e66", "trsvcid": "4420",
                     "nqn": "nqn.2022-12.org.nvmexpress.boot.poc:bremer.vagrant-nvmet.subsys02", "hostTraddr": null,
                     "hostIface": "eth0",
                     "hostnqn": "nqn.2014-08.org.nvmexpress:uuid:a1b759e3-035d-4777-b3cc-1754b8b819b9",
                     "hostid": "e359b7a1-5d03-7747-b3cc-1754b8b819b9"},
             "canonical": "transport=tcp;traddr=fd09:9a46:b5c1:1ff:5054:ff:fefd:9e66;trsvcid=4420;nqn=nqn.2022-12.org.nvmexpress.boot.poc:bremer.vagrant-nvmet.subsys02;host-iface=eth0;hostnqn=nqn.2014-08.org.nvmexpress:uuid:a1b759e3-035d-4777-b3cc-1754b8b819b9;hostid=e359b7a1-5d03-7747-b3cc-1754b8b819b9",
             "role": "ioc", "sources": ["nbft"], "sourceDetails": ["/sys/firmware/acpi/tables/NBFT: SSNS 1 via HFI 1"],
             "owner": "nbft", "device": "nvme1", "state": "connected", "attempts": 0, "nextRetryUSec": null,
             "lastError": null, "sinceUSec": 1736845200000000}""";

    /** A Fibre Channel discovery controller, parked between polls. */
    static final String DC_FC = """
            {"unit": "nvme-discoverd-5e6f7a8b9c0d.service",
             "tid": {"transport": "fc", "traddr": "nn-0x20000090fa942779:pn-0x10000090fa942779", "trsvcid": null,
                     "nqn": "nqn.2014-08.org.nvmexpress.discovery",
                     "hostTraddr": "nn-0x20000090fa942780:pn-0x10000090fa942780", "hostIface": null,
                     "hostnqn": null, "hostid": null},
             "canonical": "transport=fc;traddr=nn-0x20000090fa942779:pn-0x10000090fa942779;nqn=nqn.2014-08.org.nvmexpress.discovery;host-traddr=nn-0x20000090fa942780:pn-0x10000090fa942780",
             "role": "dc", "sources": ["fc"], "owner": "discoverd", "device": null, "state": "parked",
             "attempts": 0, "nextRetryUSec": null, "lastError": null, "sinceUSec": 1736935015000000}""";

    static final String CONTROLLERS = "{\"controllers\": [" + DC + ", " + IOC_BACKOFF + ", " + IOC_BOOT + ", " + DC_FC
            + "]}";

    static final String NO_CONTROLLERS = "{\"controllers\": []}";

    static final String EVENT_CONNECTED = """
            {"timestampUSec": 1736935140250000, "kind": "connected", "unit": "nvme-discoverd-b515b4f89fbf.service",
             "device": "nvme0", "message": "(tcp, 192.168.1.10, 8009, nqn.2014-08.org.nvmexpress.discovery) | nvme0 - connected"}""";

    static final String EVENT_RELOADED = """
            {"timestampUSec": 1736935169500000, "kind": "reloaded", "unit": null, "device": null,
             "message": "reloaded: 3 files, 0 errors"}""";

    private DaemonFixtures() {
    }

    /** {@code {"controllers": [controller]}}. */
    static String controllers(String... controllers) {
        return "{\"controllers\": [" + String.join(", ", controllers) + "]}";
    }

    /** {@code {"controller": controller}}. */
    static String controller(String controller) {
        return "{\"controller\": " + controller + "}";
    }
}
