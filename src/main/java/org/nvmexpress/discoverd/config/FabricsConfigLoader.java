package org.nvmexpress.discoverd.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nvmexpress.discoverd.ini.Diagnostic;
import org.nvmexpress.discoverd.ini.IniReadException;
import org.nvmexpress.discoverd.ini.IniReader;
import org.nvmexpress.discoverd.tid.InvalidTransportIdException;
import org.nvmexpress.discoverd.tid.Role;

/**
 * Loads the shared fabrics configuration: the main file and its drop-ins (reference §8.2), each
 * parsed on its own, then the persona rules across files and the cascade (§8.6).
 *
 * <p>Where we differ from libnvme on purpose: a file with an error is left out <em>on its own</em>.
 * A broken drop-in never disables the main file, and a broken main file never disables a valid
 * persona drop-in; every error is reported. (libnvme fails the whole load.)
 */
public final class FabricsConfigLoader {
    /** The main file's path on a host; {@code --root} prefixes it. */
    public static final String DEFAULT_PATH = "/etc/nvme/nvme-fabrics.conf";
    /**
     * How the warning about a connection left out for an address that makes no TID begins: the one
     * warning that drops a connection, so the daemon reports it with the errors.
     */
    public static final String CONNECTION_SKIPPED = "connection skipped: ";

    private FabricsConfigLoader() {
    }

    /** Loads {@code mainFile} and the drop-ins in {@code mainFile + ".d/"}. Never throws for bad input. */
    public static FabricsConfig load(Path mainFile) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<String> files = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        PersonaRules personas = new PersonaRules();
        FabricsFile main = null;
        List<FabricsFile> accepted = new ArrayList<>();

        List<Path> paths = new ArrayList<>();
        paths.add(mainFile);
        paths.addAll(dropIns(Path.of(mainFile + ".d"), diagnostics));
        for (Path path : paths) {
            boolean isMain = path == mainFile;
            FabricsFile file = read(path, isMain, files, diagnostics);
            if (file == null) {
                // Listed as read only when something was reported about it (a missing main file is
                // silently empty): then it is left out because of that error.
                if (files.contains(path.toString())) {
                    rejected.add(path.toString());
                }
                continue;
            }
            List<Diagnostic> collisions = personas.check(file, isMain);
            if (!collisions.isEmpty()) {
                diagnostics.addAll(collisions);
                rejected.add(path.toString());
                continue;
            }
            accepted.add(file);
            if (isMain) {
                main = file;
            }
        }
        return resolve(main, accepted, files, rejected, diagnostics);
    }

    /** The connections of the accepted files after the cascade, and the top-level scopes. */
    private static FabricsConfig resolve(FabricsFile main, List<FabricsFile> accepted, List<String> files,
            List<String> rejected, List<Diagnostic> diagnostics) {
        Cascade cascade = new Cascade(main);
        List<ResolvedConnection> connections = new ArrayList<>();
        for (FabricsFile file : accepted) {
            for (ResolvedConnection c : cascade.resolve(file)) {
                if (usable(c, diagnostics)) {
                    connections.add(c);
                }
            }
        }
        return new FabricsConfig(files, rejected, diagnostics, connections,
                cascade.base(main, Role.DC), cascade.base(main, Role.IOC));
    }

    /** One file, or {@code null} when it is missing (not an error) or has an error (reported). */
    private static FabricsFile read(Path path, boolean isMain, List<String> files, List<Diagnostic> diagnostics) {
        try {
            FabricsFileParser.Parsed parsed = FabricsFileParser.parse(IniReader.read(path));
            files.add(path.toString());
            diagnostics.addAll(parsed.diagnostics());
            return parsed.hasErrors() ? null : parsed.file();
        } catch (IniReadException e) {
            if (e.reason() != IniReadException.Reason.MISSING || !isMain) {
                files.add(path.toString());
                diagnostics.add(e.diagnostic());
            }
            return null;
        }
    }

    /**
     * The drop-ins: names ending in {@code .conf} with a non-empty stem, in byte order (upstream's
     * {@code alphasort} in the service's C locale). A missing directory means none.
     */
    static List<Path> dropIns(Path dir, List<Diagnostic> diagnostics) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.endsWith(".conf") && name.length() > ".conf".length()) {
                    out.add(entry);
                }
            }
        } catch (NoSuchFileException e) {
            return out;
        } catch (NotDirectoryException e) {
            diagnostics.add(Diagnostic.error(dir.toString(), 0, "is not a directory: no drop-ins read"));
            return out;
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error(dir.toString(), 0, "cannot list drop-ins: " + e.getMessage()));
            return out;
        }
        out.sort((a, b) -> Arrays.compareUnsigned(bytes(a), bytes(b)));
        return out;
    }

    private static byte[] bytes(Path p) {
        return p.getFileName().toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A connection whose addresses cannot form a TID is reported and left out. */
    private static boolean usable(ResolvedConnection c, List<Diagnostic> diagnostics) {
        try {
            c.tid();
            return true;
        } catch (InvalidTransportIdException e) {
            diagnostics.add(Diagnostic.warning(c.file(), c.line(), CONNECTION_SKIPPED + e.getMessage()));
            return false;
        }
    }
}
