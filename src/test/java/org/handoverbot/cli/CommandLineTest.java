package org.handoverbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The command line builds what its arguments need: only the subcommand they name, every one for help. */
class CommandLineTest {

    @Test
    void helpListsEverySubcommandAndACommandNamedBuildsThatOneOnly() {
        CommandRun help = CommandRun.run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("ask", "train", "evaluate", "ingest", "events", "review", "timeline", "backup",
                "restore");
        assertThat(Main.commandLine("ask", "سؤال").getSubcommands()).containsOnlyKeys("ask");
        assertThat(Main.commandLine().getSubcommands()).hasSize(9);
        assertThat(Main.commandLine("--version").getSubcommands()).hasSize(9);
    }
}
