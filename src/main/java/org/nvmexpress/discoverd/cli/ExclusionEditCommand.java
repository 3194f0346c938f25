package org.nvmexpress.discoverd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.nvmexpress.discoverd.exclusion.ExclusionException;
import org.nvmexpress.discoverd.exclusion.ExclusionLists;
import org.nvmexpress.discoverd.exclusion.ListContent;
import org.nvmexpress.discoverd.exclusion.ListName;
import org.nvmexpress.discoverd.ini.Diagnostic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code nvme-discoverctl exclusion edit}: visudo for exclusion lists (reference §11.8). The list is
 * edited in a scratch copy, checked when the editor exits, and written back only when valid and
 * only if nobody changed the list meanwhile (the version check of {@link ExclusionLists#write}).
 */
@Command(name = "edit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Edit an exclusion list in $EDITOR (default: vi), on a scratch copy in $TMPDIR (default: /tmp)."
                + " When the editor exits the copy is checked; each bad line (malformed section header, entry outside"
                + " [exclusions], invalid entry) is reported and you are offered to edit again. A valid copy replaces the"
                + " list, unless the list changed while you were editing: then your copy is kept and its path printed.",
                "A list that does not exist starts from the standard header. Needs root for the system's lists"
                + " (see 'exclusion --help')."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:saved, or nothing changed", "1:not saved (invalid and not re-edited, changed meanwhile,"
                + " editor failed, or the list could not be written)", "2:usage error"})
final class ExclusionEditCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private ExclusionCommand parent;

    @Mixin
    private ExclusionOptions options;

    /** How an editing session ended. */
    private sealed interface Outcome permits Valid, Declined, EditorFailed {
    }

    /** The copy has no error; {@code text} is what to write. */
    private record Valid(String text) implements Outcome {
    }

    /** The copy has errors and the user declined to edit it again. */
    private record Declined() implements Outcome {
    }

    /** The editor exited with a non-zero status; the copy is kept. */
    private record EditorFailed(int status) implements Outcome {
    }

    @Override
    public Integer call() {
        if (!parent.mayChange(spec, options.rootDirectory())) {
            return Commands.EXIT_FAILURE;
        }
        ListContent original;
        try {
            original = options.lists().read(options.list());
        } catch (ExclusionException e) {
            return ExclusionCommand.report(spec, e);
        }
        try {
            return edit(original);
        } catch (IOException e) {
            return fail("cannot edit: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while waiting for the editor");
        }
    }

    private int edit(ListContent original) throws IOException, InterruptedException {
        ExclusionLists lists = options.lists();
        ListName name = options.list();
        String initial = original.version() == ListContent.ABSENT ? ExclusionLists.header(name) : original.text();
        Path scratch = Files.createTempFile(tmpdir(), "nvme-excl-" + name.display() + ".", "");
        Files.writeString(scratch, initial);
        Outcome outcome = editUntilValid(scratch);
        if (outcome instanceof EditorFailed failed) {
            return fail("editor '" + editor() + "' exited with status " + failed.status() + "; your copy is kept in " + scratch);
        }
        if (!(outcome instanceof Valid valid)) {
            Files.delete(scratch);
            return fail("exclusion list '" + name.display() + "' not changed");
        }
        if (valid.text().equals(initial)) {
            Files.delete(scratch);
            return say("exclusion list '" + name.display() + "' unchanged");
        }
        try {
            lists.write(name, valid.text(), original.version());
        } catch (ExclusionException e) {
            ExclusionCommand.report(spec, e);
            return fail("your edited copy is kept in " + scratch);
        }
        Files.delete(scratch);
        return say("exclusion list '" + name.display() + "' saved (" + lists.file(name) + ")");
    }

    /** Runs the editor on {@code scratch}, reporting each bad line, until the copy is valid or the user gives up. */
    private Outcome editUntilValid(Path scratch) throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        while (true) {
            int status = runEditor(scratch);
            if (status != 0) {
                return new EditorFailed(status);
            }
            String text = new String(Files.readAllBytes(scratch), StandardCharsets.UTF_8);
            List<Diagnostic> findings = ExclusionLists.check(scratch.toString(), text);
            findings.forEach(err::println);
            err.flush();
            if (findings.stream().noneMatch(Diagnostic::isError)) {
                return new Valid(text);
            }
            if (!askReedit()) {
                return new Declined();
            }
        }
    }

    private int runEditor(Path scratch) throws IOException, InterruptedException {
        // As nvme-cli: the editor string goes to the shell (so EDITOR='code -w' works), the file as $1.
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", editor() + " \"$1\"", "sh", scratch.toString());
        return pb.inheritIO().start().waitFor();
    }

    private boolean askReedit() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        out.print("Re-edit? [y/N] ");
        out.flush();
        String answer = parent.session().readLine();
        if (answer == null) {
            out.println();
            out.flush();
            return false;
        }
        return answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes");
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory: " + e.getMessage();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + e.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private String editor() {
        String editor = parent.session().getenv("EDITOR");
        return editor == null || editor.isBlank() ? "vi" : editor;
    }

    private Path tmpdir() {
        String tmp = parent.session().getenv("TMPDIR");
        return Path.of(tmp == null || tmp.isBlank() ? "/tmp" : tmp);
    }

    private int say(String message) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(message);
        out.flush();
        return 0;
    }

    private int fail(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(spec.qualifiedName() + ": " + message);
        err.flush();
        return Commands.EXIT_FAILURE;
    }
}
