package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.config.ConnectOptions;
import org.nvmexpress.discoverd.config.Connector;
import org.nvmexpress.discoverd.systemd.UnitEvent.JobDone;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TidParser;
import org.nvmexpress.discoverd.tid.TransportId;

/**
 * The built-in connector's secrets on a real systemd 252 in {@code ../shared/tools/systemd-sandbox}:
 * the unit manager writes them under its system root (the directory the sandbox sees as {@code /}
 * for {@code /run/nvme/discoverd}) before the call, the unit's {@code LoadCredential} names them by
 * their real path, and they are gone afterwards: deleted by the unit's {@code ExecStartPost} after a
 * successful connect, by the unit manager after a failed one.
 *
 * <p>The connector reads the file at the {@code LoadCredential} path rather than its copy in
 * {@code $CREDENTIALS_DIRECTORY}: the sandbox's systemd leaves that directory empty, for
 * {@code SetCredential} too (it cannot mount the credentials in its private namespaces).
 */
final class UnitManagerOnRealSystemdCredentialsIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;
    private static SystemdSandbox sandbox;
    private static Path launcher;

    private SystemdUnitManager manager;
    private final BlockingQueue<UnitEvent> events = new LinkedBlockingQueue<>();

    @BeforeAll
    static void startSandbox() throws Exception {
        SystemdSandbox.assumeUsable();
        sandbox = new SystemdSandbox(dir);
        launcher = writeConnector(dir.resolve("nvme-discoverctl"));
        sandbox.start(600);
    }

    @AfterAll
    static void stopSandbox() throws Exception {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @AfterEach
    void closeManager() {
        if (manager != null) {
            manager.close();
        }
    }

    /**
     * The stand-in for {@code nvme-discoverctl connect}: records the secret at its unit's
     * {@code LoadCredential} path in {@code secrets.log}, fails when the NQN contains {@code fail},
     * else writes the devid file.
     */
    private static Path writeConnector(Path path) throws IOException {
        Files.writeString(path, """
                #!/bin/sh
                run=%s
                for a in "$@"; do
                  case $a in
                    --devid-file=*) devid=${a#--devid-file=} ;;
                    --traddr=*) traddr=${a#--traddr=} ;;
                    --nqn=*) nqn=${a#--nqn=} ;;
                  esac
                done
                stem=${devid##*/}
                { cat "$run/credentials/${stem%%.devid}/dhchap-secret"; echo; } >> $run/secrets.log
                case $nqn in *fail*) exit 1 ;; esac
                printf 'nvme%%s\\n' "${traddr##*.}" > "$devid"
                """.formatted(StateScripts.RUNTIME_DIR));
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        return path;
    }

    private SystemdUnitManager manager() {
        UnitManagerSettings settings = new UnitManagerSettings(Connector.BUILTIN, "/usr/sbin/nvme",
                launcher.toString(), 8, Duration.ofSeconds(300), Duration.ofSeconds(25), Duration.ofMillis(100),
                Duration.ofSeconds(2), sandbox.busAddress(), sandbox.root());
        manager = SystemdUnitManager.create(settings, path -> true,
                new DbusSystemdBus(settings.busAddress(), settings.callTimeout()), CallRunner.singleThread(),
                events::add);
        return manager;
    }

    private static UnitRequest withSecret(String traddr, String nqn) {
        TransportId tid = TidParser.strict("transport=tcp;traddr=" + traddr + ";trsvcid=4420;nqn=" + nqn);
        return new UnitRequest(tid, Role.IOC, false,
                ConnectOptions.of(tid, null, UnitFixtures.params("kxchap-secret", UnitFixtures.DHCHAP)));
    }

    private UnitEvent nextEvent() throws InterruptedException {
        UnitEvent event = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(event).as("an event within %s", WAIT).isNotNull();
        return event;
    }

    private static Path secrets(UnitRequest request) {
        return sandbox.runtimeDir().resolve("credentials").resolve(request.unit().stem());
    }

    /** The unit manager deletes on its call thread after posting: poll for it. */
    private static void awaitGone(Path path) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (Files.exists(path)) {
            assertThat(System.nanoTime()).as("waiting for %s to be deleted", path).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    @Test
    void aSuccessfulConnectGetsTheSecretAndItsScriptDeletesIt() throws Exception {
        UnitRequest ok = withSecret("10.9.0.31", "nqn.2014-08.org.nvmexpress:ok-creds");
        manager().start(ok);
        assertThat(nextEvent()).isEqualTo(new JobDone(ok.unit(), "done"));
        assertThat(sandbox.runtimeDir().resolve("secrets.log")).content().contains(UnitFixtures.DHCHAP);
        assertThat(sandbox.exec("cat", "/run/systemd/transient/" + ok.unit().value()).output()).as("the real path")
                .contains("LoadCredential=dhchap-secret:/run/nvme/discoverd/credentials/" + ok.unit().stem()
                        + "/dhchap-secret");
        awaitGone(secrets(ok));
        assertThat(sandbox.runtimeDir().resolve("controllers/nvme31/unit")).hasContent(ok.unit().value() + "\n");
    }

    @Test
    void aFailedConnectGetsTheSecretAndTheUnitManagerDeletesIt() throws Exception {
        UnitRequest fail = withSecret("10.9.0.32", "nqn.2014-08.org.nvmexpress:fail-creds");
        manager().start(fail);
        assertThat(nextEvent()).isEqualTo(new JobDone(fail.unit(), "failed"));
        assertThat(sandbox.runtimeDir().resolve("secrets.log")).content().contains(UnitFixtures.DHCHAP);
        awaitGone(secrets(fail));
        assertThat(sandbox.root().resolve("run/nvme/discoverd/credentials")).as("only the unit's own directory")
                .isDirectory();
    }
}
