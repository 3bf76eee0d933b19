package org.handoverbot.cli;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.handoverbot.answer.AnswerDialogue;
import org.handoverbot.answer.ChatContext;
import org.handoverbot.answer.ConversationMemory;
import org.handoverbot.answer.DatabaseChatStates;
import org.handoverbot.answer.ReplyCatalogue;
import org.handoverbot.answer.SubscriptionDesk;
import org.handoverbot.config.Settings;
import org.handoverbot.knowledge.Database;
import org.handoverbot.knowledge.H2KnowledgeBase;
import org.handoverbot.knowledge.KnowledgeBase;
import org.handoverbot.knowledge.KnowledgeIngester;
import org.handoverbot.knowledge.LiveKnowledge;
import org.handoverbot.knowledge.NewEventsListener;
import org.handoverbot.knowledge.SeedLoader;
import org.handoverbot.nlp.Gazetteer;
import org.handoverbot.nlp.QuestionUnderstander;

/**
 * The composition root: every part built once with plain constructors, in dependency order. Settings → the
 * database (migrated) → the seeds stored (no alerts) → the knowledge model in memory (kept current by a
 * background poll of the knowledge version) → the question understander → the dialogue every front end
 * talks to, which answers from the model alone. The gazetteer, the understander and the reply catalogue load
 * on a second thread meanwhile. Closing stops the poll, then closes the database.
 */
public final class Application implements AutoCloseable {

    private final Settings settings;
    private final Gazetteer gazetteer;
    private final Database database;
    private final KnowledgeIngester ingester;
    private final KnowledgeBase knowledge;
    private final LiveKnowledge live;
    private final QuestionUnderstander understander;
    private final AnswerDialogue dialogue;

    /** The parts without alerts: ingest tells no one and subscriptions are explained, not taken. */
    public Application(Settings settings) {
        this(settings, database -> NewEventsListener.NONE, database -> Optional.empty());
    }

    /**
     * With alerts: the listener told of new events inside each ingest and the desk that takes subscriptions,
     * each given the database this application opens (e.g. {@code db -> new AlertOutboxWriter(channel, clock)},
     * {@code db -> Optional.of(new Subscriptions(db))}).
     */
    public Application(Settings settings, Function<Database, NewEventsListener> newEvents,
                       Function<Database, Optional<SubscriptionDesk>> desk) {
        this.settings = settings;
        // The word lists and the intent model load on a second thread while this one opens the database and
        // stores the seeds: independent parts, and together about half of a one-question start.
        ExecutorService startUp = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "start-up");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletableFuture<Gazetteer> words = CompletableFuture.supplyAsync(Gazetteer::load, startUp);
            CompletableFuture<QuestionUnderstander> understanding =
                    words.thenApplyAsync(QuestionUnderstander::load, startUp);
            // the reply catalogue (ICU's plural rules and number formats) is first needed by the first answer
            CompletableFuture<ReplyCatalogue> replies = CompletableFuture.supplyAsync(ReplyCatalogue::arabic, startUp);
            this.database = Database.open(settings.database());
            try {
                this.gazetteer = joined(words);
                this.ingester = new KnowledgeIngester(database, gazetteer, newEvents.apply(database));
                new SeedLoader(ingester).load();
                this.knowledge = new H2KnowledgeBase(database, gazetteer);
                this.live = LiveKnowledge.start(database);
            } catch (RuntimeException | Error e) {
                database.close();
                throw e;
            }
            try {
                this.understander = joined(understanding);
                joined(replies);
                this.dialogue = new AnswerDialogue(live, gazetteer, understander::understand, desk.apply(database),
                        conversations(database), QuestionUnderstander.CONFIDENCE_THRESHOLD);
            } catch (RuntimeException | Error e) {
                close();
                throw e;
            }
        } finally {
            startUp.shutdown();
        }
    }

    /** What the start-up thread made, or what it threw, as it threw it. */
    private static <T> T joined(CompletableFuture<T> part) {
        try {
            return part.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /**
     * On PostgreSQL several instances may answer the same chats, so each chat's context lives in the database
     * (a follow-up reaching another instance still knows the last question); on H2, one process, in memory.
     */
    private static ConversationMemory conversations(Database database) {
        return switch (database.vendor()) {
            case H2 -> new ConversationMemory();
            case POSTGRESQL -> ConversationMemory.shared(new DatabaseChatStates<>(database, ChatContext.class,
                    ConversationMemory.DEFAULT_TTL, Clock.systemUTC()), Clock.systemUTC(), ConversationMemory.DEFAULT_TTL);
        };
    }

    /**
     * Empty when this instance can answer: the database answers, and the knowledge and intent models are loaded
     * (both are by the time the constructor returns); otherwise what is missing, for the health endpoint.
     */
    public Optional<String> notReadyBecause() {
        try (Connection c = database.connection()) {
            if (!c.isValid(2)) {
                return Optional.of("the database does not answer");
            }
        } catch (SQLException | RuntimeException e) {
            return Optional.of("the database does not answer: " + KnowledgeCommands.firstLine(e.getMessage()));
        }
        if (live.get() == null || understander == null) {
            return Optional.of("the models are not loaded");
        }
        return Optional.empty();
    }

    public Settings settings() {
        return settings;
    }

    public Gazetteer gazetteer() {
        return gazetteer;
    }

    public Database database() {
        return database;
    }

    public KnowledgeIngester ingester() {
        return ingester;
    }

    /**
     * The knowledge as committed at each call (reads the version each time): for the alert sender, which
     * looks up events another process has just written. Answers use {@link #liveKnowledge()}.
     */
    public KnowledgeBase knowledge() {
        return knowledge;
    }

    /** The in-memory model answers are made from, replaced when the stored knowledge changes. */
    public LiveKnowledge liveKnowledge() {
        return live;
    }

    public QuestionUnderstander understander() {
        return understander;
    }

    public AnswerDialogue dialogue() {
        return dialogue;
    }

    @Override
    public void close() {
        live.close();
        database.close();
    }
}
