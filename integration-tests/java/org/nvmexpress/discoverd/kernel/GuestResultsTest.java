package org.nvmexpress.discoverd.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The host reads back exactly what the guest's checks reported, whatever else is on the console. */
final class GuestResultsTest {
    private static String reported(String check, Map<String, String> results) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        GuestReport report = new GuestReport(check, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        results.forEach(report::put);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void parseFindsResultsAmongConsoleNoise() {
        String console = "\u001bc\u001b[?7l\u001b[2J\r\nguest-init: kernel 6.1.0-56-amd64\r\n"
                + "RESULT dc.state=live\r\n[    3.1] nvme nvme0: new ctrl\r\n"
                + " RESULT dc.indented=ignored\r\nRESULT dc.outcome=completed\r\nGUEST-EXIT=0\r\n";
        assertThat(GuestResults.parse(console).of("dc")).containsExactly(
                Map.entry("state", "live"), Map.entry("outcome", "completed"));
    }

    @Test
    void reportAndParseKeepLineBreaksAndBackslashes() {
        String value = "line one\nline\\two\r";
        String console = reported("io", Map.of("text", value)) + reported("io", Map.of("outcome", "completed"));
        assertThat(console).hasLineCount(2);
        assertThat(GuestResults.parse(console).of("io")).containsEntry("text", value);
    }

    @Test
    void ofAnUnreportedCheckNamesWhatWasReported() {
        GuestResults results = GuestResults.parse("RESULT dc.outcome=completed\n");
        assertThatThrownBy(() -> results.of("io")).isInstanceOf(AssertionError.class)
                .hasMessage("the guest reported nothing for check 'io'; reported: [dc]");
    }

    @Test
    void ofACheckThatThrewGivesItsError() {
        GuestResults results = GuestResults.parse("RESULT dc.device=nvme0\n"
                + "RESULT dc.error=java.io.IOException: /dev/nvme-fabrics: Connection refused\nRESULT dc.outcome=threw\n");
        assertThatThrownBy(() -> results.of("dc")).isInstanceOf(AssertionError.class)
                .hasMessage("guest check 'dc' did not complete: java.io.IOException: /dev/nvme-fabrics: Connection refused;"
                        + " results {device=nvme0, error=java.io.IOException: /dev/nvme-fabrics: Connection refused, outcome=threw}");
    }

    @Test
    void ofACheckWithoutOutcomeSaysSo() {
        GuestResults results = GuestResults.parse("RESULT dc.device=nvme0\n");
        assertThatThrownBy(() -> results.of("dc")).isInstanceOf(AssertionError.class)
                .hasMessage("guest check 'dc' did not complete: no outcome reported; results {device=nvme0}");
    }

    @Test
    void reportRejectsAKeyThatCannotBeParsedBack() {
        GuestReport report = new GuestReport("dc", new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThatThrownBy(() -> report.put("a=b", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("result key 'a=b' is not letters, digits, '-', '_' and dots");
    }
}
