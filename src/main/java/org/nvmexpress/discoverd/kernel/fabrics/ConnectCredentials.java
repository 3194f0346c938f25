package org.nvmexpress.discoverd.kernel.fabrics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The secrets of a connect, read from systemd credentials, never from the command line (reference
 * §15 item 32: argv and unit properties are readable by every local user). systemd places each
 * credential of the unit ({@code LoadCredential=}, {@code SetCredential=}) as a file in the directory
 * named by {@code $CREDENTIALS_DIRECTORY}; the connector reads:
 * <ul>
 * <li>{@value #DHCHAP_SECRET}: the host's DH-HMAC-CHAP secret, {@code DHHC-1:...};</li>
 * <li>{@value #DHCHAP_CTRL_SECRET}: the controller's secret for bidirectional authentication;</li>
 * <li>{@value #TLS_KEY}: the serial number of the TLS PSK in the kernel keyring (decimal or
 * {@code 0x} hex). A PSK in interchange format ({@code NVMeTLSkey-1:...}) is refused: the kernel
 * takes only a key serial, and importing a PSK into the keyring is nvme-cli's job.</li>
 * </ul>
 * Each file holds one line (a final newline is dropped). A missing directory or file means no such
 * secret. No message of this class contains a secret value.
 */
public record ConnectCredentials(Optional<Secret> dhchapSecret, Optional<Secret> dhchapCtrlSecret,
        Optional<Secret> tlsKey) {
    public static final String DHCHAP_SECRET = "dhchap-secret";
    public static final String DHCHAP_CTRL_SECRET = "dhchap-ctrl-secret";
    public static final String TLS_KEY = "tls-key";

    /** Far above any real key; bounds what a stray large file costs. */
    private static final int MAX_BYTES = 4096;

    public ConnectCredentials {
        Objects.requireNonNull(dhchapSecret, "dhchapSecret");
        Objects.requireNonNull(dhchapCtrlSecret, "dhchapCtrlSecret");
        Objects.requireNonNull(tlsKey, "tlsKey");
    }

    public static ConnectCredentials none() {
        return new ConnectCredentials(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Reads the credentials in {@code directory} ({@code $CREDENTIALS_DIRECTORY}); none without one.
     *
     * @throws IOException              naming the credential and its file when a file cannot be read
     * @throws ConnectArgumentException naming the credential when its content is unusable
     */
    public static ConnectCredentials read(Optional<Path> directory) throws IOException, ConnectArgumentException {
        if (directory.isEmpty()) {
            return none();
        }
        Path dir = directory.get();
        Optional<Secret> dhchap = readOne(dir, DHCHAP_SECRET);
        Optional<Secret> ctrl = readOne(dir, DHCHAP_CTRL_SECRET);
        Optional<Secret> tls = readOne(dir, TLS_KEY);
        for (Optional<Secret> s : List.of(dhchap, ctrl)) {
            if (s.isPresent() && !s.get().value.startsWith("DHHC-1:")) {
                throw new ConnectArgumentException("credential '" + s.get().name
                        + "' is not a DH-HMAC-CHAP secret: it must start with 'DHHC-1:'");
            }
        }
        if (tls.isPresent()) {
            tlsKeySerial(tls.get());
        }
        return new ConnectCredentials(dhchap, ctrl, tls);
    }

    /** Adds the secrets to the options: {@code dhchap_secret}, {@code dhchap_ctrl_secret}, {@code tls_key}. */
    public void addTo(FabricsOptions.Builder options) throws ConnectArgumentException {
        if (dhchapSecret.isPresent()) {
            options.set(FabricsOption.DHCHAP_SECRET, dhchapSecret.get().value);
        }
        if (dhchapCtrlSecret.isPresent()) {
            options.set(FabricsOption.DHCHAP_CTRL_SECRET, dhchapCtrlSecret.get().value);
        }
        if (tlsKey.isPresent()) {
            options.set(FabricsOption.TLS_KEY, Integer.toString(tlsKeySerial(tlsKey.get())));
        }
    }

    private static int tlsKeySerial(Secret key) throws ConnectArgumentException {
        if (key.value.startsWith("NVMeTLSkey-1:")) {
            throw new ConnectArgumentException("credential '" + TLS_KEY + "' holds a PSK in interchange format;"
                    + " the built-in connector passes the kernel a key serial: insert the PSK into the .nvme"
                    + " keyring (nvme tls-key --import) and store its serial number instead, or use the nvme-cli"
                    + " connector");
        }
        OptionalInt serial = CIntegerSyntax.parse(key.value);
        if (serial.isEmpty() || serial.getAsInt() <= 0) {
            throw new ConnectArgumentException("credential '" + TLS_KEY
                    + "' is not a key serial number (a positive decimal or 0x hex number)");
        }
        return serial.getAsInt();
    }

    private static Optional<Secret> readOne(Path dir, String name) throws IOException, ConnectArgumentException {
        Path file = dir.resolve(name);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IOException("credential '" + name + "' (" + file + "): cannot read: " + reason(e), e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new ConnectArgumentException("credential '" + name + "' is longer than " + MAX_BYTES + " bytes");
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        text = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        String problem = text.isEmpty() ? "is empty"
                : text.indexOf(',') >= 0 ? "contains ',', which separates the kernel's options"
                : !text.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)
                        ? "contains a space, a line break or a character that is not printable ASCII"
                : null;
        if (problem != null) {
            throw new ConnectArgumentException("credential '" + name + "' " + problem);
        }
        return Optional.of(new Secret(name, text));
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getClass().getSimpleName();
    }

    /** A secret value with the name of its credential. Prints as {@code <secret>}. */
    public static final class Secret {
        private final String name;
        private final String value;

        Secret(String name, String value) {
            this.name = Objects.requireNonNull(name, "name");
            this.value = Objects.requireNonNull(value, "value");
        }

        /** The credential's name, e.g. {@code dhchap-secret}. */
        public String name() {
            return name;
        }

        @Override
        public String toString() {
            return "<secret>";
        }
    }
}
