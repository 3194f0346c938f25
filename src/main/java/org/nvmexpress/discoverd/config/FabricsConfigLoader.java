package org.nvmexpress.discoverd.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.nvmexpress.discoverd.ini.CappedDiagnostics;
import org.nvmexpress.discoverd.ini.Diagnostic;
import org.nvmexpress.discoverd.ini.IniReadException;
import org.nvmexpress.discoverd.ini.IniReader;
import org.nvmexpress.discoverd.ini.ReadBudget;
import org.nvmexpress.discoverd.tid.InvalidTransportIdException;
import org.nvmexpress.discoverd.tid.Role;

/**
 * Loads the shared fabrics configuration: the main file and its drop-ins (reference §8.2), each
 * parsed on its own, then the persona rules across files and the cascade (§8.6).
 *
 * <p>Where we differ from libnvme on purpose: a file with an error is left out <em>on its own</em>.
 * A broken drop-in never disables the main file, and a broken main file never disables a valid
 * persona drop-in; every error is reported. (libnvme fails the whole load.)
 *
 * <p>What one load may take is bounded, so a hostile or runaway directory cannot exhaust the
 * daemon's memory at start-up or on reload: each file at most 1 MiB ({@link IniReader#MAX_BYTES}),
 * all files together {@link #MAX_TOTAL_BYTES} (a file that does not fit is refused with an error),
 * at most {@link #MAX_DROP_INS} drop-ins (the first in byte order; one error names how many were
 * left out), and at most {@link CappedDiagnostics#PER_FILE} findings kept per file and stage.
 */
public final class FabricsConfigLoader {
    /** The main file's path on a host; {@code --root} prefixes it. */
    public static final String DEFAULT_PATH = "/etc/nvme/nvme-fabrics.conf";
    /**
     * How the warning about a connection left out for an address that makes no TID begins: the one
     * warning that drops a connection, so the daemon reports it with the errors.
     */
    public static final String CONNECTION_SKIPPED = "connection skipped: ";
    /** Drop-ins read, the first in byte order of their names. */
    static final int MAX_DROP_INS = 1024;
    /** Bytes of the main file and its drop-ins together: four files at their limit. */
    static final long MAX_TOTAL_BYTES = 4L * IniReader.MAX_BYTES;

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
        ReadBudget budget = new ReadBudget(MAX_TOTAL_BYTES);
        for (Path path : paths) {
            boolean isMain = path == mainFile;
            FabricsFile file = read(path, isMain, budget, files, diagnostics);
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
            CappedDiagnostics skipped = new CappedDiagnostics(file.file());
            for (ResolvedConnection c : cascade.resolve(file)) {
                if (usable(c, skipped)) {
                    connections.add(c);
                }
            }
            diagnostics.addAll(skipped.toList());
        }
        return new FabricsConfig(files, rejected, diagnostics, connections,
                cascade.base(main, Role.DC), cascade.base(main, Role.IOC));
    }

    /** One file, or {@code null} when it is missing (not an error) or has an error (reported). */
    private static FabricsFile read(Path path, boolean isMain, ReadBudget budget, List<String> files,
            List<Diagnostic> diagnostics) {
        try {
            FabricsFileParser.Parsed parsed = FabricsFileParser.parse(IniReader.read(path, path.toString(), budget));
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
     * {@code alphasort} in the service's C locale), the first {@link #MAX_DROP_INS} of them. A
     * missing directory means none. Only that many names are held while listing, however many the
     * directory has.
     */
    static List<Path> dropIns(Path dir, List<Diagnostic> diagnostics) {
        PriorityQueue<DropIn> first = new PriorityQueue<>(Comparator.reverseOrder());
        int seen = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.endsWith(".conf") && name.length() > ".conf".length()) {
                    seen++;
                    first.add(new DropIn(entry, name.getBytes(StandardCharsets.UTF_8)));
                    if (first.size() > MAX_DROP_INS) {
                        first.poll();
                    }
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (NotDirectoryException e) {
            diagnostics.add(Diagnostic.error(dir.toString(), 0, "is not a directory: no drop-ins read"));
            return List.of();
        } catch (IOException | DirectoryIteratorException e) {
            String why = e instanceof DirectoryIteratorException d ? d.getCause().getMessage() : e.getMessage();
            diagnostics.add(Diagnostic.error(dir.toString(), 0, "cannot list drop-ins: " + why));
            return List.of();
        }
        List<DropIn> sorted = new ArrayList<>(first);
        sorted.sort(Comparator.naturalOrder());
        if (seen > MAX_DROP_INS) {
            diagnostics.add(Diagnostic.error(dir.toString(), 0, seen + " drop-ins, more than the " + MAX_DROP_INS
                    + " read: the " + (seen - MAX_DROP_INS) + " after "
                    + sorted.get(sorted.size() - 1).path().getFileName() + " in byte order are left out"));
        }
        return sorted.stream().map(DropIn::path).toList();
    }

    /** A drop-in and its name's bytes, ordered by those bytes as unsigned values. */
    private record DropIn(Path path, byte[] name) implements Comparable<DropIn> {
        @Override
        public int compareTo(DropIn other) {
            return Arrays.compareUnsigned(name, other.name);
        }
    }

    /** A connection whose addresses cannot form a TID is reported and left out. */
    private static boolean usable(ResolvedConnection c, CappedDiagnostics diagnostics) {
        try {
            c.tid();
            return true;
        } catch (InvalidTransportIdException e) {
            diagnostics.add(Diagnostic.warning(c.file(), c.line(), CONNECTION_SKIPPED + e.getMessage()));
            return false;
        }
    }
}
