package org.nvmexpress.discoverd.sim.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever a fabric file holds, reading it reports a bounded number of problems with bounded
 * messages, and does work linear in its size: the reader's count of nodes looked at
 * ({@link FabricFile.Reading#visits()}) is bounded by the text's length, and doubling a file's
 * repeated part at most doubles it. Counted, never timed.
 */
final class FabricFilePropertyTest {
    /** Nodes looked at per character of text: an object of {@code n} keys is at least 2 + 4n characters. */
    private static final int VISITS_PER_CHAR = 4;
    /** Longest message line: the file name, a path of bounded depth and a bounded quote. */
    private static final int MAX_LINE = 400;

    private static final String VALID_PORT =
            "{\"name\": \"p%d\", \"transport\": \"tcp\", \"traddr\": \"10.%d.%d.1\", \"trsvcid\": \"4420\"}";

    @Property(tries = 150)
    void reportStaysBoundedAndWorkLinear(@ForAll("hostile") String text) {
        FabricFile.Reading reading = FabricFile.reading(text, "lab/fabric.json");

        assertThat(reading.visits()).isLessThanOrEqualTo((long) VISITS_PER_CHAR * text.length() + VISITS_PER_CHAR);
        if (reading.problems().isEmpty()) {
            assertThat(reading.read()).isPresent();
            return;
        }
        FabricFileException e = reading.problems().exception("lab/fabric.json");
        assertThat(e.problems()).hasSizeLessThanOrEqualTo(FabricFileException.MAX_LISTED);
        assertThat(e.total()).isLessThanOrEqualTo(text.length() + 1);
        String[] lines = e.getMessage().split("\n");
        assertThat(lines).hasSizeLessThanOrEqualTo(FabricFileException.MAX_LISTED + 1)
                .allSatisfy(line -> assertThat(line).startsWith("lab/fabric.json: ").hasSizeLessThanOrEqualTo(MAX_LINE));
    }

    @Property(tries = 60)
    void doublingTheRepeatedPartAtMostDoublesTheWork(@ForAll("fragments") String fragment,
            @ForAll @IntRange(min = 1, max = 400) int copies) {
        FabricFile.Reading once = FabricFile.reading(wrap(fragment, copies), "f.json");
        FabricFile.Reading twice = FabricFile.reading(wrap(fragment, 2 * copies), "f.json");

        assertThat(twice.visits()).isLessThanOrEqualTo(2 * once.visits() + 16);
        assertThat(twice.problems().total()).isLessThanOrEqualTo(2 * once.problems().total() + 1);
    }

    /** {@code copies} of {@code fragment} (with {@code %d} the copy's number) where each section takes them. */
    private static String wrap(String fragment, int copies) {
        String many = IntStream.range(0, copies).mapToObj(i -> fragment.replace("%d", Integer.toString(i)))
                .collect(Collectors.joining(", "));
        return "{\"ports\": [" + many + "], \"subsystems\": [" + many + "], \"discovery-controllers\": [{\"name\": \"d\","
                + " \"port\": \"p0\", \"log\": [" + many + "]}], \"changes\": [" + many + "], \"preconnected\": [" + many
                + "], \"announcements\": [" + many + "], \"browser-restarts\": [" + many + "]}";
    }

    @Provide
    Arbitrary<String> fragments() {
        return Arbitraries.oneOf(Arbitraries.of(
                "{\"name\": \"p%d\", \"transport\": \"tcp\", \"traddr\": \"10.0.0.1\", \"trsvcid\": \"1%d\"}",
                "{\"nqn\": \"n:%d\", \"ports\": [\"p%d\", \"nowhere%d\"]}", "{\"subsystem\": \"n:%d\", \"port\": \"p%d\"}",
                "{\"referral\": \"dc%d\"}", "{\"at\": \"%ds\", \"discovery-controller\": \"d\", \"log\": []}",
                "{\"k%d\": %d}", "\"%d\"", "{}", "[]", "null", "{\"self\": {\"epcsd\": %d}}",
                // Announcements of one instance that all overlap the first: one problem each; restarts one after another.
                "{\"discovery-controller\": \"d\", \"interface\": \"eth0\", \"instance\": \"i\", \"from\": \"%ds\"}",
                "{\"discovery-controller\": \"d\", \"interface\": \"e%d\", \"instance\": \"i%d\", \"from\": \"0s\","
                        + " \"until\": \"1%ds\", \"txt\": {\"p\": \"foo\", \"k%d\": \"%d\"}}",
                "{\"at\": \"%d0s\", \"back\": \"%d5s\"}", "{\"at\": \"1s\", \"back\": \"2%ds\"}"), junkObject());
    }

    @Provide
    Arbitrary<String> hostile() {
        return Arbitraries.oneOf(hugeArrays(), longStrings(), repeatedKeys(), badReferences(), manyUnknownKeys(),
                Arbitraries.strings().ofMaxLength(200));
    }

    private static Arbitrary<String> junkObject() {
        Arbitrary<String> key = Arbitraries.of("name", "nqn", "port", "ports", "log", "self", "at", "down", "x y",
                "discovery-controller", "interface", "instance", "txt", "back");
        Arbitrary<String> value = Arbitraries.of("1", "\"a1\"", "[]", "{}", "true", "\"5m\"", "[\"p0\"]");
        return Combinators.combine(key, value).as((k, v) -> "\"" + k + "\": " + v).list().ofMaxSize(6).uniqueElements()
                .map(pairs -> "{" + String.join(", ", pairs) + "}");
    }

    private Arbitrary<String> hugeArrays() {
        return Combinators.combine(fragments(), Arbitraries.integers().between(500, 3000))
                .as(FabricFilePropertyTest::wrap);
    }

    private static Arbitrary<String> longStrings() {
        return Arbitraries.integers().between(1_000, 200_000).map(n -> {
            String s = "q".repeat(n);
            return "{\"ports\": [{\"name\": \"" + s + "\", \"transport\": \"" + s + "\", \"traddr\": \"" + s
                    + "\", \"trsvcid\": \"" + s + "\", \"connect-delay\": \"" + s + "\"}], \"subsystems\": [{\"nqn\": \""
                    + s + "\", \"ports\": [\"" + s + "\"]}], \"boot\": {\"subsystem\": \"" + s + "\", \"port\": \"" + s
                    + "\", \"host-ip\": \"" + s + "\"}, \"" + s + "\": 1}";
        });
    }

    /** The same key again and again, at some depth: the first repeat ends the reading. */
    private static Arbitrary<String> repeatedKeys() {
        return Combinators.combine(Arbitraries.integers().between(2, 5000), Arbitraries.integers().between(0, 10))
                .as((n, depth) -> {
                    String repeated = "{" + String.join(", ", Collections.nCopies(n, "\"port\": \"a1\"")) + "}";
                    String nested = "{\"self\": ".repeat(depth) + repeated + "}".repeat(depth);
                    return "{\"ports\": [], \"boot\": " + nested + "}";
                });
    }

    private static Arbitrary<String> badReferences() {
        return Arbitraries.integers().between(100, 3000).map(n -> {
            String ports = IntStream.range(0, n).mapToObj(i -> "\"z" + i + "\"").collect(Collectors.joining(", "));
            String iocs = IntStream.range(0, n).mapToObj(i -> "{\"subsystem\": \"n:" + i + "\", \"port\": \"z" + i + "\"}")
                    .collect(Collectors.joining(", "));
            String referrals = IntStream.range(0, n).mapToObj(i -> "{\"referral\": \"dc" + i + "\"}")
                    .collect(Collectors.joining(", "));
            return "{\"ports\": [" + String.format(VALID_PORT, 0, 0, 0) + "], \"subsystems\": [{\"nqn\": \"n:0\", \"ports\": ["
                    + ports + "]}], \"discovery-controllers\": [{\"name\": \"d\", \"port\": \"p0\", \"log\": [" + iocs + ", "
                    + referrals + "]}], \"preconnected\": [" + iocs + "], \"changes\": [{\"at\": \"1s\","
                    + " \"discovery-controller\": \"d\", \"log\": [" + iocs + "]}], \"announcements\": [" + announcements(n)
                    + "]}";
        });
    }

    /** {@code n} announcements of controllers no file has. */
    private static String announcements(int n) {
        return IntStream.range(0, n).mapToObj(i -> "{\"discovery-controller\": \"dc" + i + "\", \"interface\": \"eth0\","
                + " \"instance\": \"i\", \"from\": \"" + i + "s\"}").collect(Collectors.joining(", "));
    }

    private static Arbitrary<String> manyUnknownKeys() {
        return Arbitraries.integers().between(100, 20_000).map(n -> "{\"ports\": [{"
                + IntStream.range(0, n).mapToObj(i -> "\"k" + i + "\": " + i).collect(Collectors.joining(", ")) + "}]}");
    }

    @Property(tries = 20)
    void validFabricsOfAnySizeRead(@ForAll @IntRange(min = 1, max = 2000) int ports) {
        String list = IntStream.range(0, ports).mapToObj(i -> String.format(VALID_PORT, i, i / 256, i % 256))
                .collect(Collectors.joining(", "));

        FabricFile.Reading reading = FabricFile.reading("{\"ports\": [" + list + "]}", "f.json");

        assertThat(reading.problems().isEmpty()).isTrue();
        assertThat(reading.read().orElseThrow().ports()).hasSize(ports).extracting(Port::name)
                .startsWith("p0").doesNotHaveDuplicates();
        assertThat(reading.visits()).isLessThanOrEqualTo(20L * ports + 4);
    }
}
