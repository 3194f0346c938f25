package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.config.Params;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TransportId;

final class UnitRequestTest {

    @Test
    void unitIsNamedAfterTheTid() {
        assertThat(UnitFixtures.mainVol().unit().value()).isEqualTo("nvme-discoverd-c7f645736db2.service");
    }

    @Test
    void descriptionPrintsMissingPartsAsTheCDaemonDoes() {
        TransportId loop = TransportId.builder().transport("loop").build();
        assertThat(UnitFixtures.request(loop, Role.IOC, Params.EMPTY).description())
                .isEqualTo("NVMe I/O Controller (null) @ (null):none");
        assertThat(UnitFixtures.request(UnitFixtures.MAIN_VOL, Role.DC, Params.EMPTY).description())
                .isEqualTo("NVMe Discovery Controller nqn.2014-08.org.nvmexpress:main-vol @ 10.0.0.9:4420");
    }

    @Test
    void ownerIsNbftOnlyForBootConnections() {
        UnitRequest request = UnitFixtures.mainVol();
        assertThat(request.owner()).isEqualTo("discoverd");
        assertThat(new UnitRequest(request.tid(), request.role(), true, request.options()).owner()).isEqualTo("nbft");
    }
}
