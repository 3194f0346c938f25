package org.nvmexpress.discoverd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.exclusion.ExclusionLists;
import org.nvmexpress.discoverd.exclusion.ListName;

/** {@code exclusion edit} with scripted editors run through /bin/sh, as a user's editor is. */
final class ExclusionEditCommandTest {
    private final ExclusionCli cli = new ExclusionCli();

    @TempDir
    Path tmp;

    private Path root;
    private Path scratchDir;
    private Path list;

    @BeforeEach
    void aListAndAScratchDirectory() throws IOException {
        root = Files.createDirectories(tmp.resolve("root"));
        scratchDir = Files.createDirectories(tmp.resolve("scratch"));
        list = root.resolve("etc/nvme/exclusions.conf.d/t.conf");
        cli.session.root = true;
        cli.session.environment.put("TMPDIR", scratchDir.toString());
        assertThat(cli.run("exclusion", "add", "--root", root.toString(), "-N", "t", "-e", "host-iface=eth3")).isZero();
    }

    private int edit(String name) {
        return cli.run("exclusion", "edit", "--root", root.toString(), "-N", name);
    }

    private List<Path> scratchFiles() throws IOException {
        try (Stream<Path> files = Files.list(scratchDir)) {
            return files.toList();
        }
    }

    /** An editor script: {@code body} runs with the scratch file as $1. */
    private void editor(String body) throws IOException {
        Path script = tmp.resolve("editor.sh");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        cli.session.environment.put("EDITOR", script.toString());
    }

    @Test
    void validEditIsSavedAndTheScratchCopyRemoved() throws IOException {
        cli.session.environment.put("EDITOR", "sed -i s/eth3/eth4/");
        assertThat(edit("t")).isZero();
        assertThat(cli.out()).isEqualTo("exclusion list 't' saved (" + list + ")\n");
        assertThat(Files.readString(list)).endsWith("exclusion = host-iface=eth4\n");
        assertThat(scratchFiles()).isEmpty();
    }

    @Test
    void scratchCopyIsNamedAfterTheListAndPrivate() throws IOException {
        editor("ls -l \"$1\" > " + tmp.resolve("seen") + "; basename \"$1\" >> " + tmp.resolve("seen"));
        assertThat(edit("t")).isZero();
        List<String> seen = Files.readAllLines(tmp.resolve("seen"));
        assertThat(seen.get(0)).startsWith("-rw------- ");
        assertThat(seen.get(1)).startsWith("nvme-excl-t.");
    }

    @Test
    void untouchedListIsNotWritten() throws IOException {
        cli.session.environment.put("EDITOR", "true");
        long modified = Files.getLastModifiedTime(list).toMillis();
        assertThat(edit("t")).isZero();
        assertThat(cli.out()).isEqualTo("exclusion list 't' unchanged\n");
        assertThat(Files.getLastModifiedTime(list).toMillis()).isEqualTo(modified);
        assertThat(edit("new")).isZero();
        assertThat(root.resolve("etc/nvme/exclusions.conf.d/new.conf")).doesNotExist();
        assertThat(scratchFiles()).isEmpty();
    }

    @Test
    void missingListStartsFromTheHeader() throws IOException {
        editor("echo 'exclusion = nqn=nqn.x' >> \"$1\"");
        assertThat(edit("new")).isZero();
        assertThat(root.resolve("etc/nvme/exclusions.conf.d/new.conf"))
                .hasContent(ExclusionLists.header(new ListName("new")) + "exclusion = nqn=nqn.x\n");
    }

    @Test
    void invalidCopyIsReportedLineByLineAndDeclinedReEditChangesNothing() throws IOException {
        editor("printf 'exclusion = bogus\\n[broken\\n' >> \"$1\"");
        String before = Files.readString(list);
        cli.session.types("n");
        assertThat(edit("t")).isEqualTo(1);
        String scratch = cli.err().substring(0, cli.err().indexOf(':'));
        assertThat(scratch).startsWith(scratchDir.resolve("nvme-excl-t.").toString());
        assertThat(cli.err()).isEqualTo(scratch + ":7: error: invalid entry 'bogus': bare token without '=': 'bogus'\n"
                + scratch + ":8: error: malformed section header '[broken': no closing ']'\n"
                + "nvme-discoverctl exclusion edit: exclusion list 't' not changed\n");
        assertThat(cli.out()).isEqualTo("Re-edit? [y/N] ");
        assertThat(list).hasContent(before);
        assertThat(scratchFiles()).isEmpty();
    }

    @Test
    void reEditFixesTheCopyAndSavesIt() throws IOException {
        Path state = tmp.resolve("second-run");
        editor("if [ -e " + state + " ]; then sed -i 's/bogus/nqn=nqn.fixed/' \"$1\"; else touch " + state
                + "; echo 'exclusion = bogus' >> \"$1\"; fi");
        cli.session.types("y");
        assertThat(edit("t")).isZero();
        assertThat(cli.out()).isEqualTo("Re-edit? [y/N] exclusion list 't' saved (" + list + ")\n");
        assertThat(Files.readString(list)).endsWith("exclusion = host-iface=eth3\nexclusion = nqn=nqn.fixed\n");
    }

    @Test
    void listChangedWhileEditingKeepsTheCopyAndSaysWhere() throws IOException {
        editor("echo 'exclusion = nqn=mine' >> \"$1\"; echo 'exclusion = nqn=theirs' >> " + list);
        assertThat(edit("t")).isEqualTo(1);
        List<Path> kept = scratchFiles();
        assertThat(kept).hasSize(1);
        assertThat(cli.err()).startsWith("nvme-discoverctl exclusion edit: exclusion list 't' changed since it was read (" + list + ")")
                .endsWith("\nnvme-discoverctl exclusion edit: your edited copy is kept in " + kept.get(0) + "\n");
        assertThat(Files.readString(kept.get(0))).endsWith("exclusion = host-iface=eth3\nexclusion = nqn=mine\n");
        assertThat(Files.readString(list)).endsWith("exclusion = host-iface=eth3\nexclusion = nqn=theirs\n");
    }

    @Test
    void failingEditorKeepsTheCopy() throws IOException {
        cli.session.environment.put("EDITOR", "false");
        assertThat(edit("t")).isEqualTo(1);
        List<Path> kept = scratchFiles();
        assertThat(kept).hasSize(1);
        assertThat(cli.err()).isEqualTo("nvme-discoverctl exclusion edit: editor 'false' exited with status 1; your copy is kept in "
                + kept.get(0) + "\n");
    }

    @Test
    void missingScratchDirectoryIsAClearError() {
        cli.session.environment.put("TMPDIR", tmp.resolve("nope").toString());
        cli.session.environment.put("EDITOR", "true");
        assertThat(edit("t")).isEqualTo(1);
        assertThat(cli.err()).startsWith("nvme-discoverctl exclusion edit: cannot edit: no such file or directory: "
                + tmp.resolve("nope").resolve("nvme-excl-t."));
    }
}
