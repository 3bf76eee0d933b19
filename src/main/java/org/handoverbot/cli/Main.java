package org.handoverbot.cli;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.handoverbot.config.BadSettingException;
import org.handoverbot.config.Settings;
import org.handoverbot.telegram.TelegramBot;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: no subcommand runs the bot (Telegram with a token, the terminal chat without);
 * subcommands ask, ingest, events and the model tools. Every error at this edge is one line and an exit code.
 */
@Command(name = "handover-bot", mixinStandardHelpOptions = true, version = "handover-bot 0.1.0",
        description = "Answers Arabic questions about coalition base handovers in Iraq, from stored sources.",
        subcommands = {
                AskCommand.class,
                TrainCommand.class,
                EvaluateCommand.class,
                IngestCommand.class,
                EventsCommand.class,
        })
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        // Errors at the edge: one line, no stack trace; 2 for bad settings, 1 for anything else.
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            command.getErr().println("handover-bot: " + oneLine(e));
            return e instanceof BadSettingException ? 2 : 1;
        });
        return cli.execute(args);
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /** Until stopped (SIGTERM, Ctrl-C): the shutdown hook lets replies in progress finish, then closes the database. */
    private static void runOnTelegram(Settings settings) {
        Application app = new Application(settings);
        try {
            TelegramBot bot = TelegramBot.start(settings, app.dialogue(), app.database());
            bot.closeOnShutdown(app);
            bot.awaitClosed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    /** No subcommand: the bot. Without a token, the Arabic chat in this terminal. */
    @Override
    public void run() {
        Settings settings = Settings.fromEnvironment();
        if (settings.botToken().isPresent()) {
            runOnTelegram(settings);
            return;
        }
        try (Application app = new Application(settings)) {
            new TerminalChat(app.dialogue(), Terminal.in(), Terminal.out()).run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
