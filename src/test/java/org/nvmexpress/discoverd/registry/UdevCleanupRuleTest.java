package org.nvmexpress.discoverd.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code packaging/udev/70-nvmf-registry.rules} (reference §10.5), run the way udev runs it: the
 * RUN program is taken from the file, its substitutions applied and its arguments split as udev
 * does, then executed by /bin/sh against entries written by {@link Registry} under a temporary root
 * ({@code /run} and {@code /dev} in the command are redirected there, {@code /dev/null} is kept).
 */
final class UdevCleanupRuleTest {
    private static final Path RULES = Path.of("packaging/udev/70-nvmf-registry.rules");
    private static final DeviceName NVME3 = new DeviceName("nvme3");

    @TempDir
    Path root;

    private Registry registry;

    @BeforeEach
    void setUp() throws IOException {
        assumeThat(Path.of("/bin/sh")).as("/bin/sh, which udev runs the rule with").isExecutable();
        assertThat(root.toString()).as("a temporary root the shell command can hold unquoted").matches("[A-Za-z0-9/._-]+");
        registry = new Registry(root);
    }

    /** The only rule in the file: its keys, and its RUN program. */
    private static String removeRuleProgram() throws IOException {
        List<String> rules = Files.readAllLines(RULES, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();
        assertThat(rules).hasSize(1);
        assertThat(rules.get(0)).startsWith("ACTION==\"remove\", SUBSYSTEM==\"nvme\", KERNEL==\"nvme[0-9]*\", RUN+=\"");
        Matcher run = Pattern.compile("RUN\\+=\"([^\"]*)\"$").matcher(rules.get(0));
        assertThat(run.find()).as("RUN+=\"...\" at the end of %s", rules.get(0)).isTrue();
        return run.group(1);
    }

    /** Delivers a remove uevent for {@code device} with {@code seqnum} to the rule; its exit status. */
    private void remove(String device, long seqnum) throws Exception {
        String program = removeRuleProgram()
                .replace("/run/", root + "/run/")
                .replaceAll("/dev/(?!null)", root + "/dev/");
        List<String> argv = splitLikeUdev(substituteLikeUdev(program, device, Map.of("SEQNUM", Long.toString(seqnum))));
        assertThat(argv.get(0)).isEqualTo("/bin/sh");
        Process sh = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String output = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(sh.waitFor()).as(output).isZero();
        assertThat(output).as("the rule prints nothing").isEmpty();
    }

    /** udev's {@code $kernel}, {@code $env{KEY}}, {@code $$}, {@code %k}, {@code %E{KEY}}, {@code %%}. */
    static String substituteLikeUdev(String text, String kernel, Map<String, String> env) {
        StringBuilder out = new StringBuilder();
        Matcher m = Pattern.compile("\\$\\$|%%|\\$kernel|%k|\\$env\\{(\\w+)}|%E\\{(\\w+)}|[$%]").matcher(text);
        while (m.find()) {
            String token = m.group();
            String replacement = switch (token) {
                case "$$" -> "$";
                case "%%" -> "%";
                case "$kernel", "%k" -> kernel;
                case "$", "%" -> fail("substitution udev would not make at offset " + m.start() + " of: " + text);
                default -> env.getOrDefault(m.group(1) != null ? m.group(1) : m.group(2), "");
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Splits at blanks outside quotes, removing the quotes, as udev splits a RUN program. */
    static List<String> splitLikeUdev(String program) {
        List<String> argv = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (char c : program.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (c == ' ' || c == '\t') {
                if (word != null) {
                    argv.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        assertThat(quote).as("unterminated quote in %s", program).isEqualTo((char) 0);
        if (word != null) {
            argv.add(word.toString());
        }
        return argv;
    }

    private void stamped(DeviceName device, String seqnum) throws Exception {
        Files.createDirectories(root.resolve("sys/kernel"));
        Files.writeString(root.resolve("sys/kernel/uevent_seqnum"), seqnum + "\n");
        registry.create(device, "discoverd");
        assertThat(registry.retrieve(device, AttributeName.SEQNUM)).hasValue(seqnum);
    }

    private void deviceNode(String device) throws IOException {
        Files.createDirectories(root.resolve("dev"));
        Files.writeString(root.resolve("dev").resolve(device), "");
    }

    private boolean registered(DeviceName device) {
        return Files.isDirectory(registry.directory().resolve(device.value()));
    }

    @Test
    void genuineRemoveDeletesTheEntryAndOnlyThatOne() throws Exception {
        stamped(NVME3, "100");
        stamped(new DeviceName("nvme4"), "100");
        remove("nvme3", 150);
        assertThat(registered(NVME3)).isFalse();
        assertThat(registered(new DeviceName("nvme4"))).isTrue();
    }

    @Test
    void entryIsKeptWhileTheDeviceNodeExists() throws Exception {
        stamped(NVME3, "100");
        deviceNode("nvme3");
        remove("nvme3", 150);
        assertThat(registry.retrieve(NVME3, AttributeName.OWNER)).hasValue("discoverd");
    }

    @Test
    void entryStampedAtOrAfterTheEventIsKept() throws Exception {
        stamped(NVME3, "200");
        remove("nvme3", 200);
        assertThat(registered(NVME3)).isTrue();
        remove("nvme3", 199);
        assertThat(registered(NVME3)).isTrue();
        remove("nvme3", 201);
        assertThat(registered(NVME3)).isFalse();
    }

    @Test
    void entryWithoutAStampIsDeletedWhenTheNodeIsGone() throws Exception {
        registry.update(NVME3, AttributeName.OWNER, "admin");
        assertThat(registry.retrieve(NVME3, AttributeName.SEQNUM)).isEmpty();
        remove("nvme3", 1);
        assertThat(registered(NVME3)).isFalse();
    }

    @Test
    void entryWithAGarbageStampCountsAsUnstamped() throws Exception {
        registry.update(NVME3, AttributeName.SEQNUM, "soon");
        remove("nvme3", 1);
        assertThat(registered(NVME3)).isFalse();
    }

    @Test
    void removeWithoutAnEntryDoesNothing() throws Exception {
        remove("nvme3", 5);
        assertThat(Files.exists(registry.directory())).isFalse();
    }

    @Test
    void udevSubstitutionsAndSplittingAreModelledFaithfully() {
        assertThat(substituteLikeUdev("a $kernel %k $$x %% $env{SEQNUM} %E{SEQNUM} $env{NONE}.", "nvme3",
                Map.of("SEQNUM", "42"))).isEqualTo("a nvme3 nvme3 $x % 42 42 .");
        assertThat(splitLikeUdev("/bin/sh -c 'a b;  c'  x\"y z\"")).containsExactly("/bin/sh", "-c", "a b;  c", "xy z");
    }
}
