package org.nvmexpress.discoverd.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.nvmexpress.discoverd.ini.Diagnostic;

/**
 * Writes {@code nvme-discoverd.conf} texts into a test's directory and reads them as the daemon
 * does, naming the file {@code d.conf} in findings.
 */
final class DaemonConfigFiles {
    private final Path dir;

    DaemonConfigFiles(Path dir) {
        this.dir = dir;
    }

    DaemonConfigReader.Result read(String text) throws IOException {
        return DaemonConfigReader.read(Files.writeString(dir.resolve("nvme-discoverd.conf"), text), "d.conf");
    }

    /** {@code key = value} on line 2, after the header of {@code section}. */
    DaemonConfigReader.Result readIn(String section, String key, String value) throws IOException {
        return read("[" + section + "]\n" + key + " = " + value + "\n");
    }

    /** {@code key = value} on line 2, in the section upstream's current layout puts the key in. */
    DaemonConfigReader.Result readInItsSection(String key, String value) throws IOException {
        return readIn(DaemonConfigKey.named(key).orElseThrow().section.header, key, value);
    }

    /** The findings as the daemon logs them, without severity (tests check that where it matters). */
    static List<String> messages(DaemonConfigReader.Result result) {
        return result.diagnostics().stream().map(Diagnostic::withoutSeverity).toList();
    }

    /** Reads {@code key = value} in its section and expects it rejected, as an error, with the default kept. */
    void assertRejected(String key, String value) throws IOException {
        DaemonConfigReader.Result result = readInItsSection(key, value);
        assertThat(result.config()).isEqualTo(DaemonConfig.DEFAULTS);
        assertThat(result.diagnostics()).singleElement().satisfies(d -> assertThat(d.isError()).isTrue());
        assertThat(messages(result)).singleElement(STRING)
                .startsWith("d.conf:2: invalid value for '" + key + "', ignored: '");
    }
}
