package org.nvmexpress.discoverd.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.ini.IniReader;

/**
 * The persona rules across files (reference §8.5, {@code check_personas}) and the persona cases of
 * §14.4. Unlike libnvme, the file that introduces a collision is left out on its own: the earlier,
 * valid files stay in force.
 */
final class PersonaRulesTest {
    private static final String HOSTID = "46ba5037-7ce5-41fa-9452-48477bf00080";
    private static final String OTHER_HOSTID = "ffffffff-7ce5-41fa-9452-48477bf00080";

    @TempDir
    Path dir;

    private FabricsTree tree;

    @BeforeEach
    void createTree() {
        tree = new FabricsTree(dir);
    }

    private static String host(String hostnqn, String hostid) {
        return "[Host]\n" + (hostnqn == null ? "" : "hostnqn = nqn.2014-08.org.nvmexpress:" + hostnqn + "\n")
                + (hostid == null ? "" : "hostid = " + hostid + "\n");
    }

    private static String subsystem(String name, String traddr) {
        return "[Subsystem]\nnqn = nqn.2014-08.org.nvmexpress:" + name + "\ncontroller = transport=tcp;traddr=" + traddr + "\n";
    }

    private static FabricsFile file(String name, String text) {
        return FabricsFileParser.parse(IniReader.parse(name, text)).file();
    }

    @Test
    void aDropInHostWithoutHostnqnIsRejected() throws IOException {
        tree.dropIn("10-a.conf", host(null, HOSTID) + subsystem("a", "10.0.0.1"));
        FabricsConfig config = tree.load();
        assertThat(tree.diagnostics(config)).containsExactly("nvme-fabrics.conf.d/10-a.conf:1: error: [Host] in a drop-in"
                + " must set hostnqn: a drop-in's [Host] defines a persona");
        assertThat(tree.rejected(config)).containsExactly("nvme-fabrics.conf.d/10-a.conf");
        assertThat(config.connections()).isEmpty();
    }

    @Test
    void aDropInHostWithAnEmptyHostnqnIsRejected() throws IOException {
        tree.dropIn("10-a.conf", "[Host]\nhostnqn =\ntos = 1\n");
        assertThat(tree.diagnostics(tree.load())).containsExactly("nvme-fabrics.conf.d/10-a.conf:1: error: [Host] in a"
                + " drop-in must set hostnqn: a drop-in's [Host] defines a persona");
    }

    @Test
    void theSameHostidForTwoPersonasRejectsTheLaterFile() throws IOException {
        tree.dropIn("10-a.conf", host("a", HOSTID) + subsystem("a", "10.0.0.1"));
        tree.dropIn("20-b.conf", host("b", HOSTID) + subsystem("b", "10.0.0.2"));
        FabricsConfig config = tree.load();
        assertThat(tree.diagnostics(config)).containsExactly("nvme-fabrics.conf.d/20-b.conf:1: error: hostid '" + HOSTID
                + "' is already used by the persona of nvme-fabrics.conf.d/10-a.conf:1 with another hostnqn");
        assertThat(tree.rejected(config)).containsExactly("nvme-fabrics.conf.d/20-b.conf");
        assertThat(tree.sources(config)).containsExactly("nvme-fabrics.conf.d/10-a.conf:6");
    }

    @Test
    void oneHostnqnWithTwoHostidsIsRejected() throws IOException {
        tree.dropIn("10-a.conf", host("a", HOSTID));
        tree.dropIn("20-b.conf", host("a", OTHER_HOSTID));
        FabricsConfig config = tree.load();
        assertThat(tree.diagnostics(config)).containsExactly("nvme-fabrics.conf.d/20-b.conf:1: error: hostnqn"
                + " 'nqn.2014-08.org.nvmexpress:a' is already the persona of nvme-fabrics.conf.d/10-a.conf:1");
        assertThat(tree.rejected(config)).containsExactly("nvme-fabrics.conf.d/20-b.conf");
    }

    @Test
    void oneHostnqnInTwoFilesIsRejectedEvenWhenOnlyOneSetsAHostid() throws IOException {
        tree.dropIn("10-a.conf", host("a", HOSTID));
        tree.dropIn("20-b.conf", host("a", null));
        assertThat(tree.rejected(tree.load())).containsExactly("nvme-fabrics.conf.d/20-b.conf");
    }

    @Test
    void aDropInReusingTheMainFilesHostnqnIsRejectedAndTheMainFileStays() throws IOException {
        tree.main(host("a", null) + subsystem("m", "10.0.0.1"));
        tree.dropIn("10-a.conf", host("a", null) + subsystem("a", "10.0.0.2"));
        FabricsConfig config = tree.load();
        assertThat(tree.diagnostics(config)).containsExactly("nvme-fabrics.conf.d/10-a.conf:1: error: hostnqn"
                + " 'nqn.2014-08.org.nvmexpress:a' is already the persona of nvme-fabrics.conf:1");
        assertThat(tree.sources(config)).containsExactly("nvme-fabrics.conf:5");
    }

    @Test
    void aDropInWithoutHostIsTheDefaultPersona() throws IOException {
        tree.main(host("main", HOSTID));
        tree.dropIn("10-a.conf", subsystem("x", "192.0.2.9"));
        FabricsConfig config = tree.load();
        assertThat(config.diagnostics()).isEmpty();
        assertThat(config.connections()).singleElement().satisfies(c -> {
            assertThat(c.hostnqn()).as("not the main file's persona: the system default").isNull();
            assertThat(c.hostid()).isNull();
        });
    }

    @Test
    void theMainHostMayLeaveHostnqnToTheSystemAndShareNoRuleWithDropIns() throws IOException {
        tree.main(host(null, HOSTID) + subsystem("m", "10.0.0.1"));
        tree.dropIn("10-a.conf", host("a", HOSTID) + subsystem("a", "10.0.0.2"));
        FabricsConfig config = tree.load();
        assertThat(config.diagnostics()).as("the main hostnqn is unknown, so the hostids are not compared").isEmpty();
        assertThat(config.connections()).extracting(ResolvedConnection::hostid).containsExactly(HOSTID, HOSTID);
    }

    @Test
    void distinctPersonasInDistinctFilesAreAccepted() throws IOException {
        tree.main(host("main", HOSTID) + subsystem("m", "10.0.0.1"));
        tree.dropIn("10-a.conf", host("a", OTHER_HOSTID) + subsystem("a", "10.0.0.2"));
        tree.dropIn("20-b.conf", host("b", null) + subsystem("b", "10.0.0.3"));
        FabricsConfig config = tree.load();
        assertThat(config.diagnostics()).isEmpty();
        assertThat(config.connections()).extracting(ResolvedConnection::hostnqn).containsExactly(
                "nqn.2014-08.org.nvmexpress:main", "nqn.2014-08.org.nvmexpress:a", "nqn.2014-08.org.nvmexpress:b");
    }

    @Test
    void aRejectedFileIsNotAPersonaLaterFilesCollideWith() {
        PersonaRules rules = new PersonaRules();
        assertThat(rules.check(file("a.conf", host(null, HOSTID)), false)).hasSize(1);
        assertThat(rules.check(file("b.conf", host("b", HOSTID)), false)).isEmpty();
        assertThat(rules.check(file("c.conf", host("c", HOSTID)), false)).singleElement().hasToString(
                "c.conf:1: error: hostid '" + HOSTID + "' is already used by the persona of b.conf:1 with another hostnqn");
    }

    @Test
    void filesWithoutHostAlwaysPass() {
        PersonaRules rules = new PersonaRules();
        assertThat(rules.check(file("m.conf", ""), true)).isEmpty();
        assertThat(rules.check(file("a.conf", subsystem("a", "10.0.0.1")), false)).isEmpty();
        assertThat(rules.check(file("b.conf", host("b", null)), false)).isEmpty();
    }

    @Test
    void everyCollisionOfAFileIsReported() {
        PersonaRules rules = new PersonaRules();
        rules.check(file("a.conf", host("a", null)), false);
        rules.check(file("b.conf", host("b", HOSTID)), false);
        assertThat(rules.check(file("c.conf", "\n" + host("a", HOSTID)), false)).extracting(Object::toString)
                .containsExactly("c.conf:2: error: hostnqn 'nqn.2014-08.org.nvmexpress:a' is already the persona of a.conf:1",
                        "c.conf:2: error: hostid '" + HOSTID + "' is already used by the persona of b.conf:1 with another"
                                + " hostnqn");
    }
}
