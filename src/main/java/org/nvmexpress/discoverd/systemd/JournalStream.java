package org.nvmexpress.discoverd.systemd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether our stderr is connected to the journal. systemd sets {@code JOURNAL_STREAM=DEV:INO} to
 * the device and inode of the stream it gave the service; the variable alone proves nothing (it is
 * inherited by children whose stderr was redirected), so the numbers are compared with those of
 * file descriptor 2, as sd_journal_stream_fd(3) advises.
 *
 * <p>The JDK's {@code stat} of {@code /proc/self/fd/2} is used instead of {@code fstat(2)}
 * through JNA: the kernel resolves that link to the open file itself, so the result is fstat's,
 * without mapping the architecture-specific {@code struct stat}.
 */
final class JournalStream {
    private static final Pattern DEV_INO = Pattern.compile("([0-9]{1,20}):([0-9]{1,20})");

    private JournalStream() {
    }

    /** True when {@code journalStream} ({@code JOURNAL_STREAM}, may be null) names the file {@code stderr} is. */
    static boolean isJournal(String journalStream, Path stderr) {
        if (journalStream == null) {
            return false;
        }
        Matcher m = DEV_INO.matcher(journalStream);
        if (!m.matches()) {
            return false;
        }
        try {
            Object dev = Files.getAttribute(stderr, "unix:dev");
            Object ino = Files.getAttribute(stderr, "unix:ino");
            return Long.toUnsignedString((Long) dev).equals(m.group(1))
                    && Long.toUnsignedString((Long) ino).equals(m.group(2));
        } catch (IOException e) {
            // fd 2 closed or unreadable: it is not the journal. Logging then writes to stderr
            // anyway, which is all that can be done; there is no other channel to report this on.
            return false;
        }
    }

    /** {@link #isJournal} for this process: the environment and {@code /proc/self/fd/2}. */
    static boolean stderrIsJournal() {
        return isJournal(System.getenv("JOURNAL_STREAM"), Path.of("/proc/self/fd/2"));
    }
}
