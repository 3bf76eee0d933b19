package org.handoverbot.telegram;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.handoverbot.answer.Dialogue;
import org.handoverbot.config.Settings;
import org.handoverbot.knowledge.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The bot on Telegram, started by the composition root: checks the token (getMe), registers the command menu,
 * then takes updates by long polling, or through the webhook endpoint when TELEGRAM_WEBHOOK_URL is set.
 * close() (also from a shutdown hook, on SIGTERM) stops taking updates, lets the replies in progress finish,
 * and ends every thread it started, so the JVM exits. Start-up problems are a {@link TelegramStartException}
 * with one line for the operator.
 */
public final class TelegramBot implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramBot.class);

    /** Telegram itself redelivers an unconfirmed update for 24 hours; a question kept by the bot, no longer. */
    static final Duration REPLAY_WITHIN = Duration.ofHours(24);

    private final BotIdentity me;
    private final TelegramClient client;
    private final OutboundGate gate;
    private final ChatLanes lanes;
    private final AutoCloseable receiver;
    /** Closed once the replies in progress are done (webhook: the lease renewals), else nothing. */
    private final AutoCloseable afterReplies;
    private final Optional<Integer> webhookPort;
    private final Duration grace;
    private final ChatActions actions;
    private final Optional<InlineQueries> inline;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final java.util.List<AutoCloseable> otherSenders = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicReference<String> stoppedBecause = new java.util.concurrent.atomic.AtomicReference<>();

    private TelegramBot(BotIdentity me, OutboundGate gate, ChatLanes lanes, AutoCloseable receiver,
                        Optional<Integer> webhookPort, Duration grace, UpdateRouter.Extras extras, AutoCloseable afterReplies) {
        this.afterReplies = afterReplies;
        this.actions = extras.actions();
        this.inline = extras.inline();
        this.me = me;
        this.client = gate.client();
        this.gate = gate;
        this.lanes = lanes;
        this.receiver = receiver;
        this.webhookPort = webhookPort;
        this.grace = grace;
    }

    /** Starts the bot with the production options; the caller closes it (or calls closeOnShutdown()). */
    public static TelegramBot start(Settings settings, Dialogue dialogue, Database database) {
        return start(settings, dialogue, database, TelegramOptions.defaults());
    }

    public static TelegramBot start(Settings settings, Dialogue dialogue, Database database, TelegramOptions options) {
        return start(settings, dialogue, database, options, BotExtras.none());
    }

    /** With what the bot offers beyond text replies: inline mode, the /timeline picture, the typing indicator. */
    public static TelegramBot start(Settings settings, Dialogue dialogue, Database database, TelegramOptions options,
                                    BotExtras botExtras) {
        return start(settings, dialogue, database, options, botExtras, BotMetrics.none(), Readiness.ALWAYS);
    }

    /** Also with metrics and a readiness check, served beside the webhook (GET /metrics, GET /health). */
    public static TelegramBot start(Settings settings, Dialogue dialogue, Database database, TelegramOptions options,
                                    BotExtras botExtras, BotMetrics metrics, Readiness readiness) {
        String token = settings.botToken().orElseThrow(() -> new TelegramStartException("TELEGRAM_BOT_TOKEN is not set"));
        TokenMask mask = new TokenMask(token);
        TelegramUrl url = telegramUrl(settings.telegramApiUrl());
        // Alerts wait up to two minutes for an answer before calling it unknown; replies set their own, shorter wait.
        OutboundGate gate = OutboundGate.open(token, url, options.sendLimits(), options.sendLimiter().apply(options.sendLimits()),
                options.sendPause().get(), Duration.ofMinutes(3));
        TelegramClient client = gate.client();
        // A 401 while running (token revoked) stops the bot; the bot exists only at the end of start().
        java.util.concurrent.CompletableFuture<TelegramBot> started = new java.util.concurrent.CompletableFuture<>();
        gate.onTokenRevoked(reason -> started.thenAccept(bot -> bot.stopBecause(reason)));
        ChatLanes lanes = null;
        HandledUpdates handled = null;
        ChatActions actions = new ChatActions(client, mask, botExtras.typingAfter());
        try {
            BotIdentity me = IdentityCheck.identify(client, settings.telegramApiUrl(), options, mask);
            if (botExtras.inline().isPresent() && !me.inlineQueries()) {
                // Telegram sends no inline queries until the operator switches inline mode on.
                LOG.warn("inline mode is off for @{}: switch it on with @BotFather (/setinline) to answer \"@{} ...\" in any chat",
                        me.username(), me.username());
            }
            registerCommands(client, options, mask);
            // Behind a webhook several instances may share the database: each update is leased to whichever took it.
            handled = settings.webhookUrl().isPresent()
                    ? new HandledUpdates(database, "webhook-" + java.util.UUID.randomUUID(), options.webhookLease())
                    : HandledUpdates.journaled(database);
            handled.forgetOlderThan(HandledUpdates.KEEP);
            lanes = new ChatLanes(options.workerThreads(), options.maxQueued());
            ReplySender sender = new ReplySender(gate, options.renderer(), options.sendAttempts(),
                    options.callTimeout(), options.firstRetry(), options.onChatBlocked());
            UpdateRouter.Extras extras = new UpdateRouter.Extras(actions,
                    botExtras.inline().map(answers -> new InlineQueries(answers, options.renderer(), me.username(),
                            System::nanoTime, client, mask, options.callTimeout())),
                    botExtras.timelinePicture(),
                    Optional.of(new PhotoSender(gate, options.callTimeout(), options.sendAttempts(), options.onChatBlocked())),
                    Optional.of(sender), options.onChatBlocked());
            UpdateIntake intake = new UpdateIntake(handled, lanes, new UpdateRouter(dialogue, me, extras), sender,
                    new FloodGuard(options.floodLimits()), metrics);
            if (settings.webhookUrl().isPresent()) {
                int port = options.webhookBindPort() >= 0 ? options.webhookBindPort() : settings.webhookPort();
                URI hook = settings.webhookUrl().get();
                String secret = settings.webhookSecret().orElseThrow(() -> new TelegramStartException("TELEGRAM_WEBHOOK_SECRET is not set"));
                WebhookReceiver receiver = WebhookReceiver.start(new InetSocketAddress(port), hook.getRawPath(), secret, intake,
                        metrics, readiness);
                try {
                    setWebhook(client, hook, secret, options, mask);
                } catch (RuntimeException e) {
                    receiver.close();
                    throw e;
                }
                // After a 200 Telegram delivers nothing again: what a killed instance held is answered from the kept JSON.
                WebhookLeases leases = WebhookLeases.start(handled, intake, options.webhookLease());
                AutoCloseable intakeEnds = () -> {
                    leases.stopTakingOver();
                    receiver.close();
                };
                LOG.info("@{} answers on Telegram through the webhook {}", me.username(), hook);
                TelegramBot bot = new TelegramBot(me, gate, lanes, intakeEnds, Optional.of(receiver.port()),
                        options.shutdownGrace(), extras, leases);
                bot.closeBeforeGate(handled);
                started.complete(bot);
                return bot;
            }
            // Long polling confirmed what a dead process still had queued; Telegram will not deliver it again.
            intake.replayUnanswered(REPLAY_WITHIN);
            LongPollingReceiver receiver = LongPollingReceiver.start(token, url, intake, options, mask, gate);
            LOG.info("@{} answers on Telegram (long polling {})", me.username(), settings.telegramApiUrl());
            TelegramBot bot = new TelegramBot(me, gate, lanes, receiver, Optional.empty(), options.shutdownGrace(), extras, () -> { });
            // After the replies in progress: their marks go from the journal into the database.
            bot.closeBeforeGate(handled);
            started.complete(bot);
            return bot;
        } catch (RuntimeException e) {
            if (lanes != null) {
                try {
                    lanes.drain(Duration.ZERO);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            if (handled != null) {
                handled.close();
            }
            actions.close();
            gate.close();
            throw e;
        }
    }

    /** The bot's @username on Telegram. */
    public String username() {
        return me.username();
    }

    /**
     * The bot's Bot API client (TELEGRAM_API_URL, the token), for other senders such as alerts. Valid until
     * close(); close those senders first.
     */
    public TelegramClient client() {
        return client;
    }

    /**
     * The one way out to Telegram (limits, 429 pause) that other senders, such as alerts, share with the
     * replies. Valid until close(); register those senders with {@link #closeBeforeGate} so they stop first.
     */
    public OutboundGate gate() {
        return gate;
    }

    /** Another sender on this bot's gate: close() stops it after the replies in progress and before the gate. */
    public void closeBeforeGate(AutoCloseable sender) {
        otherSenders.add(sender);
    }

    /**
     * Why the bot stopped on its own (Telegram refused the token while it ran), one line for the operator;
     * empty when it was asked to stop.
     */
    public Optional<String> stoppedBecause() {
        return Optional.ofNullable(stoppedBecause.get());
    }

    private void stopBecause(String reason) {
        if (stoppedBecause.compareAndSet(null, reason)) {
            // Not on the caller's thread: it may be an HTTP or chat thread that close() waits for.
            Thread stopper = new Thread(this::close, "telegram-stop");
            stopper.setDaemon(true);
            stopper.start();
        }
    }

    /** Inline results users chose and posted, by kind (answer, card, timeline, help); empty without inline mode. */
    public java.util.Map<String, Long> chosenInlineResults() {
        return inline.map(InlineQueries::chosenCounts).orElse(java.util.Map.of());
    }

    /** The port the webhook endpoint listens on, in webhook mode. */
    public Optional<Integer> webhookPort() {
        return webhookPort;
    }

    /**
     * Closes the bot when the JVM is asked to stop (SIGTERM, Ctrl-C), then what it uses (e.g. the application
     * holding the database), in the order given.
     */
    public TelegramBot closeOnShutdown(AutoCloseable... afterwards) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            close();
            for (AutoCloseable resource : afterwards) {
                try {
                    resource.close();
                } catch (Exception e) {
                    LOG.warn("closing on shutdown: {}", e.toString());
                }
            }
        }, "telegram-shutdown"));
        return this;
    }

    /** Blocks until close() has finished. */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        try {
            LOG.info("stopping: no new updates, finishing the replies in progress");
            try {
                receiver.close();
            } catch (Exception e) {
                LOG.warn("stopping the receiver: {}", e.toString());
            }
            if (!lanes.drain(grace)) {
                LOG.warn("replies still running after {} s were cut short; their updates are handled after a restart",
                        grace.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                afterReplies.close();
            } catch (Exception e) {
                LOG.warn("stopping the lease renewals: {}", e.toString());
            }
            for (AutoCloseable sender : otherSenders) {
                try {
                    sender.close();
                } catch (Exception e) {
                    LOG.warn("stopping a sender: {}", e.toString());
                }
            }
            actions.close();
            gate.close();
            closed.countDown();
            LOG.info("stopped");
        }
    }

    static TelegramUrl telegramUrl(URI api) {
        if (api.getRawPath() != null && !api.getRawPath().isEmpty() && !api.getRawPath().equals("/")) {
            throw new TelegramStartException("TELEGRAM_API_URL must be a server address without a path (TelegramBots adds /bot<token>/ after the host), not " + api);
        }
        boolean https = "https".equals(api.getScheme());
        int port = api.getPort() != -1 ? api.getPort() : https ? 443 : 80;
        return new TelegramUrl(api.getScheme(), api.getHost(), port, false);
    }

    private static void registerCommands(TelegramClient client, TelegramOptions options, TokenMask mask) {
        try {
            client.executeAsync(BotCommands.setMyCommands()).get(options.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | TelegramApiException e) {
            // The commands still work when typed; only Telegram's menu is missing.
            LOG.warn("could not register the command menu: {}", mask.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelegramStartException("interrupted while starting");
        }
    }

    private static void setWebhook(TelegramClient client, URI hook, String secret, TelegramOptions options, TokenMask mask) {
        SetWebhook setWebhook = SetWebhook.builder().url(hook.toString()).secretToken(secret)
                .allowedUpdates(LongPollingReceiver.ALLOWED_UPDATES).maxConnections(40).build();
        try {
            client.executeAsync(setWebhook).get(options.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new TelegramStartException("Telegram did not accept the webhook " + hook + ": "
                    + mask.describe(e instanceof ExecutionException ? e.getCause() : e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelegramStartException("interrupted while setting the webhook");
        }
    }
}
