package org.nvmexpress.discoverd.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nvmexpress.discoverd.tid.InvalidTransportIdException;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TransportId;

/**
 * One configured connection after the cascade: the TID it is managed under (reference §2.3, §12.2)
 * and the DC policy input {@code persistent}.
 */
final class ResolvedConnectionTest {
    private static final String PROD_HOST = "nqn.2014-08.org.nvmexpress:prod-host";
    private static final String HOSTID = "46ba5037-7ce5-41fa-9452-48477bf00080";

    private static ResolvedConnection connection(Role role, String transport, String traddr, String trsvcid,
            String hostnqn, String hostid, Params params) {
        String nqn = role == Role.DC ? ResolvedConnection.WELL_KNOWN_DISCOVERY_NQN : "nqn.2014-08.org.nvmexpress:prod-vol";
        return new ResolvedConnection("f.conf", 9, role, transport, traddr, trsvcid, nqn, null, null, hostnqn, hostid,
                null, params, Params.EMPTY, Params.EMPTY);
    }

    private static ResolvedConnection dc(Params params) {
        return connection(Role.DC, "tcp", "10.0.0.5", null, null, null, params);
    }

    @Test
    void aPersonasHostidStaysOutOfTheTidSoTheUnitNameIsTheCDaemons() {
        ResolvedConnection c = connection(Role.IOC, "tcp", "10.0.0.7", "4420", PROD_HOST, HOSTID, Params.EMPTY);
        TransportId tid = c.tid().orElseThrow();
        assertThat(tid.canonical()).isEqualTo("transport=tcp;traddr=10.0.0.7;trsvcid=4420;"
                + "nqn=nqn.2014-08.org.nvmexpress:prod-vol;hostnqn=nqn.2014-08.org.nvmexpress:prod-host");
        assertThat(tid.hostid()).isNull();
        assertThat(tid.unitName().value()).as("reference Appendix A.1").isEqualTo("nvme-discoverd-4e8c2853b6ab.service");
        assertThat(c.hostid()).as("still carried beside the TID, for the connect").isEqualTo(HOSTID);
    }

    @Test
    void theHostidIsNotDerivedFromAUuidHostnqnEither() {
        String uuidHost = "nqn.2014-08.org.nvmexpress:uuid:" + HOSTID;
        assertThat(connection(Role.IOC, "tcp", "10.0.0.7", null, uuidHost, null, Params.EMPTY).tid().orElseThrow().hostid())
                .isNull();
    }

    @ParameterizedTest
    @CsvSource({"DC, tcp, 8009", "IOC, tcp, 4420", "DC, rdma, 4420", "IOC, rdma, 4420"})
    void anAbsentTrsvcidTakesTheRolesDefault(Role role, String transport, String port) {
        assertThat(connection(role, transport, "10.0.0.1", null, null, null, Params.EMPTY).tid().orElseThrow().trsvcid())
                .isEqualTo(port);
    }

    @Test
    void fcHasNoDefaultPortAndItsAddressIsNormalised() {
        TransportId tid = connection(Role.IOC, "fc", "nn-0x200000109b123456,pn-0x100000109b123456", null, null, null,
                Params.EMPTY).tid().orElseThrow();
        assertThat(tid.trsvcid()).isNull();
        assertThat(tid.traddr()).isEqualTo("nn-0x200000109b123456:pn-0x100000109b123456");
    }

    @Test
    void theTidCanonicalisesTheAddressWhileTheConnectionKeepsItAsWritten() {
        ResolvedConnection c = connection(Role.IOC, "tcp", "FE80:0::A%eth0", "4420", null, null, Params.EMPTY);
        assertThat(c.traddr()).isEqualTo("FE80:0::A%eth0");
        assertThat(c.tid().orElseThrow().traddr()).isEqualTo("fe80::a%eth0");
    }

    @Test
    void aHostNameHasNoTidUntilItResolves() {
        ResolvedConnection c = connection(Role.DC, "tcp", "cdc.example.com", null, null, null, Params.EMPTY);
        assertThat(c.needsResolution()).isTrue();
        assertThat(c.tid()).isEmpty();
        assertThat(c.tidWithTraddr("192.0.2.10").canonical())
                .isEqualTo("transport=tcp;traddr=192.0.2.10;trsvcid=8009;nqn=nqn.2014-08.org.nvmexpress.discovery");
    }

    @Test
    void onlyIpTransportsResolveHostNames() {
        assertThat(connection(Role.IOC, "tcp", "10.0.0.1", null, null, null, Params.EMPTY).needsResolution()).isFalse();
        assertThat(connection(Role.IOC, "loop", "anything", null, null, null, Params.EMPTY).needsResolution()).isFalse();
        assertThat(connection(Role.IOC, "rdma", "target.example", null, null, null, Params.EMPTY).needsResolution()).isTrue();
    }

    @Test
    void anInvalidFcAddressIsATidError() {
        ResolvedConnection c = connection(Role.IOC, "fc", "target.example", null, null, null, Params.EMPTY);
        assertThatThrownBy(c::tid).isInstanceOf(InvalidTransportIdException.class)
                .hasMessage("traddr 'target.example' is not an FC address of the form nn-0x<WWNN>:pn-0x<WWPN>");
    }

    @Test
    void persistentIsTheDcPolicyAndAutoWhenUnsetOrReset() {
        assertThat(dc(Params.EMPTY).persistence()).isEqualTo(Persistence.AUTO);
        assertThat(dc(Params.EMPTY.with(FabricsKey.PERSISTENT, "")).persistence()).isEqualTo(Persistence.AUTO);
        assertThat(dc(Params.EMPTY.with(FabricsKey.PERSISTENT, "no")).persistence()).isEqualTo(Persistence.NO);
        assertThat(dc(Params.EMPTY.with(FabricsKey.PERSISTENT, "Force")).persistence()).isEqualTo(Persistence.FORCE);
        assertThat(dc(Params.EMPTY.with(FabricsKey.PERSISTENT, "AUTO")).persistence()).isEqualTo(Persistence.AUTO);
    }

    @Test
    void sourceIsFileAndLine() {
        assertThat(dc(Params.EMPTY).source()).isEqualTo("f.conf:9");
    }

    @Test
    void toStringNeverShowsASecret() {
        assertThat(dc(Params.EMPTY.with(FabricsKey.KXCHAP_SECRET, "DHHC-1:00:c2VjcmV0:")).toString())
                .contains("kxchap-secret=<secret>").doesNotContain("c2VjcmV0");
    }
}
