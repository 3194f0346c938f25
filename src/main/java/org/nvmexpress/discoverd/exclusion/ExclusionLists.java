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
 * never blocks a connection) and ignores invalid entries (a typo never excludes anything). For many
 * connections at once, {@link #snapshot()} reads the lists once and {@link #changedSince} tells,
 * with a {@code stat} per file, when to read them again. Writing
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
     * treated as empty and reported in {@link MatchResult#skipped()}. Reads every list: to match
     * many connections, take one {@link #snapshot()}.
     */
    public MatchResult match(TransportId connection) {
        Objects.requireNonNull(connection, "connection");
        return snapshot().match(connection);
    }

    /**
     * Reads every list once: their valid entries and the files that could not be read, as
     * {@link #match} would see them now. Never throws for a file's sake.
     */
    public ExclusionSnapshot snapshot() {
        Listing listing = listing();
        // Stat before reading: a change that lands after the stat shows in changedSince, never lost.
        List<FileStamp> stamps = listing.stamps();
        ExclusionSnapshot.Builder snapshot = new ExclusionSnapshot.Builder();
        snapshot.skip(listing.problems());
        for (ListFile list : listing.files()) {
            Optional<byte[]> content;
            try {
                content = ListFiles.read(list.path());
            } catch (ExclusionException e) {
                snapshot.skip(e.problems());
                continue;
            }
            if (content.isEmpty()) {
                continue;
            }
            for (ListLine line : ListText.parse(content.get()).entryLines()) {
                ExclusionEntry.tryParse(line.value()).ifPresent(entry -> snapshot.add(list.path(), line.number(), entry));
            }
        }
        return snapshot.build(stamps);
    }

    /**
     * Whether a list was added, removed or changed since {@code snapshot} was taken, so that it is
     * worth taking a new one. Costs a listing of the drop-in directory and a {@code stat} per list;
     * reads and parses nothing. A replaced file has a new inode and an edited or chmod-ed one a new
     * ctime; only an in-place rewrite to the same size within one tick of the file system's
     * timestamp clock can go unnoticed (until the next change). A snapshot of another root has
     * always changed.
     */
    public boolean changedSince(ExclusionSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        return !listing().stamps().equals(snapshot.stamps());
    }

    /**
     * The lists in match order, and the drop-in directory's problem when it could not be listed
     * (only the default list then).
     */
    private record Listing(List<ListFile> files, List<Diagnostic> problems) {
        List<FileStamp> stamps() {
            List<FileStamp> stamps = new ArrayList<>();
            problems.forEach(p -> stamps.add(FileStamp.failed(Path.of(p.file()), p.message())));
            files.forEach(f -> stamps.add(FileStamp.of(f.path())));
            return stamps;
        }
    }

    private Listing listing() {
        try {
            return new Listing(lists(), List.of());
        } catch (ExclusionException e) {
            return new Listing(mainOnly(), e.problems());
        }
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
