package org.handoverbot.knowledge;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.handoverbot.nlp.EntityKind;
import org.handoverbot.nlp.Gazetteer;
import org.handoverbot.nlp.GazetteerEntry;

/**
 * Puts an article or a records file into the knowledge base, each in one transaction: all of it or none.
 * New events are told to the listener inside that transaction (so an alert commits with its event);
 * {@link #loadSeed} stores the same way but tells no one.
 */
public final class KnowledgeIngester {

    private final Database database;
    private final Gazetteer gazetteer;
    private final ArticleExtractor extractor;
    private final KnowledgeWriter writer = new KnowledgeWriter();
    private final NewEventsListener listener;

    private static final int WRITE_ATTEMPTS = 20;

    public KnowledgeIngester(Database database, Gazetteer gazetteer, NewEventsListener listener) {
        this.database = Objects.requireNonNull(database);
        this.gazetteer = Objects.requireNonNull(gazetteer);
        this.extractor = new ArticleExtractor(gazetteer);
        this.listener = Objects.requireNonNull(listener);
    }

    /** The database this stores into (the seed loader keeps its checksums there too). */
    Database database() {
        return database;
    }

    public IngestReport ingest(ArticleInput article) {
        return store(article, listener);
    }

    /** What the article would add, read and printed, with nothing stored (`ingest --dry-run`). */
    public Extraction read(ArticleInput article) {
        return extractor.extract(article.text(), article.metadata());
    }

    public IngestReport ingest(RecordsInput records) {
        return store(records, listener);
    }

    /** Seeds are the bot's starting knowledge, not news: stored without telling the listener. */
    IngestReport loadSeed(ArticleInput article) {
        return store(article, NewEventsListener.NONE);
    }

    IngestReport loadSeed(RecordsInput records) {
        return store(records, NewEventsListener.NONE);
    }

    private IngestReport store(ArticleInput article, NewEventsListener tell) {
        Extraction extraction = extractor.extract(article.text(), article.metadata());
        FieldLimits.check(article.name(), extraction);
        return writing(c -> {
            Optional<Long> known = writer.articleWithText(c, article.sha256());
            if (known.isPresent()) {
                return new IngestReport(article.name(), true, List.of(), List.of(), List.of());
            }
            long articleId = writer.insertArticle(c, article.metadata(), article.text(), article.sha256(),
                    article.name());
            List<Long> added = new ArrayList<>();
            List<Long> gained = new ArrayList<>();
            List<Long> held = new ArrayList<>();
            for (EventDraft e : extraction.events()) {
                KnowledgeWriter.Merged m = writer.merge(c, e, articleId, Review.reason(e).orElse(null));
                (m.toReview() ? held : m.isNew() ? added : m.sourcesAdded() > 0 ? gained : new ArrayList<Long>())
                        .add(m.eventId());
            }
            for (QuoteDraft q : extraction.quotes()) {
                writer.insertQuote(c, q, articleId);
            }
            IngestReport report = finish(c, article.name(), false, added, gained,
                    StoredRows.quotesOfArticle(c, articleId), tell);
            return report.withHeld(byIds(c, held));
        });
    }

    private IngestReport store(RecordsInput records, NewEventsListener tell) {
        for (EventDraft e : records.events()) {
            check(records.name(), e);
        }
        return writing(c -> {
            List<Long> added = new ArrayList<>();
            List<Long> gained = new ArrayList<>();
            for (EventDraft e : records.events()) {
                KnowledgeWriter.Merged m = writer.merge(c, e, null);
                if (m.isNew()) {
                    added.add(m.eventId());
                } else if (m.sourcesAdded() > 0 && !gained.contains(m.eventId())) {
                    gained.add(m.eventId());
                }
            }
            return finish(c, records.name(), added.isEmpty() && gained.isEmpty(), added, gained, List.of(), tell);
        });
    }

    /**
     * One write transaction holding the knowledge write lock and raising the knowledge version. Another process writing at the same moment makes
     * H2 time out on the lock (or lose a race on the article's fingerprint): then the whole work is tried again,
     * and finds what the other stored.
     */
    private IngestReport writing(Database.TransactionWork<IngestReport> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return database.inSyncedTransaction(c -> {
                    // the write lock, and the version a running bot sees move when this commits
                    KnowledgeVersion.bump(c);
                    return work.run(c);
                });
            } catch (StoreException e) {
                if (attempt >= WRITE_ATTEMPTS || !contention(e)) {
                    throw e;
                }
                try {
                    Thread.sleep(50L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static boolean contention(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                // 23505 unique key (the same article stored by the other writer); HYT00 lock timeout; 40001 deadlock
                String state = sql.getSQLState();
                if ("23505".equals(state) || "HYT00".equals(state) || "40001".equals(state)) {
                    return true;
                }
            }
        }
        return false;
    }

    private IngestReport finish(Connection c, String name, boolean nothing, List<Long> added, List<Long> gained,
                                List<Quote> quotes, NewEventsListener tell) throws SQLException {
        List<Event> newEvents = byIds(c, added);
        List<Event> known = byIds(c, gained.stream().filter(id -> !added.contains(id)).distinct().toList());
        if (!newEvents.isEmpty()) {
            tell.onNewEvents(c, newEvents);
        }
        return new IngestReport(name, nothing, newEvents, known, quotes);
    }

    private static List<Event> byIds(Connection c, List<Long> ids) throws SQLException {
        return StoredRows.events(c, ids.stream().distinct().toList());
    }

    /** A record must name things the bot knows: bases and parties from the gazetteer. */
    private void check(String file, EventDraft e) {
        if (e.baseId() != null) {
            requireKind(file, e.baseId(), EntityKind.BASE, "base");
        }
        if (e.fromParty() != null) {
            requireKind(file, e.fromParty(), EntityKind.ORGANISATION, "from");
        }
        if (e.toParty() != null) {
            requireKind(file, e.toParty(), EntityKind.ORGANISATION, "to");
        }
    }

    private void requireKind(String file, String id, EntityKind kind, String field) {
        Optional<GazetteerEntry> entry = gazetteer.byId(id);
        if (entry.isEmpty() || entry.get().kind() != kind) {
            throw new BadInputException(file, "'" + field + "' is '" + id + "', which is no "
                    + kind.name().toLowerCase() + " id in the gazetteer (models/gazetteer.json)");
        }
    }
}
