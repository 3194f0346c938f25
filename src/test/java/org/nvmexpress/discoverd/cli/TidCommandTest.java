package org.nvmexpress.discoverd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

final class TidCommandTest {
    private final CommandRunner cli = new CommandRunner();

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void textOutputShowsCanonicalCompactAndUnit() {
        int status = run("tid", "--role", "ioc", "transport=tcp;traddr=10.0.0.9;nqn=nqn.2014-08.org.nvmexpress:main-vol");
        assertThat(status).isZero();
        assertThat(cli.out()).isEqualTo(String.join("\n",
                "canonical: transport=tcp;traddr=10.0.0.9;trsvcid=4420;nqn=nqn.2014-08.org.nvmexpress:main-vol",
                "compact:   (tcp, 10.0.0.9, 4420, nqn.2014-08.org.nvmexpress:main-vol)",
                "unit:      nvme-discoverd-c7f645736db2.service", ""));
    }

    @Test
    void dcRoleDefaultsToTheDiscoveryPort() {
        assertThat(run("tid", "--role", "dc", "transport=tcp;traddr=192.168.1.10;nqn=nqn.2014-08.org.nvmexpress.discovery"))
                .isZero();
        assertThat(cli.out()).contains("unit:      nvme-discoverd-8020e946960d.service");
    }

    @Test
    void withoutRoleNoPortIsAdded() {
        assertThat(run("tid", "transport=tcp;traddr=10.0.0.1")).isZero();
        assertThat(cli.out()).startsWith("canonical: transport=tcp;traddr=10.0.0.1\n");
    }

    @Test
    void jsonOutputHasTheDocumentedShape() throws Exception {
        assertThat(run("tid", "--output", "json", "transport=tcp;traddr=2001:DB8:0:0:0:0:0:1;trsvcid=4420;"
                + "nqn=nqn.2024-01.com.example:v;host-iface=eth0;hostnqn=nqn.h")).isZero();
        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertThat(json.get("canonical").asText())
                .isEqualTo("transport=tcp;traddr=2001:db8::1;trsvcid=4420;nqn=nqn.2024-01.com.example:v;host-iface=eth0;hostnqn=nqn.h");
        assertThat(json.get("compact").asText()).isEqualTo("(tcp, 2001:db8::1, 4420, nqn.2024-01.com.example:v, eth0)");
        assertThat(json.get("unit").asText()).matches("nvme-discoverd-[0-9a-f]{12}\\.service");
        JsonNode tid = json.get("tid");
        assertThat(tid.get("traddr").asText()).isEqualTo("2001:db8::1");
        assertThat(tid.get("hostIface").asText()).isEqualTo("eth0");
        assertThat(tid.has("hostTraddr")).as("absent fields are omitted").isFalse();
        assertThat(tid.has("hostid")).isFalse();
        assertThat(tid.size()).isEqualTo(6);
    }

    @Test
    void badTokenExitsTwoNamingIt() {
        assertThat(run("tid", "transport=tcp;subsysnqn=nqn.x")).isEqualTo(2);
        assertThat(cli.err()).contains("nvme-discoverctl tid: invalid ENTRY: unknown key 'subsysnqn'");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void badAddressExitsTwoNamingIt() {
        assertThat(run("tid", "transport=tcp;traddr=01.2.3.4")).isEqualTo(2);
        assertThat(cli.err()).contains("traddr '01.2.3.4' is not a numeric IPv4 or IPv6 address");
    }

    @Test
    void badRoleIsAUsageError() {
        assertThat(run("tid", "--role", "both", "transport=tcp")).isEqualTo(2);
        assertThat(cli.err()).contains("--role");
    }
}
