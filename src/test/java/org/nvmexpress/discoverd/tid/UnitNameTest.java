package org.nvmexpress.discoverd.tid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

final class UnitNameTest {

    /** FNV-1a-64 reference vectors (reference §14.7). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|cbf29ce484222325",
        "a|af63dc4c8601ec8c",
        "foobar|85944171f73967e8",
        "123456789|06d5573923c6cdfc",
    })
    void fnv1a64MatchesReferenceVectors(String input, String hex) {
        assertThat(String.format("%016x", UnitName.fnv1a64(input.getBytes(StandardCharsets.UTF_8)))).isEqualTo(hex);
    }

    /** Reference §3.1 and Appendix A.1. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|nvme-discoverd-9ce484222325.service",
        "a|nvme-discoverd-dc4c8601ec8c.service",
        "foobar|nvme-discoverd-4171f73967e8.service",
        "transport=tcp;traddr=192.168.1.10;trsvcid=8009;nqn=nqn.2014-08.org.nvmexpress.discovery|nvme-discoverd-8020e946960d.service",
        "transport=tcp;traddr=192.168.1.20;trsvcid=4420;nqn=nqn.2024-01.com.example:data.vol1|nvme-discoverd-825ef37c9c7f.service",
        "transport=tcp;traddr=10.0.0.9;trsvcid=4420;nqn=nqn.2014-08.org.nvmexpress:main-vol|nvme-discoverd-c7f645736db2.service",
        "transport=tcp;traddr=10.0.0.5;trsvcid=8009;nqn=nqn.2014-08.org.nvmexpress.discovery|nvme-discoverd-81799e518310.service",
        "transport=tcp;traddr=10.0.0.7;trsvcid=4420;nqn=nqn.2014-08.org.nvmexpress:prod-vol;hostnqn=nqn.2014-08.org.nvmexpress:prod-host|nvme-discoverd-4e8c2853b6ab.service",
        "transport=fc;traddr=nn-0x200000109b123456:pn-0x100000109b123456;nqn=nqn.2014-08.org.nvmexpress.discovery;host-traddr=nn-0x20000090fa000001:pn-0x10000090fa000001|nvme-discoverd-f200d0c72e58.service",
        "transport=tcp;traddr=2001:db8::1;trsvcid=4420;nqn=nqn.2024-01.com.example:v;host-iface=eth0;hostnqn=nqn.2014-08.org.nvmexpress:uuid:46ba5037-7ce5-41fa-9452-48477bf00080;hostid=46ba5037-7ce5-41fa-9452-48477bf00080|nvme-discoverd-9088ba180a5c.service",
    })
    void unitNameOfCanonicalMatchesAppendixA(String canonical, String unit) {
        assertThat(UnitName.ofCanonical(canonical).value()).isEqualTo(unit);
    }

    @Test
    void unitNameIsZeroPaddedToTwelveDigits() {
        // Search a short input whose 48-bit hash has a leading zero nibble, to pin the padding.
        for (int i = 0; ; i++) {
            long hash = UnitName.fnv1a64(Integer.toString(i).getBytes(StandardCharsets.UTF_8)) & 0xffff_ffff_ffffL;
            if (hash < 0x1000_0000_0000L) {
                assertThat(UnitName.ofCanonical(Integer.toString(i)).value())
                        .isEqualTo(String.format("nvme-discoverd-%012x.service", hash))
                        .matches("nvme-discoverd-0[0-9a-f]{11}\\.service");
                return;
            }
        }
    }

    @Test
    void stemAndDevidFileDropTheServiceSuffix() {
        UnitName unit = new UnitName("nvme-discoverd-c7f645736db2.service");
        assertThat(unit.stem()).isEqualTo("nvme-discoverd-c7f645736db2");
        assertThat(unit.devidFileName()).isEqualTo("nvme-discoverd-c7f645736db2.devid");
    }

    @Test
    void constructorRejectsForeignNames() {
        assertThatThrownBy(() -> new UnitName("nvme-discoverd-C7F645736DB2.service"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nvme-discoverd-C7F645736DB2.service");
        assertThatThrownBy(() -> new UnitName("sshd.service")).isInstanceOf(IllegalArgumentException.class);
        for (String almost : new String[] {"nvme-discoverd-c7f645736db.service", "nvme-discoverd-c7f645736db23.service",
            "nvme-discoverd-c7f645736dbg.service", "nvme-discoverd-c7f645736db2.servicE", "nvme-discoverd-c7f645736db2",
            "xvme-discoverd-c7f645736db2.service", "nvme-discoverd-c7f645736d:2.service"}) {
            assertThatThrownBy(() -> new UnitName(almost)).as(almost).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void equalCanonicalFormsGiveEqualUnitNames() {
        TransportId spelledOut = TidParser.strict("traddr=2001:DB8:0:0:0:0:0:1;transport=tcp;trsvcid=4420");
        TransportId compressed = TidParser.strict("transport=tcp;traddr=2001:db8::1;trsvcid=4420");
        assertThat(spelledOut).isEqualTo(compressed);
        assertThat(spelledOut.unitName()).isEqualTo(compressed.unitName());
    }
}
