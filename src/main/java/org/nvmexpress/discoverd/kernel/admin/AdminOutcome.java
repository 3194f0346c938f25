package org.nvmexpress.discoverd.kernel.admin;

import java.util.Objects;
import org.nvmexpress.discoverd.kernel.Errno;
import org.nvmexpress.discoverd.kernel.ErrnoException;

/**
 * What one admin command came to, by the passthrough ioctl's return convention (reference §5.2):
 * below zero an errno, above zero the NVMe status of the completion, zero success with the data.
 */
public sealed interface AdminOutcome {

    /**
     * The controller completed the command successfully.
     *
     * @param data   the bytes transferred, {@code dataLength} of them
     * @param result completion dword 0 (and dword 1 when the 64-bit ioctl was used)
     */
    record Success(byte[] data, long result) implements AdminOutcome {
        public Success {
            data = Objects.requireNonNull(data, "data").clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }
    }

    /**
     * The controller completed the command with an error status.
     *
     * @param status the status field as the driver returns it: status code in bits 7:0, status code
     *               type in bits 10:8, with the More and Do Not Retry bits above
     */
    record NvmeStatus(int status) implements AdminOutcome {
        public NvmeStatus {
            if (status <= 0) {
                throw new IllegalArgumentException("an NVMe error status is positive: " + status);
            }
        }

        /** Status code type, bits 10:8. */
        public int statusCodeType() {
            return (status >> 8) & 0x7;
        }

        /** Status code, bits 7:0. */
        public int statusCode() {
            return status & 0xff;
        }

        @Override
        public String toString() {
            return String.format("NVMe status 0x%x (type %d, code 0x%02x)", status, statusCodeType(), statusCode());
        }
    }

    /** The system call failed before or instead of a completion. */
    record Failure(ErrnoException cause) implements AdminOutcome {
        public Failure {
            Objects.requireNonNull(cause, "cause");
        }

        public Errno errno() {
            return cause.errno();
        }
    }
}
