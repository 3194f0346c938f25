package org.nvmexpress.discoverd.kernel.uevent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nvmexpress.discoverd.kernel.uevent.KernelEvent.ControllerAdded;
import org.nvmexpress.discoverd.kernel.uevent.KernelEvent.ControllerRemoved;
import org.nvmexpress.discoverd.kernel.uevent.KernelEvent.DiscoveryLogChanged;
import org.nvmexpress.discoverd.kernel.uevent.KernelEvent.Trigger;
import org.nvmexpress.discoverd.kernel.uevent.UeventClassifier.Ignored;
import org.nvmexpress.discoverd.kernel.uevent.UeventClassifier.Invalid;
import org.nvmexpress.discoverd.kernel.uevent.UeventClassifier.Relevant;
import org.nvmexpress.discoverd.registry.DeviceName;

final class UeventClassifierTest {
    private static final String NVME3 = "/devices/virtual/nvme-fabrics/ctl/nvme3";
    private static final String FC_UDEV = "/devices/virtual/fc/fc_udev_device";
    private static final String REMOTE = "nn-0x20000090fa942779:pn-0x10000090fa942779";
    private static final String LOCAL = "nn-0x200000109b579ef6:pn-0x100000109b579ef6";

    /** A uevent with the standard properties and {@code extra} ({@code KEY=VALUE}). */
    static Uevent uevent(String subsystem, String action, String devpath, String... extra) {
        Map<String, String> properties = new LinkedHashMap<>(Map.of("ACTION", action, "DEVPATH", devpath,
                "SUBSYSTEM", subsystem, "SEQNUM", "7"));
        for (String entry : extra) {
            properties.put(entry.substring(0, entry.indexOf('=')), entry.substring(entry.indexOf('=') + 1));
        }
        return new Uevent(action, devpath, subsystem, 7, properties, Uevent.Format.LIBUDEV);
    }

    static Stream<Arguments> nvmeTable() {
        return Stream.of(
                Arguments.of(uevent("nvme", "add", NVME3), new Relevant(new ControllerAdded(new DeviceName("nvme3"), 7))),
                Arguments.of(uevent("nvme", "remove", NVME3), new Relevant(new ControllerRemoved(new DeviceName("nvme3"), 7))),
                Arguments.of(uevent("nvme", "change", NVME3, "NVME_AEN=0x70f002"),
                        new Relevant(new DiscoveryLogChanged(new DeviceName("nvme3"), Trigger.LOG_PAGE_CHANGED_NOTICE, 7))),
                Arguments.of(uevent("nvme", "change", NVME3, "NVME_EVENT=rediscover"),
                        new Relevant(new DiscoveryLogChanged(new DeviceName("nvme3"), Trigger.REDISCOVER, 7))),
                Arguments.of(uevent("nvme", "change", NVME3, "NVME_EVENT=rediscover", "NVME_AEN=0x70f002"),
                        new Relevant(new DiscoveryLogChanged(new DeviceName("nvme3"), Trigger.LOG_PAGE_CHANGED_NOTICE, 7))),
                Arguments.of(uevent("nvme", "change", NVME3, "NVME_AEN=0x70F002"), noNotice()),
                Arguments.of(uevent("nvme", "change", NVME3, "NVME_AEN=0x0070f002"), noNotice()),
                Arguments.of(uevent("nvme", "change", NVME3, "NVME_AEN=0x000002"), noNotice()),
                Arguments.of(uevent("nvme", "change", NVME3, "NVME_EVENT=connected"), noNotice()),
                Arguments.of(uevent("nvme", "change", NVME3, "NVME_EVENT=Rediscover"), noNotice()),
                Arguments.of(uevent("nvme", "change", NVME3), noNotice()),
                Arguments.of(uevent("nvme", "bind", NVME3), new Ignored("nvme action 'bind' is not used")),
                Arguments.of(uevent("nvme", "move", NVME3), new Ignored("nvme action 'move' is not used")),
                Arguments.of(uevent("nvme", "add", "/devices/virtual/nvme-fabrics/ctl"),
                        new Invalid("nvme device 'ctl' is not named nvme<N>")),
                Arguments.of(uevent("nvme", "remove", "/devices/x/nvme3/.."),
                        new Invalid("nvme device '..' is not named nvme<N>")),
                Arguments.of(uevent("nvme", "change", "/devices/x/nvme1n1", "NVME_AEN=0x70f002"),
                        new Invalid("nvme device 'nvme1n1' is not named nvme<N>")),
                Arguments.of(uevent("nvme", "add", "/devices/"), new Invalid("nvme device '' is not named nvme<N>")),
                Arguments.of(uevent("block", "add", "/devices/virtual/nvme-subsystem/nvme-subsys0/nvme0n1"),
                        new Ignored("subsystem 'block' is not watched")),
                Arguments.of(uevent("nvme-subsystem", "add", "/devices/virtual/nvme-subsystem/nvme-subsys0"),
                        new Ignored("subsystem 'nvme-subsystem' is not watched")),
                Arguments.of(uevent("mem", "change", "/devices/virtual/mem/null"),
                        new Ignored("subsystem 'mem' is not watched")));
    }

    private static Ignored noNotice() {
        return new Ignored("nvme change without NVME_AEN=0x70f002 or NVME_EVENT=rediscover");
    }

    @ParameterizedTest
    @MethodSource("nvmeTable")
    void nvmeUeventsClassifyByActionAndNotice(Uevent uevent, UeventClassifier.Classification expected) {
        assertThat(UeventClassifier.classify(uevent)).isEqualTo(expected);
    }

    static Stream<Arguments> fcTable() {
        String discovery = "nqn.2014-08.org.nvmexpress.discovery";
        return Stream.of(
                Arguments.of(uevent("fc", "change", FC_UDEV, "FC_EVENT=nvmediscovery", "NVMEFC_TRADDR=" + REMOTE,
                        "NVMEFC_HOST_TRADDR=" + LOCAL),
                        "Relevant: transport=fc;traddr=" + REMOTE + ";nqn=" + discovery + ";host-traddr=" + LOCAL),
                Arguments.of(uevent("fc", "add", FC_UDEV, "FC_EVENT=nvmediscovery", "NVMEFC_TRADDR=" + REMOTE),
                        "Relevant: transport=fc;traddr=" + REMOTE + ";nqn=" + discovery),
                Arguments.of(uevent("fc", "change", FC_UDEV, "FC_EVENT=nvmediscovery", "NVMEFC_TRADDR=" + REMOTE,
                        "NVMEFC_HOST_TRADDR="),
                        "Relevant: transport=fc;traddr=" + REMOTE + ";nqn=" + discovery),
                Arguments.of(uevent("fc", "change", FC_UDEV, "FC_EVENT=nvmediscovery",
                        "NVMEFC_TRADDR=nn-0x1,pn-0x2"),
                        "Relevant: transport=fc;traddr=nn-0x1:pn-0x2;nqn=" + discovery),
                Arguments.of(uevent("fc", "change", FC_UDEV, "FC_EVENT=nvmediscovery"),
                        "Invalid: fc nvmediscovery event without NVMEFC_TRADDR"),
                Arguments.of(uevent("fc", "change", FC_UDEV, "FC_EVENT=nvmediscovery", "NVMEFC_TRADDR="),
                        "Invalid: fc nvmediscovery event without NVMEFC_TRADDR"),
                Arguments.of(uevent("fc", "change", FC_UDEV, "FC_EVENT=nvmediscovery", "NVMEFC_TRADDR=nn-0xZZ"),
                        "Invalid: fc nvmediscovery event: traddr 'nn-0xZZ' is not an FC address of the form"
                                + " nn-0x<WWNN>:pn-0x<WWPN>"),
                Arguments.of(uevent("fc", "change", FC_UDEV, "FC_EVENT=nvmediscovery", "NVMEFC_TRADDR=" + REMOTE,
                        "NVMEFC_HOST_TRADDR=10.0.0.1\n"),
                        "Invalid: fc nvmediscovery event: host-traddr '10.0.0.1\\x0a' is not an FC address of the"
                                + " form nn-0x<WWNN>:pn-0x<WWPN>"),
                Arguments.of(uevent("fc", "change", FC_UDEV, "FC_EVENT=rport_add", "NVMEFC_TRADDR=" + REMOTE),
                        "Ignored: fc event without FC_EVENT=nvmediscovery"),
                Arguments.of(uevent("fc", "change", FC_UDEV), "Ignored: fc event without FC_EVENT=nvmediscovery"));
    }

    @ParameterizedTest
    @MethodSource("fcTable")
    void fcUeventsClassifyByEventAndAddresses(Uevent uevent, String expected) {
        assertThat(summary(UeventClassifier.classify(uevent))).isEqualTo(expected);
    }

    @Test
    void fcDiscoveryCarriesTheSeqnumAndAFullTid() {
        UeventClassifier.Classification c = UeventClassifier.classify(uevent("fc", "change", FC_UDEV,
                "FC_EVENT=nvmediscovery", "NVMEFC_TRADDR=" + REMOTE, "NVMEFC_HOST_TRADDR=" + LOCAL));
        KernelEvent.FcDiscovery event = (KernelEvent.FcDiscovery) ((Relevant) c).event();
        assertThat(event.seqnum()).isEqualTo(7);
        assertThat(event.tid().trsvcid()).isNull();
        assertThat(event.tid().hostnqn()).isNull();
        assertThat(event.tid().unitName().value()).startsWith("nvme-discoverd-");
    }

    @Test
    void eventsRejectAMissingDeviceOrAnImpossibleCount() {
        assertThatThrownBy(() -> new ControllerAdded(null, 1))
                .isInstanceOf(NullPointerException.class).hasMessage("device");
        assertThatThrownBy(() -> new KernelEvent.EventsLost(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("overflows out of range: 0");
    }

    private static String summary(UeventClassifier.Classification c) {
        if (c instanceof Relevant relevant) {
            return "Relevant: " + ((KernelEvent.FcDiscovery) relevant.event()).tid().canonical();
        } else if (c instanceof Invalid invalid) {
            return "Invalid: " + invalid.problem();
        }
        return "Ignored: " + ((Ignored) c).why();
    }
}
