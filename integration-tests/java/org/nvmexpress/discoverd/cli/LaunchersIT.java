package org.nvmexpress.discoverd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launchers in bin/ run the packaged jar straight from the checkout, as the README promises. */
final class LaunchersIT {
    private static final Path BASEDIR = Path.of(System.getProperty("project.basedir", "."));

    record Result(int status, String out, String err) {
    }

    private static Result run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(argv).directory(BASEDIR.toFile());
        pb.environment().remove("JOURNAL_STREAM");
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private static String ctl() {
        return BASEDIR.resolve("bin/nvme-discoverctl").toString();
    }

    @Test
    void bothCommandsAnswerVersionAndHelp() throws Exception {
        for (String command : List.of("nvme-discoverctl", "nvme-discoverd")) {
            String path = BASEDIR.resolve("bin").resolve(command).toString();
            Result version = run(Map.of(), path, "--version");
            assertThat(version.status()).as(version.err()).isZero();
            assertThat(version.out()).startsWith(command + " ").doesNotContain("${");
            Result help = run(Map.of(), path, "--help");
            assertThat(help.status()).isZero();
            assertThat(help.out()).contains("Usage: " + command).contains("Exit status:");
        }
    }

    @Test
    void tidPrintsTheUnitThatManagesAConnection() throws Exception {
        Result r = run(Map.of(), ctl(), "tid", "--role", "ioc", "transport=tcp;traddr=10.0.0.9;nqn=nqn.2014-08.org.nvmexpress:main-vol");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("unit:      nvme-discoverd-c7f645736db2.service");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void tidJsonIsMachineReadable() throws Exception {
        Result r = run(Map.of(), ctl(), "tid", "--output=json", "transport=fc;traddr=nn-0x1,pn-0x2");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("\"canonical\" : \"transport=fc;traddr=nn-0x1:pn-0x2\"");
    }

    @Test
    void badEntryExitsTwo() throws Exception {
        Result r = run(Map.of(), ctl(), "tid", "transport=tcp;traddr=storage.example.com");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("traddr 'storage.example.com'");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void javaHomeIsRespected(@TempDir Path tmp) throws Exception {
        Path marker = tmp.resolve("used");
        Path fakeJava = Files.createDirectories(tmp.resolve("jdk/bin")).resolve("java");
        Files.writeString(fakeJava, "#!/bin/sh\ntouch '" + marker + "'\nexec '"
                + Path.of(System.getProperty("java.home"), "bin", "java") + "' \"$@\"\n");
        Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwxr-xr-x"));
        Result r = run(Map.of("JAVA_HOME", tmp.resolve("jdk").toString()), ctl(), "--version");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(marker).exists();
    }

    @Test
    void launcherWorksThroughASymlink(@TempDir Path tmp) throws Exception {
        Path link = Files.createSymbolicLink(tmp.resolve("nvme-discoverctl"), BASEDIR.resolve("bin/nvme-discoverctl").toAbsolutePath());
        Result r = run(Map.of(), link.toString(), "--version");
        Files.delete(link);
        assertThat(r.status()).as(r.err()).isZero();
    }

    @Test
    void missingJarIsReportedClearly() throws Exception {
        Result r = run(Map.of("NVME_DISCOVERD_JAR", "/nonexistent/nvme-discoverd.jar"), ctl(), "--version");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("cannot find nvme-discoverd.jar (looked at /nonexistent/nvme-discoverd.jar)");
    }
}
