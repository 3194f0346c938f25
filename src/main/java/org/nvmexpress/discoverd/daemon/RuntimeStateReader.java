package org.nvmexpress.discoverd.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nvmexpress.discoverd.ini.Diagnostic;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * Reads the {@link RuntimeState} under a root (reference §9): one listing of
 * {@code run/nvme/discoverd/controllers} and one of {@code run/nvme/discoverd/units}, never a look-up
 * per candidate.
 *
 * <p>The files are written with plain shell redirection, so a crash can leave them empty or torn:
 * as in the C daemon ({@code state_read_line}: first line, at most 255 characters), unreadable,
 * empty or malformed content counts as absent, and so does a name that is not {@code nvmeN} (for
 * {@code controllers/}) or not a unit stem (for {@code units/}); each is reported as a diagnostic.
 * Hidden names are skipped silently. A missing directory is an empty state. Never throws.
 *
 * <p>Blocking file I/O: call it off the loop.
 */
public final class RuntimeStateReader {
    /** The runtime directory of both daemons, under the root (contract). */
    public static final String DIRECTORY = "run/nvme/discoverd";
    /** The C daemon's line buffer holds 255 characters and the NUL. */
    static final int MAX_LINE = 255;
    private static final String DEVID_SUFFIX = ".devid";

    private RuntimeStateReader() {
    }

    public static RuntimeState read(Path root) {
        Path dir = root.resolve(DIRECTORY);
        List<Diagnostic> diagnostics = new ArrayList<>();
        Map<DeviceName, UnitName> units = new LinkedHashMap<>();
        Map<DeviceName, Instant> written = new LinkedHashMap<>();
        for (Path entry : list(dir.resolve("controllers"), diagnostics)) {
            String name = entry.getFileName().toString();
            if (!DeviceName.isValid(name)) {
                diagnostics.add(Diagnostic.warning(entry.toString(), 0, "not a device name (nvmeN), skipped"));
                continue;
            }
            Path file = entry.resolve("unit");
            readUnit(file, diagnostics).ifPresent(unit -> {
                DeviceName device = new DeviceName(name);
                units.put(device, unit);
                modified(file).ifPresent(time -> written.put(device, time));
            });
        }
        Map<UnitName, DeviceName> devids = new LinkedHashMap<>();
        for (Path file : list(dir.resolve("units"), diagnostics)) {
            String name = file.getFileName().toString();
            Optional<UnitName> unit = devidUnit(name);
            if (unit.isEmpty()) {
                diagnostics.add(Diagnostic.warning(file.toString(), 0, "not a unit's devid file, skipped"));
                continue;
            }
            readDevice(file, diagnostics).ifPresent(device -> devids.put(unit.get(), device));
        }
        return new RuntimeState(units, devids, written, diagnostics);
    }

    /** The entries of {@code dir}, hidden ones left out, sorted by name so results are stable. */
    /**
     * The unit {@code controllers/<device>/unit} names, read by the same rules as {@link #read}
     * (absent when missing, unreadable, empty or not a unit name): for one device that just
     * appeared, without listing the directory.
     */
    static Optional<UnitName> unitOf(Path root, DeviceName device) {
        return readUnit(root.resolve(DIRECTORY).resolve("controllers").resolve(device.value()).resolve("unit"),
                new ArrayList<>());
    }

    private static List<Path> list(Path dir, List<Diagnostic> diagnostics) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (!entry.getFileName().toString().startsWith(".")) {
                    out.add(entry);
                }
            }
        } catch (NoSuchFileException e) {
            return out;
        } catch (NotDirectoryException e) {
            diagnostics.add(Diagnostic.warning(dir.toString(), 0, "not a directory, ignored"));
        } catch (IOException e) {
            diagnostics.add(Diagnostic.warning(dir.toString(), 0, "cannot list: " + reason(e)));
        }
        out.sort(null);
        return out;
    }

    private static Optional<UnitName> readUnit(Path file, List<Diagnostic> diagnostics) {
        Optional<String> line = firstLine(file, diagnostics);
        if (line.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new UnitName(line.get()));
        } catch (IllegalArgumentException e) {
            diagnostics.add(Diagnostic.warning(file.toString(), 1, "not an nvme-discoverd unit name: '"
                    + printable(line.get()) + "', ignored"));
            return Optional.empty();
        }
    }

    private static Optional<DeviceName> readDevice(Path file, List<Diagnostic> diagnostics) {
        Optional<String> line = firstLine(file, diagnostics);
        if (line.isPresent() && !DeviceName.isValid(line.get())) {
            diagnostics.add(Diagnostic.warning(file.toString(), 1, "not a device name (nvmeN): '"
                    + printable(line.get()) + "', ignored"));
            return Optional.empty();
        }
        return line.map(DeviceName::new);
    }

    /** {@code nvme-discoverd-<12 hex>.devid} as its unit. */
    private static Optional<UnitName> devidUnit(String fileName) {
        if (!fileName.endsWith(DEVID_SUFFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new UnitName(fileName.substring(0, fileName.length() - DEVID_SUFFIX.length())
                    + ".service"));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The first line without its newline; empty (and reported, except when the file is missing)
     * when it cannot be read, is empty, or is longer than {@value #MAX_LINE} characters.
     */
    static Optional<String> firstLine(Path file, List<Diagnostic> diagnostics) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes(MAX_LINE + 2);
        } catch (NoSuchFileException e) {
            diagnostics.add(Diagnostic.warning(file.toString(), 0, "missing, ignored"));
            return Optional.empty();
        } catch (IOException e) {
            diagnostics.add(Diagnostic.warning(file.toString(), 0, "cannot read: " + reason(e) + ", ignored"));
            return Optional.empty();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline);
        if (line.isEmpty()) {
            diagnostics.add(Diagnostic.warning(file.toString(), 0, "empty, ignored"));
            return Optional.empty();
        }
        if (line.length() > MAX_LINE) {
            diagnostics.add(Diagnostic.warning(file.toString(), 1, "line longer than " + MAX_LINE
                    + " characters, ignored"));
            return Optional.empty();
        }
        return Optional.of(line);
    }

    private static Optional<Instant> modified(Path file) {
        try {
            return Optional.of(Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String printable(String text) {
        return text.replace("\r", "\\r").replace("\0", "\\0");
    }

    static String reason(IOException e) {
        return e.getMessage() != null ? e.getClass().getSimpleName() + ": " + e.getMessage()
                : e.getClass().getSimpleName();
    }
}
