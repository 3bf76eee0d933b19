package org.handoverbot.knowledge;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The model the bot answers from, kept current: a background thread reads the one-row knowledge version every
 * {@code every} and, when it moved (an ingest here or in another process committed), loads a new model and
 * swaps it in at once. Callers take {@link #get()} once per answer and keep that model for the whole answer.
 * A failed load keeps the old model, logs one line, and is tried again at the next poll (one more line when
 * it succeeds again, none in between).
 */
public final class LiveKnowledge implements Supplier<KnowledgeBase>, AutoCloseable {

    /** How often the version is read: well within the second a new event may take to be answered. */
    public static final Duration DEFAULT_POLL = Duration.ofMillis(250);

    private static final System.Logger LOG = System.getLogger(LiveKnowledge.class.getName());

    private final KnowledgeLoader loader;
    private final AtomicReference<KnowledgeModel> current;
    private final ScheduledExecutorService poller;
    private volatile boolean failing;

    private LiveKnowledge(KnowledgeLoader loader, KnowledgeModel first, Duration every) {
        this.loader = loader;
        this.current = new AtomicReference<>(first);
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "knowledge-refresh");
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(1, every.toMillis());
        poller.scheduleWithFixedDelay(this::refresh, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Loads the knowledge now (a failure here is the caller's: there is no older model to keep) and starts polling. */
    public static LiveKnowledge start(Database database, Duration every) {
        KnowledgeLoader loader = new KnowledgeLoader(Objects.requireNonNull(database));
        return new LiveKnowledge(loader, loader.load(), every);
    }

    public static LiveKnowledge start(Database database) {
        return start(database, DEFAULT_POLL);
    }

    /** The model to answer from; the same object until a newer version has been loaded completely. */
    @Override
    public KnowledgeModel get() {
        return current.get();
    }

    /**
     * Loads a new model if the stored version moved since the current one; true when the model was replaced.
     * Never throws: a failure keeps the current model.
     */
    public boolean refresh() {
        KnowledgeModel old = current.get();
        try {
            if (loader.version() == old.version()) {
                recovered(old);
                return false;
            }
            KnowledgeModel fresh = loader.load();
            recovered(fresh);
            if (fresh.version() <= old.version()) {
                return false;
            }
            // only this thread (or a test calling refresh itself) swaps; never replace a newer model by an older
            return current.compareAndSet(old, fresh);
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, "knowledge refresh failed, still answering from version " + old.version()
                        + ": " + firstLine(e));
            }
            return false;
        }
    }

    private void recovered(KnowledgeModel model) {
        if (failing) {
            failing = false;
            LOG.log(Level.INFO, "knowledge refresh works again (version " + model.version() + ")");
        }
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** Stops polling and waits for a load in progress to end. */
    @Override
    public void close() {
        poller.shutdownNow();
        try {
            poller.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
