package org.nvmexpress.discoverd.sim.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.nvmexpress.discoverd.sim.fabric.FabricTexts.fabric;
import static org.nvmexpress.discoverd.sim.fabric.FabricTexts.problems;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file as a whole: JSON, the top level, the message of the exception, reading from disk. */
final class FabricFileTest {
    @Test
    void parseReadsTheSmallestFabric() {
        Fabric f = fabric("{\"ports\": []}");

        assertThat(f).isEqualTo(new Fabric(List.of(), List.of(), List.of(),
                List.of(), List.of(), Optional.empty(), List.of(), List.of()));
    }

    @Test
    void parseNeedsPortsAndKnowsEveryTopLevelKey() {
        assertThat(problems("{}")).containsExactly("ports: missing");
        assertThat(problems("{\"ports\": [], \"subsytems\": []}")).containsExactly("subsytems: unknown key; expected "
                + "ports, subsystems, discovery-controllers, changes, preconnected, boot, announcements, browser-restarts");
        assertThat(problems("[]")).containsExactly("expected an object, found an array");
        assertThat(problems("")).containsExactly("expected an object, found nothing");
        assertThat(problems("{\"ports\": {}}")).containsExactly("ports: expected an array, found an object");
    }

    @Test
    void parseRefusesTextThatIsNotJsonAtItsLineAndColumn() {
        assertThat(problems("{\"ports\": [\n  {\"name\": \"a1\",}\n]}")).singleElement().asString()
                .startsWith("line 2, column 17: not JSON: Unexpected character ('}'");
        assertThat(problems("{\"ports\": []} {}")).singleElement().asString().contains("not JSON: Trailing token");
    }

    @Test
    void parseRefusesARepeatedKeyInsteadOfKeepingTheLast() {
        assertThat(problems("{\"ports\": [], \"ports\": []}")).singleElement().asString()
                .startsWith("line 1, column 22: not JSON: Duplicate field 'ports'");
    }

    @Test
    void parseRefusesNestingDeeperThanTheFormatHas() {
        String deep = "[".repeat(FabricFile.MAX_DEPTH + 1) + "]".repeat(FabricFile.MAX_DEPTH + 1);

        assertThat(problems("{\"ports\": " + deep + "}")).singleElement().asString().contains("not JSON:")
                .contains("nesting depth");
    }

    @Test
    void exceptionNamesTheFileAndThePathOfEachProblem() {
        String text = "{\"ports\": [{\"name\": \"a1\", \"transport\": \"tcp\", \"traddr\": \"10.0.0.1\", \"trsvcid\": \"4420\"},"
                + " {\"name\": \"a2\", \"transport\": \"tcp\", \"traddr\": \"10.0.0.2\", \"trsvcid\": \"4420\"},"
                + " {\"name\": \"a3\", \"transport\": \"tcp\", \"traddr\": \"10.0.0.3\", \"trsvcid\": \"44x0\"}]}";

        assertThatThrownBy(() -> FabricFile.parse(text, "lab/fabric.json")).isInstanceOf(FabricFileException.class)
                .hasMessage("lab/fabric.json: ports[2].trsvcid: \"44x0\" is not a port number");
    }

    @Test
    void exceptionListsTwentyProblemsThenCountsTheRest() {
        String subsystems = IntStream.range(0, 25).mapToObj(i -> "{\"nqn\": \"n:" + i + "\", \"ports\": [\"p" + i + "\"]}")
                .collect(Collectors.joining(", "));

        FabricFileException e = assertThrows(FabricFileException.class,
                () -> FabricFile.parse("{\"ports\": [], \"subsystems\": [" + subsystems + "]}", "f.json"));

        assertThat(e.total()).isEqualTo(25);
        assertThat(e.problems()).hasSize(FabricFileException.MAX_LISTED);
        assertThat(e.getMessage().split("\n")).hasSize(21).startsWith("f.json: subsystems[0].ports[0]: no port is named \"p0\"")
                .endsWith("f.json: and 5 more problems");
        assertThat(e.file()).isEqualTo("f.json");
    }

    @Test
    void exceptionSaysOneMoreProblemInTheSingular() {
        FabricFileException e = new FabricFileException("f.json", Collections.nCopies(20,
                new FabricFileException.Problem("ports", "missing")), 21);

        assertThat(e.getMessage()).endsWith("\nf.json: and 1 more problem");
    }

    @Test
    void readNamesTheFileAsGiven(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("fabric.json");
        Files.writeString(file, "{\"ports\": [], \"boot\": 1}");

        assertThatThrownBy(() -> FabricFile.read(file)).isInstanceOf(FabricFileException.class)
                .hasMessage(file + ": boot: expected an object, found a number");
        Files.writeString(file, "{\"ports\": []}");
        assertThat(FabricFile.read(file).ports()).isEmpty();
    }

    @Test
    void readRefusesAMissingFileABinaryOneAndAHugeOne(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("none.json");
        assertThatThrownBy(() -> FabricFile.read(missing)).hasMessage(missing + ": no such file");
        Path binary = dir.resolve("binary.json");
        Files.write(binary, new byte[] {'{', (byte) 0xff, '}'});
        assertThatThrownBy(() -> FabricFile.read(binary)).hasMessage(binary + ": not UTF-8 text");
        Path huge = dir.resolve("huge.json");
        Files.write(huge, " ".repeat(FabricFile.MAX_BYTES + 1).getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> FabricFile.read(huge))
                .hasMessage(huge + ": larger than 1048576 bytes; no fabric file is this large");
        assertThatThrownBy(() -> FabricFile.read(dir)).isInstanceOf(FabricFileException.class)
                .hasMessageStartingWith(dir + ": cannot read: ");
    }

    @Test
    void quoteEscapesAndCutsWhatItShows() {
        assertThat(FabricJson.quote("a\"b\\c\u0001")).isEqualTo("\"a\\\"b\\\\c\\u0001\"");
        assertThat(FabricJson.quote("y".repeat(41))).isEqualTo("\"" + "y".repeat(40) + "…\"");
    }
}
