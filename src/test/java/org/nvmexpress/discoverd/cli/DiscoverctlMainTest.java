package org.nvmexpress.discoverd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class DiscoverctlMainTest {
    private final CommandRunner cli = new CommandRunner();

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void missingSubcommandIsAUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(cli.err()).contains("a subcommand is required: tid, config, nbft, dlp, registry, exclusion, connect, status, controllers, controller, monitor, reload, retry, generate-completion");
    }

    @Test
    void versionNamesTheCommand() {
        assertThat(run("--version")).isZero();
        assertThat(cli.out()).startsWith("nvme-discoverctl ").doesNotContain("${");
    }

    @Test
    void completionScriptCoversTheSubcommands() {
        assertThat(run("generate-completion")).isZero();
        assertThat(cli.out()).contains("complete -F").contains("tid").contains("config").contains("exclusion");
    }
}
