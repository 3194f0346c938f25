package org.nvmexpress.discoverd.ini;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

final class IniReaderPropertyTest {
    private static Path dir;

    @BeforeContainer
    static void createDir() throws IOException {
        dir = Files.createTempDirectory("ini-property");
    }

    @AfterContainer
    static void removeDir() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    @Property(tries = 300)
    void randomBytesEitherReadOrFailWithOurError(@ForAll @Size(max = 4096) byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve("soup.conf"), bytes);
        try {
            IniDocument doc = IniReader.read(file, "soup.conf");
            assertThat(doc.lines()).allSatisfy(line -> assertThat(line.line()).isPositive());
        } catch (IniReadException e) {
            assertThat(e.diagnostic().file()).isEqualTo("soup.conf");
        }
    }

    @Property
    void everyLineKeepsItsNumberAndOrder(@ForAll @StringLength(max = 2000) String text) {
        IniDocument doc = IniReader.parse("t.conf", text);
        int previous = 0;
        for (IniLine line : doc.lines()) {
            assertThat(line.line()).isGreaterThan(previous);
            previous = line.line();
        }
        assertThat(previous).isLessThanOrEqualTo(text.split("\n", -1).length);
    }
}
