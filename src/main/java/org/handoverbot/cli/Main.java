package org.handoverbot.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: no subcommand runs the bot (Telegram with a token, the terminal chat without);
 * subcommands ask, ingest, events and the model tools. Every error at this edge is one line and an exit code.
 */
@Command(name = "handover-bot", mixinStandardHelpOptions = true, version = "handover-bot 0.1.0",
        description = "Answers Arabic questions about coalition base handovers in Iraq, from stored sources.",
        subcommands = {
                TrainCommand.class,
                EvaluateCommand.class,
        })
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public void run() {
        System.out.println("handover-bot: the bot is not wired yet");
    }
}
