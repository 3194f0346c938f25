package org.nvmexpress.discoverd.kernel.uevent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.kernel.Errno;

final class NetlinkLayoutTest {

    @Test
    void lp64OffsetsAreGlibcs() {
        NetlinkLayout layout = new NetlinkLayout(8);
        assertThat(layout.msghdrBytes()).isEqualTo(56);
        assertThat(new int[] {layout.msgNameOffset(), layout.msgNameLenOffset(), layout.msgIovOffset(),
            layout.msgIovLenOffset(), layout.msgControlOffset(), layout.msgControlLenOffset(), layout.msgFlagsOffset()})
                .containsExactly(0, 8, 16, 24, 32, 40, 48);
        assertThat(layout.iovecBytes()).isEqualTo(16);
        assertThat(layout.cmsgDataOffset()).isEqualTo(16);
        assertThat(layout.cmsgLevelOffset()).isEqualTo(8);
        assertThat(layout.cmsgTypeOffset()).isEqualTo(12);
        assertThat(layout.cmsgLen(NetlinkLayout.UCRED_BYTES)).isEqualTo(28);
        assertThat(layout.cmsgSpace(NetlinkLayout.UCRED_BYTES)).isEqualTo(32);
    }

    @Test
    void ilp32OffsetsAreGlibcs() {
        NetlinkLayout layout = new NetlinkLayout(4);
        assertThat(layout.msghdrBytes()).isEqualTo(28);
        assertThat(new int[] {layout.msgNameOffset(), layout.msgNameLenOffset(), layout.msgIovOffset(),
            layout.msgIovLenOffset(), layout.msgControlOffset(), layout.msgControlLenOffset(), layout.msgFlagsOffset()})
                .containsExactly(0, 4, 8, 12, 16, 20, 24);
        assertThat(layout.cmsgDataOffset()).isEqualTo(12);
        assertThat(layout.cmsgLen(NetlinkLayout.UCRED_BYTES)).isEqualTo(24);
        assertThat(layout.cmsgSpace(NetlinkLayout.UCRED_BYTES)).isEqualTo(24);
    }

    @Test
    void onlyFourOrEightBytePointersExist() {
        assertThatThrownBy(() -> new NetlinkLayout(2)).hasMessage("pointerSize must be 4 or 8: 2");
        assertThat(NetlinkLayout.host().pointerSize()).isEqualTo(Native.POINTER_SIZE);
    }

    @Test
    void recvBuffersPointTheHeaderAtTheirMemory() {
        NetlinkLayout layout = NetlinkLayout.host();
        RecvBuffers buffers = new RecvBuffers(layout, 100);
        Pointer header = buffers.prepare();
        assertThat(header.getInt(layout.msgNameLenOffset())).isEqualTo(NetlinkLayout.SOCKADDR_NL_BYTES);
        assertThat(layout.getSize(header, layout.msgIovLenOffset())).isEqualTo(1);
        assertThat(layout.getSize(header, layout.msgControlLenOffset()))
                .isEqualTo(4L * layout.cmsgSpace(NetlinkLayout.UCRED_BYTES));
        Pointer iovec = header.getPointer(layout.msgIovOffset());
        assertThat(layout.getSize(iovec, layout.iovLenOffset())).isEqualTo(100);
    }

    /** Plays the kernel: fills name and control buffers the way recvmsg does, then reads them back. */
    @Test
    void recvBuffersReadSenderAndCredentialsTheKernelWrote() {
        NetlinkLayout layout = NetlinkLayout.host();
        RecvBuffers buffers = new RecvBuffers(layout, 100);
        Pointer header = buffers.prepare();
        Pointer name = header.getPointer(layout.msgNameOffset());
        name.setInt(NetlinkLayout.NL_PID_OFFSET, (int) 3281817943L);
        name.setInt(NetlinkLayout.NL_GROUPS_OFFSET, 2);
        Pointer control = header.getPointer(layout.msgControlOffset());
        layout.putSize(control, 0, layout.cmsgLen(NetlinkLayout.UCRED_BYTES));
        control.setInt(layout.cmsgLevelOffset(), NetlinkUeventSocket.SOL_SOCKET);
        control.setInt(layout.cmsgTypeOffset(), NetlinkUeventSocket.SCM_CREDENTIALS);
        control.setInt(layout.cmsgDataOffset(), 812);
        control.setInt(layout.cmsgDataOffset() + 4, 1000);
        control.setInt(layout.cmsgDataOffset() + 8, 100);
        layout.putSize(header, layout.msgControlLenOffset(), layout.cmsgSpace(NetlinkLayout.UCRED_BYTES));
        assertThat(buffers.sender()).isEqualTo(
                new Sender(3281817943L, 2, Optional.of(new Sender.Credentials(812, 1000, 100))));
    }

    @Test
    void recvBuffersReportNoCredentialsWhenTheControlMessageIsMissingOrShort() {
        NetlinkLayout layout = NetlinkLayout.host();
        RecvBuffers buffers = new RecvBuffers(layout, 100);
        Pointer header = buffers.prepare();
        layout.putSize(header, layout.msgControlLenOffset(), 0);
        assertThat(buffers.sender().credentials()).isEmpty();

        header = buffers.prepare();
        Pointer control = header.getPointer(layout.msgControlOffset());
        layout.putSize(control, 0, layout.cmsgLen(4));
        control.setInt(layout.cmsgLevelOffset(), NetlinkUeventSocket.SOL_SOCKET);
        control.setInt(layout.cmsgTypeOffset(), NetlinkUeventSocket.SCM_CREDENTIALS);
        layout.putSize(header, layout.msgControlLenOffset(), layout.cmsgSpace(4));
        assertThat(buffers.sender().credentials()).isEmpty();
    }

    @Test
    void recvBuffersCutPayloadAtTheirSize() {
        RecvBuffers buffers = new RecvBuffers(NetlinkLayout.host(), 4);
        Pointer header = buffers.prepare();
        Pointer iovec = header.getPointer(NetlinkLayout.host().msgIovOffset());
        iovec.getPointer(0).write(0, new byte[] {1, 2, 3, 4}, 0, 4);
        assertThat(buffers.payload(10)).containsExactly(1, 2, 3, 4);
        assertThat(buffers.payload(2)).containsExactly(1, 2);
    }

    @Test
    void sizeFieldsRoundTripInBothWidths() {
        Memory memory = new Memory(16);
        new NetlinkLayout(4).putSize(memory, 0, 0xfffffff0L);
        assertThat(new NetlinkLayout(4).getSize(memory, 0)).isEqualTo(0xfffffff0L);
        new NetlinkLayout(8).putSize(memory, 8, 1L << 40);
        assertThat(new NetlinkLayout(8).getSize(memory, 8)).isEqualTo(1L << 40);
    }

    @Test
    void errnoValuesHaveNames() {
        assertThat(new Errno(105)).hasToString("ENOBUFS (No buffer space available)").isEqualTo(Errno.ENOBUFS);
        assertThat(new Errno(1)).hasToString("EPERM (Operation not permitted)");
        assertThat(new Errno(200)).hasToString("errno 200");
    }
}
