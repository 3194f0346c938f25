package org.nvmexpress.discoverd.exclusion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.nvmexpress.discoverd.ini.Diagnostic;
import org.nvmexpress.discoverd.tid.InvalidTransportIdException;
import org.nvmexpress.discoverd.tid.TidParser;
import org.nvmexpress.discoverd.tid.TransportId;

/**
 * The snapshot's indexed match gives exactly the answer of the matcher that read the files one by
 * one and scanned every entry in order (the {@code ExclusionLists.match} of before snapshots, kept
 * here as {@link #scan}): same entry, file, line and skipped files. The field values come from small
 * pools, with the spellings §11.5 treats as equal (case in FC addresses, IPv4 and its mapped IPv6
 * form, a scope), so that entries match often and through every bucket of the index.
 */
final class ExclusionSnapshotPropertyTest {
    private static final List<String> TRANSPORTS = List.of("tcp", "rdma", "fc", "loop");
    private static final List<String> TRADDRS = List.of("192.0.2.10", "::ffff:192.0.2.10", "::FFFF:c000:20a", "2001:db8::1",
            "2001:DB8:0::1%eth0", "nn-0x20000090fa000001:pn-0x10000090fa000001", "NN-0x20000090FA000001:pn-0x10000090fa000001",
            "nn-0x20000090fa000001,pn-0x10000090fa000001", "host.example", "HOST.example");
    private static final List<String> TRSVCIDS = List.of("4420", "8009");
    private static final List<String> NQNS = List.of("nqn.2024-01.com.example:vol1", "nqn.2024-01.com.example:vol2");
    private static final List<String> HOST_TRADDRS = List.of("10.0.0.1", "::ffff:10.0.0.1", "10.0.0.2",
            "nn-0x20000090fa000002:pn-0x10000090fa000002", "NN-0x20000090fa000002:PN-0x10000090fa000002");
    private static final List<String> HOST_IFACES = List.of("eth0", "eth3");
    private static final List<String> HOSTNQNS = List.of("nqn.2014-08.org.nvmexpress:uuid:h1", "nqn.2014-08.org.nvmexpress:uuid:h2");
    private static final List<String> HOSTIDS = List.of("46ba5037-7ce5-41fa-9452-48477bf00080", "46ba5037-7ce5-41fa-9452-48477bf00081");
    private static final List<String> NOISE = List.of("[other]", "[exclusions]", "# comment", "", "exclusion =", "key = value");
    private static final List<String> DROP_INS = List.of("a", "b", "c.v2");
    private static final List<String> KEYS = List.of("transport", "traddr", "trsvcid", "nqn", "host-traddr", "host-iface", "hostnqn", "hostid");
    private static final List<List<String>> POOLS = List.of(TRANSPORTS, TRADDRS, TRSVCIDS, NQNS, HOST_TRADDRS, HOST_IFACES, HOSTNQNS, HOSTIDS);

    private static Path root;

    @BeforeContainer
    static void createRoot() throws IOException {
        root = Files.createTempDirectory("exclusion-snapshot-property");
    }

    @AfterContainer
    static void removeRoot() throws IOException {
        deleteTree(root);
    }

    private static void deleteTree(Path top) throws IOException {
        if (!Files.exists(top)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(top)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * A connection's TID text: each field is left out with probability 0.3. One in four is an FC
     * connection, which a mix of all fields seldom gives (both its addresses must be FC addresses).
     */
    private static Arbitrary<String> connectionText() {
        Arbitrary<String> any = Combinators.combine(POOLS.stream().map(pool -> Arbitraries.of(pool).injectNull(0.3)).toList())
                .as(values -> text(KEYS, values));
        Arbitrary<String> fc = Combinators.combine(Arbitraries.of(TRADDRS.subList(5, 8)), Arbitraries.of(NQNS).injectNull(0.5),
                Arbitraries.of(HOSTNQNS).injectNull(0.5)).as((traddr, nqn, hostnqn) -> text(List.of("transport", "traddr", "nqn", "hostnqn"),
                        Arrays.asList("fc", traddr, nqn, hostnqn)));
        return Arbitraries.frequencyOf(Tuple.of(3, any), Tuple.of(1, fc));
    }

    /** An entry: one to three fields, so that entries often match and land in every bucket of the index. */
    private static Arbitrary<String> entryText() {
        return Arbitraries.integers().between(0, KEYS.size() - 1).set().ofMinSize(1).ofMaxSize(3).flatMap(fields -> {
            List<Integer> chosen = fields.stream().sorted().toList();
            return Combinators.combine(chosen.stream().map(i -> Arbitraries.of(POOLS.get(i))).toList())
                    .as(values -> text(chosen.stream().map(KEYS::get).toList(), values));
        });
    }

    private static String text(List<String> keys, List<String> values) {
        StringJoiner text = new StringJoiner(";");
        for (int i = 0; i < keys.size(); i++) {
            if (values.get(i) != null) {
                text.add(keys.get(i) + "=" + values.get(i));
            }
        }
        return text.toString();
    }

    /** A list's text, or {@code null} for a directory where the file should be (a skipped list). */
    private static Arbitrary<String> listText() {
        Arbitrary<String> line = Arbitraries.frequencyOf(
                Tuple.of(6, entryText().map(entry -> "exclusion = " + entry)),
                Tuple.of(1, Arbitraries.of(NOISE)));
        return line.list().ofMaxSize(12).map(lines -> "[exclusions]\n" + String.join("\n", lines) + "\n").injectNull(0.1);
    }

    @Provide
    Arbitrary<Map<String, String>> lists() {
        Arbitrary<String> name = Arbitraries.of(Stream.concat(Stream.of("default"), DROP_INS.stream()).toList());
        return Arbitraries.maps(name, listText()).ofMaxSize(4);
    }

    @Provide
    Arbitrary<List<TransportId>> connections() {
        return connectionText().map(ExclusionSnapshotPropertyTest::tryParse).filter(Optional::isPresent).map(Optional::get)
                .list().ofMinSize(1).ofMaxSize(12);
    }

    private static Optional<TransportId> tryParse(String text) {
        try {
            return Optional.of(TidParser.strict(text));
        } catch (InvalidTransportIdException e) {
            return Optional.empty(); // an address its transport does not accept: no such connection
        }
    }

    @Property(tries = 400)
    void snapshotMatchIsTheScanOfEveryFile(@ForAll("lists") Map<String, String> texts,
            @ForAll("connections") List<TransportId> connections) throws IOException {
        ExclusionLists lists = new ExclusionLists(root);
        place(lists, texts);
        ExclusionSnapshot snapshot = lists.snapshot();
        for (TransportId connection : connections) {
            MatchResult expected = scan(lists, connection);
            Statistics.label("matched by").collect(expected instanceof MatchResult.Excluded e ? bucket(e.entry().tid(), connection) : "none");
            assertThat(snapshot.match(connection)).as("%s in %s", connection, texts).isEqualTo(expected);
            assertThat(lists.match(connection)).isEqualTo(expected);
        }
    }

    /** Which way the index finds the entry: the report shows that every way is taken. */
    private static String bucket(TransportId entry, TransportId connection) {
        if (entry.nqn() != null || entry.traddr() == null) {
            return entry.nqn() != null ? "nqn" : "neither nqn nor traddr";
        }
        if ("fc".equals(connection.transport())) {
            return entry.traddr().equals(connection.traddr()) ? "fc traddr, same case" : "fc traddr, other case";
        }
        return entry.traddr().equals(connection.traddr()) ? "traddr verbatim" : "traddr as a numeric address";
    }

    private static void place(ExclusionLists lists, Map<String, String> texts) throws IOException {
        deleteTree(root.resolve("etc"));
        for (Map.Entry<String, String> list : texts.entrySet()) {
            Path file = list.getKey().equals("default") ? lists.file(ListName.DEFAULT)
                    : root.resolve("etc/nvme/exclusions.conf.d/" + list.getKey() + ".conf"); // not always a valid ListName
            Files.createDirectories(file.getParent());
            if (list.getValue() == null) {
                Files.createDirectory(file);
            } else {
                Files.writeString(file, list.getValue());
            }
        }
    }

    /** The matcher before snapshots: reads each file in match order and stops at the first entry that matches. */
    private static MatchResult scan(ExclusionLists lists, TransportId connection) {
        List<Diagnostic> skipped = new ArrayList<>();
        List<ListFile> files;
        try {
            files = lists.lists();
        } catch (ExclusionException e) {
            throw new AssertionError(e); // the generated trees always have a listable drop-in directory
        }
        for (ListFile list : files) {
            Optional<byte[]> content;
            try {
                content = ListFiles.read(list.path());
            } catch (ExclusionException e) {
                skipped.addAll(e.problems());
                continue;
            }
            for (ListLine line : content.map(c -> ListText.parse(c).entryLines()).orElse(List.of())) {
                Optional<ExclusionEntry> entry = ExclusionEntry.tryParse(line.value());
                if (entry.isPresent() && entry.get().matches(connection)) {
                    return new MatchResult.Excluded(list.path(), line.number(), entry.get(), skipped);
                }
            }
        }
        return new MatchResult.NotExcluded(skipped);
    }
}
