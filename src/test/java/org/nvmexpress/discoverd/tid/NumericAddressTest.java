package org.nvmexpress.discoverd.tid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** glibc's inet_pton/inet_ntop, reproduced: examples, properties, and a differential run against glibc. */
final class NumericAddressTest {

    @ParameterizedTest
    @CsvSource({
        "2001:db8:0:0:0:0:0:1, 2001:db8::1", "0:0:0:0:0:0:0:0, ::", "::ffff:0102:0304, ::ffff:1.2.3.4",
        "::1.2.3.4, ::1.2.3.4", "2001:DB8::A:0:0:1, 2001:db8::a:0:0:1", "FE80:0::A%eth0, fe80::a%eth0",
        "::0.0.0.1, ::1", "::ffff:0:0, ::ffff:0.0.0.0", "0:0:0:0:0:1:0:0, ::1:0:0", "1:0:0:2:0:0:0:3, 1:0:0:2::3",
        "1:0:0:1:0:0:1:0, 1::1:0:0:1:0", "::1:0:0:0:0:0:0, 0:1::", "1::, 1::", "::, ::", "::1, ::1", "::2, ::2",
        "10.0.0.1%eth0, 10.0.0.1", "0.0.0.0, 0.0.0.0", "255.255.255.255, 255.255.255.255", "fe80::1%, fe80::1%",
    })
    void canonicalSpellingMatchesGlibc(String given, String canonical) {
        assertThat(NumericAddress.canonicalise(given)).contains(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"01.2.3.4", "1.2.3", "1.2.3.4.5", "256.1.1.1", "0x1.2.3.4", " 1.2.3.4", "1.2.3.4 ", "1..2.3",
        "", ":1::", "1:::2", "1::2::3", "12345::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8::",
        "::1:2:3:4:5:6:7:8", "::1.2.3.04", "1:2:3:4:5:6:7:1.2.3.4", "g::1", "host.example.com", "1:", ":", "::1.2.3",
        "١.٢.٣.٤", "%eth0"})
    void nonNumericTextIsRejected(String text) {
        assertThat(NumericAddress.parse(text)).isEmpty();
    }

    @Test
    void addressPartMustBeShorterThan46Characters() {
        String longest = "0000:0000:0000:0000:0000:ffff:255.255.255.255";
        assertThat(longest).hasSize(45);
        assertThat(NumericAddress.canonicalise(longest + "%a-long-interface-name")).contains("::ffff:255.255.255.255%a-long-interface-name");
        assertThat(NumericAddress.parse("0" + longest)).isEmpty();
    }

    @Test
    void sameAddressIgnoresScopeAndMapsIpv4() {
        NumericAddress v4 = NumericAddress.parse("1.2.3.4").orElseThrow();
        NumericAddress mapped = NumericAddress.parse("::FFFF:1.2.3.4").orElseThrow();
        assertThat(v4.sameAddress(mapped)).isTrue();
        assertThat(mapped.sameAddress(v4)).isTrue();
        assertThat(v4).isNotEqualTo(mapped);
        assertThat(NumericAddress.parse("fe80::1%eth0").orElseThrow().sameAddress(NumericAddress.parse("FE80:0:0::1").orElseThrow()))
                .isTrue();
        assertThat(v4.sameAddress(NumericAddress.parse("1.2.3.5").orElseThrow())).isFalse();
        assertThat(NumericAddress.parse("::1.2.3.4").orElseThrow().sameAddress(v4)).as("compatible is not mapped").isFalse();
    }

    @Property
    void anyIpv6RendersAndParsesBackToTheSameBytes(@ForAll @Size(16) byte[] bytes) {
        String text = new NumericAddress(bytes, null).canonical();
        assertThat(NumericAddress.parse(text).orElseThrow().bytes()).isEqualTo(bytes);
        assertThat(NumericAddress.canonicalise(text)).contains(text);
    }

    @Property
    void anyIpv4RendersAndParsesBackToTheSameBytes(@ForAll @Size(4) byte[] bytes) {
        String text = new NumericAddress(bytes, null).canonical();
        assertThat(NumericAddress.parse(text).orElseThrow().bytes()).isEqualTo(bytes);
    }

    @Property
    void canonicalisationIsIdempotent(@ForAll("spellings") String text) {
        String once = NumericAddress.canonicalise(text).orElseThrow();
        assertThat(NumericAddress.canonicalise(once)).contains(once);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> spellings() {
        return net.jqwik.api.Arbitraries.longs().map(seed -> spelling(new Random(seed)));
    }

    /**
     * Differential test against glibc itself, through python3's socket.inet_pton/inet_ntop: thousands
     * of spellings of random addresses plus mutated garbage, one python process, compared line by line.
     */
    @Test
    void agreesWithGlibcOnRandomSpellingsAndGarbage(@TempDir Path dir) throws IOException, InterruptedException {
        assumeThat(onPath("python3")).as("python3 not on PATH: glibc differential test skipped").isTrue();
        Random random = new Random(20261124);
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            inputs.add(spelling(random));
            inputs.add(mutate(spelling(random), random));
        }
        Path in = Files.write(dir.resolve("in"), inputs, StandardCharsets.UTF_8);
        Process python = new ProcessBuilder("python3", "-c", String.join("\n",
                "import socket, sys",
                "for line in open(sys.argv[1], encoding='utf-8').read().split('\\n')[:-1]:",
                "    out = 'invalid'",
                "    for fam in (socket.AF_INET, socket.AF_INET6):",
                "        try:",
                "            out = socket.inet_ntop(fam, socket.inet_pton(fam, line)); break",
                "        except (OSError, ValueError): pass",
                "    print(out)"), in.toString()).redirectErrorStream(true).start();
        List<String> glibc = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(glibc).hasSameSizeAs(inputs);
        int valid = 0;
        for (int i = 0; i < inputs.size(); i++) {
            String ours = inputs.get(i).contains("%") || inputs.get(i).length() >= 46 ? null
                    : NumericAddress.canonicalise(inputs.get(i)).orElse("invalid");
            if (ours != null) {
                assertThat(ours).as("input '%s'", inputs.get(i)).isEqualTo(glibc.get(i));
                valid += ours.equals("invalid") ? 0 : 1;
            }
        }
        assertThat(valid).as("the generator produces plenty of valid addresses").isGreaterThan(3000);
    }

    /** A random address in one of many spellings: expanded, upper case, leading zeros, ::, IPv4 tails. */
    private static String spelling(Random r) {
        if (r.nextInt(5) == 0) {
            return r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256);
        }
        int[] groups = new int[8];
        for (int g = 0; g < 8; g++) {
            groups[g] = r.nextInt(3) == 0 ? 0 : r.nextInt(4) == 0 ? 0xffff : r.nextInt(0x10000) >> r.nextInt(16);
        }
        boolean v4Tail = r.nextInt(4) == 0;
        StringBuilder s = new StringBuilder();
        for (int g = 0; g < (v4Tail ? 6 : 8); g++) {
            String hex = Integer.toHexString(groups[g]);
            hex = r.nextBoolean() ? hex : "0000".substring(Math.min(4, hex.length())) + hex;
            s.append(g == 0 ? "" : ":").append(r.nextBoolean() ? hex.toUpperCase() : hex);
        }
        if (v4Tail) {
            s.append(':').append(r.nextInt(256)).append('.').append(r.nextInt(256)).append('.').append(r.nextInt(256))
                    .append('.').append(r.nextInt(256));
        }
        String text = s.toString();
        return r.nextBoolean() ? text.replaceFirst("(^|:)(0{1,4}:)+0{1,4}(?=:|$)", "::").replace(":::", "::") : text;
    }

    private static String mutate(String s, Random r) {
        String alphabet = "0123456789abcdefABCDEF:.x";
        StringBuilder b = new StringBuilder(s);
        for (int n = r.nextInt(3) + 1; n > 0; n--) {
            int at = r.nextInt(b.length() + 1);
            switch (r.nextInt(3)) {
                case 0 -> b.insert(at, alphabet.charAt(r.nextInt(alphabet.length())));
                case 1 -> { if (at < b.length()) { b.deleteCharAt(at); } }
                default -> { if (at < b.length()) { b.setCharAt(at, alphabet.charAt(r.nextInt(alphabet.length()))); } }
            }
        }
        return b.toString();
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
