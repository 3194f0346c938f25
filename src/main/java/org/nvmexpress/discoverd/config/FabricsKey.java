package org.nvmexpress.discoverd.config;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every key of the fabrics configuration, with its value type and class (reference §8.3). The class
 * decides where a key may appear; the type how its value is checked. Secrets are marked so that no
 * layer prints them by accident.
 */
public enum FabricsKey {
    NR_IO_QUEUES("nr-io-queues", Type.INT, KeyClass.TUNABLE),
    NR_WRITE_QUEUES("nr-write-queues", Type.INT, KeyClass.TUNABLE),
    NR_POLL_QUEUES("nr-poll-queues", Type.INT, KeyClass.TUNABLE),
    QUEUE_SIZE("queue-size", Type.INT, KeyClass.TUNABLE),
    KEEP_ALIVE_TMO("keep-alive-tmo", Type.INT, KeyClass.TUNABLE),
    RECONNECT_DELAY("reconnect-delay", Type.INT, KeyClass.TUNABLE),
    CTRL_LOSS_TMO("ctrl-loss-tmo", Type.INT, KeyClass.TUNABLE),
    FAST_IO_FAIL_TMO("fast-io-fail-tmo", Type.INT, KeyClass.TUNABLE),
    TOS("tos", Type.INT, KeyClass.TUNABLE),
    DUPLICATE_CONNECT("duplicate-connect", Type.BOOL, KeyClass.TUNABLE),
    DISABLE_SQFLOW("disable-sqflow", Type.BOOL, KeyClass.TUNABLE),
    HDR_DIGEST("hdr-digest", Type.BOOL, KeyClass.TUNABLE),
    DATA_DIGEST("data-digest", Type.BOOL, KeyClass.TUNABLE),
    PERSISTENT("persistent", Type.PERSISTENT, KeyClass.DC_TUNABLE),
    TLS("tls", Type.BOOL, KeyClass.SECURITY),
    CONCAT("concat", Type.BOOL, KeyClass.SECURITY),
    TLS_KEY("tls-key", Type.SECRET, KeyClass.SECURITY),
    TLS_KEY_IDENTITY("tls-key-identity", Type.STRING, KeyClass.SECURITY),
    KEYRING("keyring", Type.STRING, KeyClass.SECURITY),
    KXCHAP_SECRET("kxchap-secret", Type.SECRET, KeyClass.SECURITY),
    KXCHAP_CTRL_SECRET("kxchap-ctrl-secret", Type.SECRET, KeyClass.SECURITY),
    HOSTNQN("hostnqn", Type.STRING, KeyClass.IDENTITY),
    HOSTID("hostid", Type.STRING, KeyClass.IDENTITY),
    HOSTSYMNAME("hostsymname", Type.STRING, KeyClass.IDENTITY),
    NQN("nqn", Type.STRING, KeyClass.NQN),
    CONTROLLER("controller", Type.STRING, KeyClass.CONTROLLER);

    /** How a value is checked. {@link #SECRET} is a string that must never be printed. */
    public enum Type { INT, BOOL, PERSISTENT, STRING, SECRET }

    /** Where a key may appear (reference §8.3, "Where each class may appear"). */
    public enum KeyClass { TUNABLE, SECURITY, DC_TUNABLE, IDENTITY, NQN, CONTROLLER }

    private static final Map<String, FabricsKey> BY_NAME =
            Stream.of(values()).collect(Collectors.toUnmodifiableMap(FabricsKey::configName, Function.identity()));

    private final String configName;
    private final Type type;
    private final KeyClass keyClass;

    FabricsKey(String configName, Type type, KeyClass keyClass) {
        this.configName = configName;
        this.type = type;
        this.keyClass = keyClass;
    }

    /** The key as written in the file, e.g. {@code ctrl-loss-tmo}. */
    public String configName() {
        return configName;
    }

    public Type type() {
        return type;
    }

    public KeyClass keyClass() {
        return keyClass;
    }

    public boolean isSecret() {
        return type == Type.SECRET;
    }

    /** True for the keys a parameter set can hold: tunables, DC tunables and security keys. */
    public boolean isParameter() {
        return keyClass == KeyClass.TUNABLE || keyClass == KeyClass.DC_TUNABLE || keyClass == KeyClass.SECURITY;
    }

    public static Optional<FabricsKey> forName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /**
     * Checks a value of this key's type. The empty value (a reset) is valid for every key.
     *
     * @return {@code null} when valid, else what was expected
     */
    public String checkValue(String value) {
        if (value.isEmpty()) {
            return null;
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            return "a value cannot span lines";
        }
        switch (type) {
            case INT:
                return ValueSyntax.checkInt(value);
            case BOOL:
                return ValueSyntax.checkBool(value);
            case PERSISTENT:
                return ValueSyntax.checkPersistent(value);
            default:
                return null;
        }
    }

    /** The value as it may be shown to a person: secrets become {@code <secret>}. */
    public String printable(String value) {
        return isSecret() && !value.isEmpty() ? "<secret>" : value;
    }
}
