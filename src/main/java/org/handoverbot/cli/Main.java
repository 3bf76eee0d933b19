package org.handoverbot.cli;

import java.io.IOException;
import java.io.UncheckedIOException;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.handoverbot.alerts.AdminDialogue;
import org.handoverbot.alerts.AlertComposer;
import org.handoverbot.alerts.AlertDigestComposer;
import org.handoverbot.alerts.AlertDigests;
import org.handoverbot.alerts.AlertLimits;
import org.handoverbot.alerts.AlertMessages;
import org.handoverbot.alerts.AlertOutbox;
import org.handoverbot.alerts.AlertOutboxWriter;
import org.handoverbot.alerts.AlertQueueDesk;
import org.handoverbot.answer.ReviewDesk;
import org.handoverbot.knowledge.Review;
import org.handoverbot.alerts.AlertSender;
import org.handoverbot.alerts.AlertTelegramClient;
import org.handoverbot.alerts.SenderSettings;
import org.handoverbot.alerts.Subscriptions;
import org.handoverbot.answer.Dialogue;
import org.handoverbot.answer.InlineAnswers;
import org.handoverbot.answer.Names;
import org.handoverbot.answer.TimelinePictures;
import org.handoverbot.answer.TelegramHtmlRenderer;
import org.handoverbot.config.BadSettingException;
import org.handoverbot.config.Settings;
import org.handoverbot.knowledge.DamagedDatabaseException;
import org.handoverbot.knowledge.Database;
import org.handoverbot.telegram.BotExtras;
import org.handoverbot.telegram.BotMetrics;
import org.handoverbot.telegram.TelegramBot;
import org.handoverbot.telegram.TelegramOptions;
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
                ReviewCommand.class,
                TimelineCommand.class,
                BackupCommand.class,
                RestoreCommand.class,
        })
public final class Main implements Runnable {

    /**
     * Telegram allows a bot about 30 messages a second in all. Replies are someone waiting, so they get 20;
     * alerts, which can wait a little, get 10 (a broadcast to 10,000 chats then takes about 17 minutes).
     */
    private static final int REPLIES_PER_SECOND = 20;
    private static final AlertLimits ALERT_LIMITS = new AlertLimits(10, Duration.ofSeconds(1), 1, Duration.ofSeconds(1),
            20, Duration.ofMinutes(1), AlertLimits.telegram().headroom());

    public static void main(String[] args) {
        // Pictures are drawn off-screen (the /timeline picture, `timeline --png`): never look for a display.
        System.setProperty("java.awt.headless", "true");
        System.exit(run(args));
    }

    static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        // Errors at the edge: one line, no stack trace; 2 for bad settings or a damaged database, 1 for anything else.
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            command.getErr().println("handover-bot: " + oneLine(e));
            return e instanceof BadSettingException || e instanceof DamagedDatabaseException ? 2 : 1;
        });
        return cli.execute(args);
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /**
     * Until stopped (SIGTERM, Ctrl-C): the bot answers, the alert sender drains the outbox that ingests fill
     * (also ingests from another process), and on shutdown replies in progress finish, the sender stops, then
     * the database closes, in that order.
     */
    private static void runOnTelegram(Settings settings) {
        Clock clock = Clock.systemUTC();
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
            TelegramBot bot = TelegramBot.start(settings, dialogue, db, TelegramOptions.defaults()
                    .withMaxSendsPerSecond(REPLIES_PER_SECOND)
                    .withOnChatBlocked(subscriptions::unsubscribe),
                    BotExtras.all(new InlineAnswers(app.dialogue(), app.understander()::understand, names),
                            new TimelinePictures(app.liveKnowledge(), names)), metrics, app::notReadyBecause);
            SenderSettings senderSettings = SenderSettings.defaults().withLimits(ALERT_LIMITS);
            AlertTelegramClient alertClient = AlertTelegramClient.open(settings.botToken().orElseThrow(),
                    settings.telegramApiUrl(), senderSettings);
            AlertSender sender = new AlertSender(outbox, subscriptions,
                    new AlertMessages(app.knowledge(), new AlertComposer(app.gazetteer(), Optional.of(bot.username())),
                            new TelegramHtmlRenderer(), new AlertDigests(db), new AlertDigestComposer(app.gazetteer())),
                    alertClient.client(), senderSettings, clock).start();
            bot.closeOnShutdown(sender, alertClient, app);
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
