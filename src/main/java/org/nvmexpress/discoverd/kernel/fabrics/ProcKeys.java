package org.nvmexpress.discoverd.kernel.fabrics;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Key serial numbers looked up by type and description in {@code <root>/proc/keys}, the way
 * keyutils' {@code find_key_by_type_and_desc} (and so nvme-cli) does: the kernel's {@code keyring}
 * and {@code tls_key} options take serials, while the configuration names a keyring
 * ({@code keyring = .nvme}) or a PSK by its identity ({@code tls-key-identity}).
 *
 * <p>A line of {@code /proc/keys} is {@code SERIAL FLAGS USAGE TIMEOUT PERM UID GID TYPE DESCRIPTION:
 * SUMMARY}, the serial in hex; the type is cut to 9 characters, which {@code keyring} and
 * {@code psk} fit. The description is matched as a prefix followed by {@code :}. Only keys the
 * caller may view are listed; the connector runs as root.
 */
public final class ProcKeys {
    private static final Pattern LINE = Pattern.compile(
            "\\s*([0-9a-fA-F]{1,8})\\s+\\S+\\s+\\S+\\s+\\S+\\s+\\S+\\s+\\S+\\s+\\S+\\s+(\\S+)\\s+(.*)");
    /** Far above any real key list; bounds a hostile or absurd file. */
    private static final int MAX_LINES = 100_000;

    private final Path file;

    public ProcKeys(Path systemRoot) {
        this.file = Objects.requireNonNull(systemRoot, "systemRoot").resolve("proc/keys");
    }

    /**
     * The serial for the kernel's {@code keyring} option: {@code nameOrSerial} itself when it is a
     * positive number, else the serial of the keyring with that description.
     */
    public int keyring(String nameOrSerial) throws IOException, ConnectArgumentException {
        OptionalInt serial = CIntegerSyntax.parse(nameOrSerial);
        if (serial.isPresent() && serial.getAsInt() > 0) {
            return serial.getAsInt();
        }
        return find("keyring", nameOrSerial).orElseThrow(() -> new ConnectArgumentException(
                "keyring '" + nameOrSerial + "' not found in " + file));
    }

    /** The serial of the TLS PSK ({@code psk} key) whose identity is {@code identity}. */
    public int psk(String identity) throws IOException, ConnectArgumentException {
        return find("psk", identity).orElseThrow(() -> new ConnectArgumentException(
                "no TLS PSK with identity '" + identity + "' in " + file));
    }

    /**
     * The serial of the first key of {@code type} whose description is {@code description}.
     *
     * @throws ConnectArgumentException when the file does not exist (no key support, or no /proc)
     */
    OptionalInt find(String type, String description) throws IOException, ConnectArgumentException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            for (int n = 0; n < MAX_LINES && (line = in.readLine()) != null; n++) {
                Matcher m = LINE.matcher(line);
                if (m.matches() && m.group(2).equals(type) && m.group(3).startsWith(description + ":")) {
                    long serial = Long.parseLong(m.group(1), 16);
                    if (serial > 0 && serial <= Integer.MAX_VALUE) {
                        return OptionalInt.of((int) serial);
                    }
                }
            }
        } catch (NoSuchFileException e) {
            throw new ConnectArgumentException("cannot look up " + type + " '" + description + "': " + file
                    + " does not exist (kernel without key support, or /proc not mounted)");
        }
        return OptionalInt.empty();
    }
}
