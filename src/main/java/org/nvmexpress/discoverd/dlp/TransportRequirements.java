package org.nvmexpress.discoverd.dlp;

/**
 * The entry's {@code treq} byte (reference §5.4): bits 1:0 say whether a secure channel is required,
 * bit 2 that the controller can run without SQ flow control ({@code NVMF_TREQ_DISABLE_SQFLOW}).
 * The raw value is kept, so reserved bits are not lost.
 *
 * @param value the byte, 0-255
 */
public record TransportRequirements(int value) {
    /** Bit 2: SQ flow control may be disabled. */
    public static final int DISABLE_SQFLOW = 0x4;

    /** libnvme's {@code libnvmf_treq_str}, indexed by the whole byte. */
    private static final String[] NAMES = {"not specified", "required", "not required", null,
        "not specified, sq flow control disable supported", "required, sq flow control disable supported",
        "not required, sq flow control disable supported"};

    public TransportRequirements {
        Names.unsigned("treq", value, 8);
    }

    /** The secure channel requirement of bits 1:0. */
    public SecureChannel secureChannel() {
        return SecureChannel.values()[value & 0x3];
    }

    /** Bit 2: the controller supports disabling SQ flow control. */
    public boolean disableSqflow() {
        return (value & DISABLE_SQFLOW) != 0;
    }

    /**
     * What libnvme prints, e.g. {@code required, sq flow control disable supported};
     * {@code unrecognized} for reserved values.
     */
    public String libnvmeName() {
        return Names.of(NAMES, value);
    }

    /** Bits 1:0 of {@code treq}, in value order. */
    public enum SecureChannel {
        /** 0: the controller says nothing; the host decides. */
        NOT_SPECIFIED,
        /** 1: connecting without a secure channel (TLS) will fail. */
        REQUIRED,
        /** 2: a secure channel is not required. */
        NOT_REQUIRED,
        /** 3: reserved. */
        RESERVED
    }
}
