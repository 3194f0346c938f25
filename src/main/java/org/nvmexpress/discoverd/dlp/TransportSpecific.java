package org.nvmexpress.discoverd.dlp;

/**
 * The entry's transport specific address subtype (TSAS, 256 bytes at entry offset 768, reference
 * §5.4), read for the two transports that define one.
 */
public sealed interface TransportSpecific {

    /**
     * RDMA: queue pair type ({@code qptype}@0), provider type ({@code prtype}@1), connection
     * management service ({@code cms}@2) and partition key ({@code pkey}@8, LE16).
     */
    record Rdma(int qptype, int prtype, int cms, int pkey) implements TransportSpecific {
        private static final String[] QPTYPES = {null, "connected", "datagram"};
        private static final String[] PRTYPES = {null, "not specified", "infiniband", "roce", "roce-v2", "iwarp"};
        private static final String[] CMS = {null, "rdma-cm"};

        public Rdma {
            Names.unsigned("qptype", qptype, 8);
            Names.unsigned("prtype", prtype, 8);
            Names.unsigned("cms", cms, 8);
            Names.unsigned("pkey", pkey, 16);
        }

        public String qptypeName() {
            return Names.of(QPTYPES, qptype);
        }

        public String prtypeName() {
            return Names.of(PRTYPES, prtype);
        }

        public String cmsName() {
            return Names.of(CMS, cms);
        }
    }

    /** TCP: the port's security type ({@code sectype}@0). */
    record Tcp(int sectype) implements TransportSpecific {
        public Tcp {
            Names.unsigned("sectype", sectype, 8);
        }

        public TcpSecurityType securityType() {
            return TcpSecurityType.of(sectype);
        }
    }

    /** FC, loop and unrecognised transports: the bytes mean nothing we read. */
    record Unused() implements TransportSpecific {
    }
}
