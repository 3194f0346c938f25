package org.nvmexpress.discoverd.kernel;

import java.util.Map;

/**
 * A Linux {@code errno} value, named: messages say {@code ENOTTY (Inappropriate ioctl for device)},
 * never a bare number (STYLE §7 rule 11). Any number is representable; the ones the kernel side of
 * the daemon meets have a name and a description, others print as {@code errno 200}.
 *
 * <p>The numbers are those of x86_64, aarch64, riscv and every other architecture that uses the
 * generic table ({@code asm-generic/errno*.h}); alpha, mips, parisc and sparc number some of them
 * differently and are not supported.
 *
 * @param number the positive errno value
 */
public record Errno(int number) {
    public static final Errno EPERM = new Errno(1);
    public static final Errno ENOENT = new Errno(2);
    public static final Errno EINTR = new Errno(4);
    public static final Errno EIO = new Errno(5);
    public static final Errno EBADF = new Errno(9);
    public static final Errno EAGAIN = new Errno(11);
    public static final Errno ENOMEM = new Errno(12);
    public static final Errno EACCES = new Errno(13);
    public static final Errno EFAULT = new Errno(14);
    public static final Errno EBUSY = new Errno(16);
    public static final Errno EEXIST = new Errno(17);
    public static final Errno ENODEV = new Errno(19);
    public static final Errno ENOTDIR = new Errno(20);
    public static final Errno EINVAL = new Errno(22);
    public static final Errno ENOTTY = new Errno(25);
    public static final Errno ENOSPC = new Errno(28);
    public static final Errno EROFS = new Errno(30);
    public static final Errno ENAMETOOLONG = new Errno(36);
    public static final Errno ELOOP = new Errno(40);
    public static final Errno EPROTO = new Errno(71);
    public static final Errno EOPNOTSUPP = new Errno(95);
    public static final Errno EADDRINUSE = new Errno(98);
    public static final Errno EADDRNOTAVAIL = new Errno(99);
    public static final Errno ENETDOWN = new Errno(100);
    public static final Errno ENETUNREACH = new Errno(101);
    public static final Errno ECONNABORTED = new Errno(103);
    public static final Errno ECONNRESET = new Errno(104);
    public static final Errno ETIMEDOUT = new Errno(110);
    public static final Errno ECONNREFUSED = new Errno(111);
    public static final Errno EHOSTDOWN = new Errno(112);
    public static final Errno EHOSTUNREACH = new Errno(113);
    public static final Errno EALREADY = new Errno(114);
    public static final Errno ENOKEY = new Errno(126);
    public static final Errno EKEYEXPIRED = new Errno(127);
    public static final Errno EKEYREVOKED = new Errno(128);
    public static final Errno EKEYREJECTED = new Errno(129);
    public static final Errno ENFILE = new Errno(23);
    public static final Errno EMFILE = new Errno(24);
    public static final Errno ENOTSOCK = new Errno(88);
    public static final Errno EPROTONOSUPPORT = new Errno(93);
    public static final Errno EAFNOSUPPORT = new Errno(97);
    public static final Errno ENOBUFS = new Errno(105);

    /** Name and glibc {@code strerror} text, by number. */
    private static final Map<Integer, String[]> KNOWN = Map.ofEntries(
            known(EPERM, "EPERM", "Operation not permitted"),
            known(ENOENT, "ENOENT", "No such file or directory"),
            known(EINTR, "EINTR", "Interrupted system call"),
            known(EIO, "EIO", "Input/output error"),
            known(EBADF, "EBADF", "Bad file descriptor"),
            known(EAGAIN, "EAGAIN", "Resource temporarily unavailable"),
            known(ENOMEM, "ENOMEM", "Cannot allocate memory"),
            known(EACCES, "EACCES", "Permission denied"),
            known(EFAULT, "EFAULT", "Bad address"),
            known(EBUSY, "EBUSY", "Device or resource busy"),
            known(EEXIST, "EEXIST", "File exists"),
            known(ENODEV, "ENODEV", "No such device"),
            known(ENOTDIR, "ENOTDIR", "Not a directory"),
            known(EINVAL, "EINVAL", "Invalid argument"),
            known(ENOTTY, "ENOTTY", "Inappropriate ioctl for device"),
            known(ENOSPC, "ENOSPC", "No space left on device"),
            known(EROFS, "EROFS", "Read-only file system"),
            known(ENAMETOOLONG, "ENAMETOOLONG", "File name too long"),
            known(ELOOP, "ELOOP", "Too many levels of symbolic links"),
            known(EPROTO, "EPROTO", "Protocol error"),
            known(EOPNOTSUPP, "EOPNOTSUPP", "Operation not supported"),
            known(EADDRINUSE, "EADDRINUSE", "Address already in use"),
            known(EADDRNOTAVAIL, "EADDRNOTAVAIL", "Cannot assign requested address"),
            known(ENETDOWN, "ENETDOWN", "Network is down"),
            known(ENETUNREACH, "ENETUNREACH", "Network is unreachable"),
            known(ECONNABORTED, "ECONNABORTED", "Software caused connection abort"),
            known(ECONNRESET, "ECONNRESET", "Connection reset by peer"),
            known(ETIMEDOUT, "ETIMEDOUT", "Connection timed out"),
            known(ECONNREFUSED, "ECONNREFUSED", "Connection refused"),
            known(EHOSTDOWN, "EHOSTDOWN", "Host is down"),
            known(EHOSTUNREACH, "EHOSTUNREACH", "No route to host"),
            known(EALREADY, "EALREADY", "Operation already in progress"),
            known(ENOKEY, "ENOKEY", "Required key not available"),
            known(EKEYEXPIRED, "EKEYEXPIRED", "Key has expired"),
            known(EKEYREVOKED, "EKEYREVOKED", "Key has been revoked"),
            known(EKEYREJECTED, "EKEYREJECTED", "Key was rejected by service"),
            known(ENFILE, "ENFILE", "Too many open files in system"),
            known(EMFILE, "EMFILE", "Too many open files"),
            known(ENOTSOCK, "ENOTSOCK", "Socket operation on non-socket"),
            known(EPROTONOSUPPORT, "EPROTONOSUPPORT", "Protocol not supported"),
            known(EAFNOSUPPORT, "EAFNOSUPPORT", "Address family not supported by protocol"),
            known(ENOBUFS, "ENOBUFS", "No buffer space available"));

    public Errno {
        if (number <= 0) {
            throw new IllegalArgumentException("errno must be positive: " + number);
        }
    }

    private static Map.Entry<Integer, String[]> known(Errno errno, String name, String text) {
        return Map.entry(errno.number, new String[] {name, text});
    }

    /** Whether this number has a symbolic name here; {@link #name()} is {@code errno 200} when not. */
    public boolean named() {
        return KNOWN.containsKey(number);
    }

    /** The symbolic name, e.g. {@code ENOTTY}; {@code errno 200} for a number without one. */
    public String name() {
        String[] entry = KNOWN.get(number);
        return entry != null ? entry[0] : "errno " + number;
    }

    /** {@code ENOTTY (Inappropriate ioctl for device)}, or {@code errno 200} for an unnamed number. */
    @Override
    public String toString() {
        String[] entry = KNOWN.get(number);
        return entry != null ? entry[0] + " (" + entry[1] + ")" : "errno " + number;
    }
}
