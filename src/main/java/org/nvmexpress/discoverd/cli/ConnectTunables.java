package org.nvmexpress.discoverd.cli;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nvmexpress.discoverd.kernel.fabrics.CIntegerSyntax;
import org.nvmexpress.discoverd.kernel.fabrics.ConnectArgumentException;
import org.nvmexpress.discoverd.kernel.fabrics.FabricsOption;
import org.nvmexpress.discoverd.kernel.fabrics.FabricsOptions;
import org.nvmexpress.discoverd.kernel.fabrics.ProcKeys;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The connection parameters of {@code connect}, the {@code nvme connect} options the daemon emits
 * (reference §3.4) minus {@code --persistent} and the secrets. Integers are read as nvme-cli reads
 * them ({@code 0x10}, {@code -1}); the kernel checks their ranges.
 */
final class ConnectTunables {
    @Option(names = "--nr-io-queues", paramLabel = "N", converter = CInt.class, description = "I/O queues to create.")
    private Integer nrIoQueues;

    @Option(names = "--nr-write-queues", paramLabel = "N", converter = CInt.class,
            description = "Queues for writes, apart from the I/O queues.")
    private Integer nrWriteQueues;

    @Option(names = "--nr-poll-queues", paramLabel = "N", converter = CInt.class, description = "Polling queues.")
    private Integer nrPollQueues;

    @Option(names = "--queue-size", paramLabel = "N", converter = CInt.class, description = "I/O queue depth.")
    private Integer queueSize;

    @Option(names = "--keep-alive-tmo", paramLabel = "SEC", converter = CInt.class, description = "Keep-alive timeout.")
    private Integer keepAliveTmo;

    @Option(names = "--reconnect-delay", paramLabel = "SEC", converter = CInt.class,
            description = "Delay between reconnect attempts.")
    private Integer reconnectDelay;

    @Option(names = "--ctrl-loss-tmo", paramLabel = "SEC", converter = CInt.class,
            description = "How long to keep reconnecting before the controller is removed (-1: forever).")
    private Integer ctrlLossTmo;

    @Option(names = "--fast-io-fail-tmo", paramLabel = "SEC", converter = CInt.class,
            description = "Fail I/O this long into a reconnect.")
    private Integer fastIoFailTmo;

    @Option(names = "--tos", paramLabel = "N", converter = CInt.class, description = "IP type of service.")
    private Integer tos;

    @Option(names = "--duplicate-connect", description = "Connect even if the same connection exists.")
    private boolean duplicateConnect;

    @Option(names = "--disable-sqflow", description = "Disable submission queue flow control.")
    private boolean disableSqflow;

    @Option(names = "--hdr-digest", description = "Enable the TCP header digest.")
    private boolean hdrDigest;

    @Option(names = "--data-digest", description = "Enable the TCP data digest.")
    private boolean dataDigest;

    @Option(names = "--tls", description = "Use TLS (NVMe/TCP).")
    private boolean tls;

    @Option(names = "--concat", description = "Secure channel concatenation after DH-HMAC-CHAP (NVMe/TCP).")
    private boolean concat;

    @Option(names = "--tls-key-identity", paramLabel = "IDENTITY",
            description = "Use the TLS PSK with this identity from the kernel keyring (when no 'tls-key' credential is given).")
    private String tlsKeyIdentity;

    @Option(names = "--keyring", paramLabel = "NAME|SERIAL", description = "Keyring to look up TLS keys in, e.g. .nvme.")
    private String keyring;

    /**
     * Adds these parameters to {@code options}, looking keyring names and PSK identities up in
     * {@code keys}.
     *
     * @param haveTlsKey whether a {@code tls-key} credential already names the PSK
     */
    void addTo(FabricsOptions.Builder options, ProcKeys keys, boolean haveTlsKey)
            throws ConnectArgumentException, IOException {
        for (Map.Entry<FabricsOption, Integer> e : integers().entrySet()) {
            if (e.getValue() != null) {
                options.set(e.getKey(), Integer.toString(e.getValue()));
            }
        }
        options.flag(FabricsOption.DUPLICATE_CONNECT, duplicateConnect)
                .flag(FabricsOption.DISABLE_SQFLOW, disableSqflow)
                .flag(FabricsOption.HDR_DIGEST, hdrDigest)
                .flag(FabricsOption.DATA_DIGEST, dataDigest)
                .flag(FabricsOption.TLS, tls)
                .flag(FabricsOption.CONCAT, concat);
        if (keyring != null) {
            options.set(FabricsOption.KEYRING, Integer.toString(keys.keyring(keyring)));
        }
        if (tlsKeyIdentity != null && !haveTlsKey) {
            options.set(FabricsOption.TLS_KEY, Integer.toString(keys.psk(tlsKeyIdentity)));
        }
    }

    private Map<FabricsOption, Integer> integers() {
        Map<FabricsOption, Integer> values = new LinkedHashMap<>();
        values.put(FabricsOption.NR_IO_QUEUES, nrIoQueues);
        values.put(FabricsOption.NR_WRITE_QUEUES, nrWriteQueues);
        values.put(FabricsOption.NR_POLL_QUEUES, nrPollQueues);
        values.put(FabricsOption.QUEUE_SIZE, queueSize);
        values.put(FabricsOption.KEEP_ALIVE_TMO, keepAliveTmo);
        values.put(FabricsOption.RECONNECT_DELAY, reconnectDelay);
        values.put(FabricsOption.CTRL_LOSS_TMO, ctrlLossTmo);
        values.put(FabricsOption.FAST_IO_FAIL_TMO, fastIoFailTmo);
        values.put(FabricsOption.TOS, tos);
        return values;
    }

    /** An integer as C's {@code strtol(s, &end, 0)} reads it. */
    static final class CInt implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return CIntegerSyntax.parse(value).stream().boxed().findFirst().orElseThrow(() ->
                    new TypeConversionException("'" + value + "' is not an integer (decimal, 0x hex or 0 octal, within 32 bits)"));
        }
    }
}
