package org.nvmexpress.discoverd.exclusion;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.nvmexpress.discoverd.ini.CappedDiagnostics;
import org.nvmexpress.discoverd.ini.Diagnostic;
import org.nvmexpress.discoverd.tid.TransportId;

/**
 * The exclusion lists of one system (reference §11): {@code /etc/nvme/exclusions.conf} (the
 * default list) and {@code /etc/nvme/exclusions.conf.d/NAME.conf} (named lists), both under a root
 * directory ({@code /} in production, a temporary tree in tests).
 *
 * <p>Reading is fail-safe: {@link #match} re-reads every file on each call (so an edit applies to
 * the next connection attempt, with no reload), treats an unreadable file as empty (an I/O problem
 * never blocks a connection) and ignores invalid entries (a typo never excludes anything). Writing
 * is strict: {@link #add}, {@link #remove}, {@link #write}, {@link #create} and {@link #delete}
 * validate first, change the file atomically under the directory lock, and fail with an
 * {@link ExclusionException} that names the file and, for bad content, each bad line.
 */
public final class ExclusionLists {
    /** The default list, under the root. */
    public static final String MAIN_FILE = "/etc/nvme/exclusions.conf";
    /** The directory of the named lists, under the root. */
    public static final String DROP_IN_DIR = "/etc/nvme/exclusions.conf.d";

    private final Path root;

    /** The lists under {@code root}, e.g. {@code Path.of("/")}. */
    public ExclusionLists(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    /** Where list {@code name} lives; the validated name cannot leave its directory. */
    public Path file(ListName name) {
        return Objects.requireNonNull(name, "name").isDefault() ? under(MAIN_FILE) : under(DROP_IN_DIR).resolve(name.name() + ".conf");
    }

    /**
     * Whether {@code connection} is excluded: the first valid entry of the default list, then of
     * each drop-in in byte order of its name, whose fields all match (see
     * {@link ExclusionEntry#matches}). Never throws for a file's sake: what cannot be read is
     * treated as empty and reported in {@link MatchResult#skipped()}.
     */
    public MatchResult match(TransportId connection) {
        Objects.requireNonNull(connection, "connection");
        // One finding per unreadable list; capped like a file's findings, for a directory of many.
        CappedDiagnostics skipped = new CappedDiagnostics(under(DROP_IN_DIR).toString());
        List<ListFile> files;
        try {
            files = lists();
        } catch (ExclusionException e) {
            skipped.addAll(e.problems());
            files = mainOnly();
        }
        for (ListFile list : files) {
            Optional<byte[]> content;
            try {
                content = ListFiles.read(list.path());
            } catch (ExclusionException e) {
                skipped.addAll(e.problems());
                continue;
            }
            if (content.isEmpty()) {
                continue;
            }
            for (ListLine line : ListText.parse(content.get()).entryLines()) {
                Optional<ExclusionEntry> entry = ExclusionEntry.tryParse(line.value());
                if (entry.isPresent() && entry.get().matches(connection)) {
                    return new MatchResult.Excluded(list.path(), line.number(), entry.get(), skipped.toList());
                }
            }
        }
        return new MatchResult.NotExcluded(skipped.toList());
    }

    /**
     * The lists that exist, in match order: the default list, then each drop-in {@code *.conf} by
     * the bytes of its name (every one, as nvme-cli reads them, even when its name is not a valid
     * {@link ListName}).
     *
     * @throws ExclusionException when the drop-in directory exists but cannot be listed
     */
    public List<ListFile> lists() throws ExclusionException {
        List<ListFile> lists = new ArrayList<>(mainOnly());
        for (Path p : ListFiles.dropIns(under(DROP_IN_DIR))) {
            String fileName = p.getFileName().toString();
            lists.add(new ListFile(fileName.substring(0, fileName.length() - ".conf".length()), p, false));
        }
        return lists;
    }

    private List<ListFile> mainOnly() {
        Path main = under(MAIN_FILE);
        return Files.exists(main, LinkOption.NOFOLLOW_LINKS) ? List.of(new ListFile("default", main, true)) : List.of();
    }

    /**
     * The {@code exclusion = ...} lines of list {@code name} inside {@code [exclusions]}, valid or
     * not, in file order.
     *
     * @throws ExclusionException {@code NOT_FOUND} when the list does not exist, or when it cannot
     *                            be read
     */
    public List<EntryLine> entries(ListName name) throws ExclusionException {
        Path file = file(name);
        byte[] content = ListFiles.read(file).orElseThrow(() -> ListWriter.notFound(name, file));
        return entryLines(content);
    }

    /** The entry lines of a file {@link #lists()} reported; {@code NOT_FOUND} if it went away since. */
    public List<EntryLine> entries(ListFile list) throws ExclusionException {
        byte[] content = ListFiles.read(list.path()).orElseThrow(() -> ExclusionException.of(
                ExclusionException.Reason.NOT_FOUND, list.path().toString(),
                "exclusion list '" + list.name() + "' not found (" + list.path() + ")"));
        return entryLines(content);
    }

    private static List<EntryLine> entryLines(byte[] content) {
        return ListText.parse(content).entryLines().stream().map(l -> new EntryLine(l.number(), l.value())).toList();
    }

    /**
     * The whole text of list {@code name} and its version, for {@link #write}: {@code ""} and
     * version {@link ListContent#ABSENT} when the list does not exist.
     *
     * @throws ExclusionException when the file is larger than 1 MiB, not a regular file or unreadable
     */
    public ListContent read(ListName name) throws ExclusionException {
        return ListFiles.read(file(name))
                .map(bytes -> new ListContent(new String(bytes, StandardCharsets.UTF_8), ListContent.versionOf(bytes)))
                .orElse(new ListContent("", ListContent.ABSENT));
    }

    /**
     * What {@link #write} would refuse in {@code text} (errors) and what readers would silently
     * ignore inside {@code [exclusions]} (warnings), each naming {@code file} and the line: the
     * first {@link CappedDiagnostics#PER_FILE}, then {@code FILE: N more problems not shown}.
     */
    public static List<Diagnostic> check(String file, String text) {
        return ListText.parse(text).check(file);
    }

    /** The header a new list {@code name} starts with. */
    public static String header(ListName name) {
        return ListText.header(name);
    }

    /**
     * Replaces list {@code name} with {@code text} if it still has {@code expectedVersion} (as
     * {@link #read} returned it; {@link ListContent#ABSENT} to create it).
     *
     * @throws ExclusionException {@code INVALID_CONTENT} listing every bad line, {@code STALE} when
     *                            the list changed meanwhile, or an I/O reason; nothing is written
     */
    public void write(ListName name, String text, long expectedVersion) throws ExclusionException {
        ListWriter.write(name, file(name), Objects.requireNonNull(text, "text"), expectedVersion);
    }

    /**
     * Appends {@code exclusion = entry} (trimmed) to list {@code name}, creating the list with its
     * header when missing and re-opening {@code [exclusions]} when the file does not end inside it.
     *
     * @throws ExclusionException {@code INVALID_ENTRY} when the entry is not valid, or an I/O reason
     */
    public void add(ListName name, String entry) throws ExclusionException {
        ListWriter.add(name, file(name), Objects.requireNonNull(entry, "entry"));
    }

    /**
     * Removes the first entry of list {@code name} written exactly as {@code entry} (trimmed).
     *
     * @throws ExclusionException {@code NOT_FOUND} when the list or the entry does not exist
     */
    public void remove(ListName name, String entry) throws ExclusionException {
        ListWriter.remove(name, file(name), Objects.requireNonNull(entry, "entry"));
    }

    /** Creates list {@code name} with just its header; {@code ALREADY_EXISTS} if it exists. */
    public void create(ListName name) throws ExclusionException {
        ListWriter.create(name, file(name));
    }

    /** Deletes list {@code name}; {@code NOT_FOUND} if it does not exist. */
    public void delete(ListName name) throws ExclusionException {
        ListWriter.delete(name, file(name));
    }

    private Path under(String absolute) {
        return root.resolve(absolute.substring(1));
    }
}
