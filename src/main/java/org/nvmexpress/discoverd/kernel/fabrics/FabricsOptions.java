package org.nvmexpress.discoverd.kernel.fabrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.StringJoiner;

/**
 * The option string written to {@code /dev/nvme-fabrics} to create a controller:
 * {@code transport=tcp,traddr=...,nqn=...,ctrl_loss_tmo=600,hdr_digest,...}, in
 * {@link FabricsOption} order. Immutable; built with {@link #builder()}.
 *
 * <p>Every value is checked when set: the kernel splits the string at {@code ,} and newlines and
 * stops at NUL, so a value containing one would smuggle in options of its own. Integers are read as
 * nvme-cli reads them ({@link CIntegerSyntax}) and written in decimal. Secrets show as
 * {@code <secret>} in {@link #redacted()} and {@link #toString()}; only {@link #render()}, which goes
 * to the kernel, holds them.
 */
public final class FabricsOptions {
    private final Map<FabricsOption, String> values;

    private FabricsOptions(Map<FabricsOption, String> values) {
        this.values = Collections.unmodifiableMap(new EnumMap<>(values));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to add more. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.values.putAll(values);
        return b;
    }

    /** The options present, in writing order, with their values ({@code ""} for a flag). Holds secrets. */
    public Map<FabricsOption, String> values() {
        return values;
    }

    public boolean has(FabricsOption option) {
        return values.containsKey(option);
    }

    /** The string for the kernel. Holds secrets: never log it. */
    public String render() {
        return join(false);
    }

    /** {@link #render()} with every secret value replaced by {@code <secret>}. */
    public String redacted() {
        return join(true);
    }

    /** The options the kernel's table does not list, in writing order; none when the table is unknown. */
    public List<FabricsOption> unsupportedBy(KernelOptionTable table) {
        List<FabricsOption> missing = new ArrayList<>();
        for (FabricsOption option : values.keySet()) {
            if (!table.supports(option.token())) {
                missing.add(option);
            }
        }
        return missing;
    }

    private String join(boolean redact) {
        StringJoiner out = new StringJoiner(",");
        values.forEach((option, value) -> {
            if (option.kind() == FabricsOption.Kind.FLAG) {
                out.add(option.token());
            } else {
                out.add(option.token() + "=" + (redact && option.isSecret() ? "<secret>" : value));
            }
        });
        return out.toString();
    }

    /** Secrets redacted. */
    @Override
    public String toString() {
        return redacted();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FabricsOptions other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** Collects options; a later value for the same option replaces the earlier one. */
    public static final class Builder {
        private final Map<FabricsOption, String> values = new EnumMap<>(FabricsOption.class);

        private Builder() {
        }

        /**
         * Sets a {@code %s} or {@code %d} option; an integer may be written as C reads it
         * ({@code 0x10}, {@code -1}) and is stored in decimal.
         *
         * @throws ConnectArgumentException naming the option when the value cannot be passed on
         */
        public Builder set(FabricsOption option, String value) throws ConnectArgumentException {
            Objects.requireNonNull(option, "option");
            Objects.requireNonNull(value, "value");
            switch (option.kind()) {
                case FLAG -> throw new IllegalArgumentException(option.token() + " is a flag: use flag()");
                case INT -> values.put(option, Integer.toString(integer(option, value)));
                case STRING -> values.put(option, checkedString(option, value));
                default -> throw new AssertionError(option.kind());
            }
            return this;
        }

        /** Sets {@code option} when {@code value} is not null. */
        public Builder setIfPresent(FabricsOption option, String value) throws ConnectArgumentException {
            return value == null ? this : set(option, value);
        }

        /** Adds or removes a bare flag such as {@code hdr_digest}. */
        public Builder flag(FabricsOption option, boolean on) {
            if (option.kind() != FabricsOption.Kind.FLAG) {
                throw new IllegalArgumentException(option.token() + " is not a flag");
            }
            if (on) {
                values.put(option, "");
            } else {
                values.remove(option);
            }
            return this;
        }

        public FabricsOptions build() {
            return new FabricsOptions(values);
        }

        private static int integer(FabricsOption option, String value) throws ConnectArgumentException {
            OptionalInt parsed = CIntegerSyntax.parse(value);
            if (parsed.isEmpty()) {
                throw new ConnectArgumentException(option.token() + ": " + shown(option, value)
                        + "is not an integer (decimal, 0x hex or 0 octal, within 32 bits)");
            }
            return parsed.getAsInt();
        }

        private static String checkedString(FabricsOption option, String value) throws ConnectArgumentException {
            String problem = value.isEmpty() ? "is empty"
                    : value.indexOf(',') >= 0 ? "contains ',', which separates the kernel's options"
                    : value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 ? "contains a line break"
                    : value.indexOf('\0') >= 0 ? "contains a NUL character"
                    : null;
            if (problem != null) {
                throw new ConnectArgumentException(option.token() + ": " + shown(option, value) + problem);
            }
            return value;
        }

        /** {@code 'value' } for a plain option, {@code the secret } for a secret one. */
        private static String shown(FabricsOption option, String value) {
            return option.isSecret() ? "the secret " : "'" + value + "' ";
        }
    }
}
