package org.nvmexpress.discoverd.kernel;

import java.util.Optional;

/**
 * The errno values the uevent socket can meet, by name, so messages and decisions never carry a
 * bare number. Numbers are Linux's generic ones (x86, arm, arm64, riscv, s390, powerpc); an errno
 * outside this table is still reported, as {@code errno N}.
 */
public enum ErrnoName {
    EPERM(1, "operation not permitted"),
    ENOENT(2, "no such file or directory"),
    EINTR(4, "interrupted system call"),
    EIO(5, "input/output error"),
    EBADF(9, "bad file descriptor"),
    EAGAIN(11, "resource temporarily unavailable"),
    ENOMEM(12, "cannot allocate memory"),
    EACCES(13, "permission denied"),
    EFAULT(14, "bad address"),
    EINVAL(22, "invalid argument"),
    ENFILE(23, "too many open files in system"),
    EMFILE(24, "too many open files"),
    ENOTSOCK(88, "socket operation on non-socket"),
    EPROTONOSUPPORT(93, "protocol not supported"),
    EOPNOTSUPP(95, "operation not supported"),
    EAFNOSUPPORT(97, "address family not supported by protocol"),
    EADDRINUSE(98, "address already in use"),
    ENOBUFS(105, "no buffer space available"),
    ECONNREFUSED(111, "connection refused");

    private final int number;
    private final String description;

    ErrnoName(int number, String description) {
        this.number = number;
        this.description = description;
    }

    public int number() {
        return number;
    }

    /** The name for {@code errno}, or empty when it is not in this table. */
    public static Optional<ErrnoName> of(int errno) {
        for (ErrnoName name : values()) {
            if (name.number == errno) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** {@code ENOBUFS (no buffer space available)}, or {@code errno 200} for one outside the table. */
    public static String describe(int errno) {
        return of(errno).map(n -> n.name() + " (" + n.description + ")").orElse("errno " + errno);
    }
}
