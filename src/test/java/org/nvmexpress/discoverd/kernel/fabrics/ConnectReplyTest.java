package org.nvmexpress.discoverd.kernel.fabrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.registry.DeviceName;

final class ConnectReplyTest {

    @Test
    void parseReadsInstanceAndCntlid() {
        ConnectReply reply = ConnectReply.parse("instance=3,cntlid=17\n").orElseThrow();

        assertThat(reply).isEqualTo(new ConnectReply(3, 17));
        assertThat(reply.device()).isEqualTo(new DeviceName("nvme3"));
    }

    @Test
    void parseToleratesOrderAndExtraTokens() {
        assertThat(ConnectReply.parse("cntlid=1,instance=12,future=x")).contains(new ConnectReply(12, 1));
    }

    @Test
    void parseRejectsWhatIsNoReply() {
        assertThat(ConnectReply.parse("")).isEmpty();
        assertThat(ConnectReply.parse("instance=-1,cntlid=-1,transport=%s")).isEmpty();
        assertThat(ConnectReply.parse("instance=3")).isEmpty();
        assertThat(ConnectReply.parse("instance=x,cntlid=1")).isEmpty();
        assertThat(ConnectReply.parse("instance=99999999999,cntlid=1")).isEmpty();
    }
}
