package org.handoverbot.cli;

import java.io.IOException;
import java.io.UncheckedIOException;

import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.handoverbot.alerts.AdminDialogue;
import org.handoverbot.alerts.AlertComposer;
import org.handoverbot.alerts.AlertDigestComposer;
import org.handoverbot.alerts.AlertDigests;
import org.handoverbot.alerts.AlertMessages;
import org.handoverbot.alerts.AlertOutbox;
import org.handoverbot.alerts.AlertOutboxWriter;
import org.handoverbot.alerts.AlertQueueDesk;
import org.handoverbot.answer.ReviewDesk;
import org.handoverbot.knowledge.Review;
import org.handoverbot.alerts.AlertSender;
import org.handoverbot.alerts.SenderSettings;
import org.handoverbot.alerts.Subscriptions;
import org.handoverbot.answer.Dialogue;
import org.handoverbot.answer.InlineAnswers;
import org.handoverbot.answer.Names;
import org.handoverbot.answer.TimelinePictures;
import org.handoverbot.answer.TelegramHtmlRenderer;
import org.handoverbot.config.BadSettingException;
import org.handoverbot.config.DeliverySettings;
import org.handoverbot.config.Settings;
import org.handoverbot.knowledge.DamagedDatabaseException;
import org.handoverbot.knowledge.Database;
import org.handoverbot.telegram.BotExtras;
import org.handoverbot.telegram.BotMetrics;
import org.handoverbot.telegram.DatabaseSendPause;
import org.handoverbot.telegram.LocalSendLimiter;
import org.handoverbot.telegram.LocalSendPause;
import org.handoverbot.telegram.PostgresSendLimiter;
import org.handoverbot.telegram.TelegramBot;
import org.handoverbot.telegram.TelegramOptions;
import org.handoverbot.telegram.TelegramStoppedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: no subcommand runs the bot (Telegram with a token, the terminal chat without);
 * subcommands ask, ingest, events and the model tools. Every error at this edge is one line and an exit code.
 */
@Command(name = "handover-bot", mixinStandardHelpOptions = true, version = "handover-bot 0.1.0",
        description = "Answers Arabic questions about coalition base handovers in Iraq, from stored sources.")
public final class Main implements Runnable {

    /**
     * The subcommands, by name, in the order help lists them. Picocli builds a model of every subcommand it is
     * given by reflection (and loads the types of their fields, Jackson's among them); a command line naming one
     * gets only that one, so `ask "…"` does not pay for the eight others.
     */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("ask", AskCommand::new);
        commands.put("train", TrainCommand::new);
        commands.put("evaluate", EvaluateCommand::new);
        commands.put("ingest", IngestCommand::new);
        commands.put("events", EventsCommand::new);
        commands.put("review", ReviewCommand::new);
        commands.put("timeline", TimelineCommand::new);
        commands.put("backup", BackupCommand::new);
        commands.put("restore", RestoreCommand::new);
        return Collections.unmodifiableMap(commands);
    }

    public static void main(String[] args) {
        // Pictures are drawn off-screen (the /timeline picture, `timeline --png`): never look for a display.
        System.setProperty("java.awt.headless", "true");
        System.exit(run(args));
    }

    static int run(String... args) {
        CommandLine cli = commandLine(args);
        // Errors at the edge: one line, no stack trace; 2 for bad settings or a damaged database, 1 for anything else.
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            command.getErr().println("handover-bot: " + oneLine(e));
            return e instanceof BadSettingException || e instanceof DamagedDatabaseException ? 2 : 1;
        });
        return cli.execute(args);
    }

    /** The command line for these arguments: with only the subcommand they name, else with every one (help, the bot). */
    static CommandLine commandLine(String... args) {
        CommandLine cli = new CommandLine(new Main());
        Supplier<Object> named = args.length > 0 ? COMMANDS.get(args[0]) : null;
        if (named != null) {
            cli.addSubcommand(args[0], named.get());
        } else {
            COMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
        }
        return cli;
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /**
     * Until stopped (SIGTERM, Ctrl-C): the bot answers, the alert sender drains the outbox that ingests fill
     * (also ingests from another process), both through the bot's one outbound gate (Telegram's limits, one
     * 429 pause, replies first), and on shutdown replies in progress finish, the sender stops, then the gate,
     * then the database closes, in that order. When Telegram refuses the token while the bot runs, the bot
     * stops the same way and the command ends with that one line and exit code 1.
     */
    private static void runOnTelegram(Settings settings, DeliverySettings delivery) {
        Clock clock = Clock.systemUTC();
        Optional<String> stoppedBecause = Optional.empty();
        Application app = new Application(settings, db -> new AlertOutboxWriter(settings.alertChannel(), clock),
                db -> Optional.of(new Subscriptions(db)));
        try {
            Database db = app.database();
            Subscriptions subscriptions = new Subscriptions(db);
            AlertOutbox outbox = new AlertOutbox(db);
            Dialogue dialogue = new AdminDialogue(app.dialogue(),
                    new AlertQueueDesk(settings.adminIds(), outbox, subscriptions),
                    new ReviewDesk(settings.adminIds(), new Review(db, new AlertOutboxWriter(settings.alertChannel(),
                            clock)), ReviewLines::line));
            Names names = new Names(app.gazetteer());
            BotMetrics metrics = BotMetrics.prometheus();
            metrics.gauge("handover_outbox_depth", "alerts queued or in flight, all instances together", outbox::depth);
            TelegramBot bot = TelegramBot.start(settings, dialogue, db, sendLimits(TelegramOptions.defaults()
                    .withOnChatBlocked(subscriptions::unsubscribe).withWebhookLease(delivery.webhookLease()), db, clock, metrics),
                    BotExtras.all(new InlineAnswers(app.dialogue(), app.understander()::understand, names),
                            new TimelinePictures(app.liveKnowledge(), names)), metrics, app::notReadyBecause);
            SenderSettings senderSettings = SenderSettings.defaults().withMaxAge(delivery.alertMaxAge());
            AlertSender sender = new AlertSender(outbox, subscriptions,
                    new AlertMessages(app.knowledge(), new AlertComposer(app.gazetteer(), Optional.of(bot.username())),
                            new TelegramHtmlRenderer(), new AlertDigests(db), new AlertDigestComposer(app.gazetteer())),
                    bot.gate(), senderSettings, clock).start();
            bot.closeBeforeGate(sender);
            bot.closeOnShutdown(app);
            bot.awaitClosed();
            stoppedBecause = bot.stoppedBecause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        stoppedBecause.ifPresent(reason -> {
            throw new TelegramStoppedException(reason);
        });
    }

    /**
     * Telegram's limits and its 429 pause: this process's own on H2 (one instance), kept in the database on
     * PostgreSQL so that every instance on it holds them together; either way each 429 is counted.
     */
    private static TelegramOptions sendLimits(TelegramOptions options, Database db, Clock clock, BotMetrics metrics) {
        return switch (db.vendor()) {
            case H2 -> options.withSharedGate(LocalSendLimiter::new, () -> metrics.counting429s(new LocalSendPause()));
            case POSTGRESQL -> options.withSharedGate(limits -> new PostgresSendLimiter(db, limits),
                    () -> metrics.counting429s(new DatabaseSendPause(db, clock)));
        };
    }

    /** No subcommand: the bot. Without a token, the Arabic chat in this terminal. */
    @Override
    public void run() {
        Settings settings = Settings.fromEnvironment();
        DeliverySettings delivery = DeliverySettings.fromEnvironment();
        if (settings.botToken().isPresent()) {
            runOnTelegram(settings, delivery);
            return;
        }
        try (Application app = new Application(settings)) {
            new TerminalChat(app.dialogue(), Terminal.in(), Terminal.out()).run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
