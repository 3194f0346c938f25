package org.nvmexpress.discoverd.kernel.sysfs;

import java.util.Objects;
import org.nvmexpress.discoverd.tid.TidField;

/**
 * The answer of {@link ConnectionIdentityMatcher}: the live controller realises the desired TID,
 * or the first field (in canonical order) that tells them apart, with both values, for the log.
 */
public sealed interface IdentityMatch {
    /** The one {@link Same} value. */
    IdentityMatch SAME = new Same();

    boolean matches();

    /** One line for a log message. */
    String explain();

    /** The live controller is a connection to the desired TID. */
    record Same() implements IdentityMatch {
        @Override
        public boolean matches() {
            return true;
        }

        @Override
        public String explain() {
            return "same connection";
        }
    }

    /**
     * The live controller is another connection.
     *
     * @param field  the first field that differs
     * @param detail the desired and the live value, and which rule compared them
     */
    record Different(TidField field, String detail) implements IdentityMatch {
        public Different {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public boolean matches() {
            return false;
        }

        /** {@code key: detail}, e.g. {@code trsvcid: desired '4420', live '4421'}. */
        @Override
        public String explain() {
            return field.key() + ": " + detail;
        }
    }
}
