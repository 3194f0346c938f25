package org.nvmexpress.discoverd.config;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The keys of {@code nvme-discoverd.conf}: name, the section upstream's current layout puts it in,
 * what it changes, and what a valid value looks like. {@link DaemonConfigReader} decides what a key
 * in another section means.
 */
enum DaemonConfigKey {
    NBFT("nbft", Section.GLOBAL, "expected one of 1 yes y true t on 0 no n false f off",
            (c, v) -> ValueSyntax.parseBool(v).map(c::withNbft)),
    DEBUG_LEVEL("debug-level", Section.GLOBAL, "expected err, warn, info or debug",
            (c, v) -> LogLevel.fromConfigName(v).map(c::withDebugLevel)),
    CONNECTOR("connector", Section.GLOBAL, "expected auto, nvme-cli or builtin",
            (c, v) -> Connector.fromConfigName(v).map(c::withConnector)),
    NVME_PATH("nvme-path", Section.GLOBAL, "expected an absolute path, starting with /",
            (c, v) -> Optional.of(v).filter(DaemonConfig::isValidNvmePath).map(c::withNvmePath)),
    UEVENT_SOURCE("uevent-source", Section.GLOBAL, "expected udev or kernel",
            (c, v) -> UeventGroup.fromConfigName(v).map(c::withUeventSource)),
    MAX_PENDING_UNITS("max-pending-units", Section.GLOBAL,
            "expected a whole number from 1 to " + DaemonConfig.MAX_PENDING_UNITS_LIMIT,
            (c, v) -> ValueSyntax.parseUnsigned(v)
                    .filter(n -> n >= 1 && n <= DaemonConfig.MAX_PENDING_UNITS_LIMIT)
                    .map(c::withMaxPendingUnits)),
    DISCONNECT_TIMEOUT("disconnect-timeout-sec", Section.GLOBAL, "expected a whole number of seconds, at least 1",
            (c, v) -> ValueSyntax.parseUnsigned(v).filter(n -> n >= 1).map(c::withDisconnectTimeoutSec)),
    AUDIT_INTERVAL("audit-interval-minutes", Section.GLOBAL,
            "expected a whole number of minutes from 0 (off) to " + DaemonConfig.MAX_AUDIT_INTERVAL_MINUTES,
            (c, v) -> ValueSyntax.parseUnsigned(v)
                    .filter(n -> n <= DaemonConfig.MAX_AUDIT_INTERVAL_MINUTES)
                    .map(c::withAuditIntervalMinutes)),
    /**
     * In {@code [Global]} with this daemon's other own keys, not {@code [Discovery]}: a
     * {@code [Discovery]} key in {@code [Global]} is read as the older layout, and this one has no
     * older layout to be deprecated from.
     */
    ZEROCONF("zeroconf", Section.GLOBAL, "expected no, avahi, resolved or auto",
            (c, v) -> Zeroconf.fromConfigName(v).map(c::withZeroconf)),
    EPCSD_POLL_INTERVAL("epcsd-poll-interval-minutes", Section.DISCOVERY,
            "expected a whole number of minutes, at least 1",
            (c, v) -> ValueSyntax.parseUnsigned(v)
                    .filter(n -> n >= DaemonConfig.MIN_EPCSD_POLL_INTERVAL_MINUTES)
                    .map(c::withEpcsdPollIntervalMinutes)),
    FC_KICKSTART_INTERVAL("fc-kickstart-interval-minutes", Section.DISCOVERY,
            "expected a whole number of minutes, 0 for off",
            (c, v) -> ValueSyntax.parseUnsigned(v).map(c::withFcKickstartIntervalMinutes)),
    DC_GIVEUP_TIMEOUT("dc-giveup-timeout", Section.DISCOVERY, DaemonConfigKey::whySpanIsInvalid,
            (c, v) -> TimeSpan.parse(v) instanceof TimeSpan.Span span
                    ? Optional.of(c.withDcGiveupTimeout(new GiveUpTimeout(span.finite())))
                    : Optional.empty()),
    /**
     * The older layout's give-up horizon in whole hours, 0 for never (reference §8.1). Still read,
     * with a warning, so that a file written for it keeps its meaning.
     */
    DC_GIVEUP_HOURS("dc-giveup-hours", Section.GLOBAL, "expected a whole number of hours, 0 for never",
            (c, v) -> ValueSyntax.parseUnsigned(v).map(hours -> c.withDcGiveupTimeout(giveUpAfterHours(hours))));

    /** The two sections this file has; any other is accepted and its keys ignored (reference §8.1). */
    enum Section {
        GLOBAL("Global"),
        DISCOVERY("Discovery");

        /** The name between the brackets, case-sensitive. */
        final String header;

        Section(String header) {
            this.header = header;
        }

        static Optional<Section> named(String header) {
            for (Section section : values()) {
                if (section.header.equals(header)) {
                    return Optional.of(section);
                }
            }
            return Optional.empty();
        }

        /** {@code [Name]}, as messages show it. */
        String bracketed() {
            return "[" + header + "]";
        }
    }

    private static final String SPAN_EXAMPLES = "expected a time span such as 72h, 1h 30min, 90 (seconds), 0 or"
            + " infinity";

    final String configName;
    /** Where upstream's current layout puts the key, and where it is read without a warning. */
    final Section section;
    private final Function<String, String> expected;
    /** The config with this key set to the value, or empty when the value is invalid. */
    private final BiFunction<DaemonConfig, String, Optional<DaemonConfig>> parser;

    DaemonConfigKey(String configName, Section section, String expected,
            BiFunction<DaemonConfig, String, Optional<DaemonConfig>> parser) {
        this(configName, section, value -> expected, parser);
    }

    DaemonConfigKey(String configName, Section section, Function<String, String> expected,
            BiFunction<DaemonConfig, String, Optional<DaemonConfig>> parser) {
        this.configName = configName;
        this.section = section;
        this.expected = expected;
        this.parser = parser;
    }

    static Optional<DaemonConfigKey> named(String configName) {
        for (DaemonConfigKey key : values()) {
            if (key.configName.equals(configName)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    /** {@code config} with this key set to {@code value}, or empty when the value is invalid. */
    Optional<DaemonConfig> apply(DaemonConfig config, String value) {
        return parser.apply(config, value);
    }

    /** What a valid value looks like, for the message about the invalid {@code value}. */
    String expected(String value) {
        return expected.apply(value);
    }

    /** Whether the key belongs to the older layout only, and is read for compatibility. */
    boolean deprecated() {
        return this == DC_GIVEUP_HOURS;
    }

    /** The key of the current layout for the same setting: this one, or the one that replaced it. */
    DaemonConfigKey current() {
        return this == DC_GIVEUP_HOURS ? DC_GIVEUP_TIMEOUT : this;
    }

    /** {@code dc-giveup-hours}' meaning: 0 was never; the same number of hours otherwise. */
    static GiveUpTimeout giveUpAfterHours(long hours) {
        return hours == 0 ? GiveUpTimeout.never() : GiveUpTimeout.after(Duration.ofHours(hours));
    }

    /** What {@code dc-giveup-timeout = hours-value} replaces {@code dc-giveup-hours = hours} with. */
    static String giveUpTimeoutSpelling(long hours) {
        return hours == 0 ? "infinity" : hours + "h";
    }

    /** Parses the rejected value again, only to say why: rare, and linear in at most 256 characters. */
    private static String whySpanIsInvalid(String value) {
        return TimeSpan.parse(value) instanceof TimeSpan.Invalid invalid ? invalid.reason() + "; " + SPAN_EXAMPLES
                : SPAN_EXAMPLES;
    }
}
