package org.handoverbot.knowledge;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.handoverbot.nlp.Gazetteer;

/**
 * The knowledge as committed at the moment of each call, for the commands (`events`), the alert sender (which
 * looks up events another process has just written) and tests: each call reads the one-row version and
 * reloads the {@link KnowledgeModel} only when it moved. The bot's answers do not use this (they read a
 * {@link LiveKnowledge} model and never touch JDBC). Thread-safe.
 */
public final class H2KnowledgeBase implements KnowledgeBase {

    private final KnowledgeLoader loader;
    private final Gazetteer gazetteer;
    private volatile KnowledgeModel model;

    public H2KnowledgeBase(Database database, Gazetteer gazetteer) {
        this.loader = new KnowledgeLoader(database);
        this.gazetteer = Objects.requireNonNull(gazetteer);
    }

    /** The model of what is committed now. */
    public KnowledgeModel now() {
        long version = loader.version();
        KnowledgeModel m = model;
        if (m != null && m.version() == version) {
            return m;
        }
        synchronized (this) {
            m = model;
            if (m == null || m.version() < version) {
                m = loader.load();
                model = m;
            }
            return m;
        }
    }

    @Override
    public long version() {
        return now().version();
    }

    @Override
    public List<Event> events() {
        return now().events();
    }

    @Override
    public List<Event> eventsAbout(String baseId) {
        return now().eventsAbout(baseId);
    }

    @Override
    public Optional<Event> event(long id) {
        return now().event(id);
    }

    @Override
    public List<Quote> quotes() {
        return now().quotes();
    }

    @Override
    public List<Quote> quotesBy(String speakerId) {
        return now().quotesBy(speakerId);
    }

    @Override
    public List<Quote> quotesAbout(String baseId) {
        return now().quotesAbout(baseId);
    }

    @Override
    public List<Event> linkedTo(long eventId) {
        return now().linkedTo(eventId);
    }

    @Override
    public List<Event> eventsBetween(LocalDate first, LocalDate last) {
        return now().eventsBetween(first, last);
    }

    @Override
    public List<Event> eventsInvolving(String organisationId) {
        return now().eventsInvolving(organisationId);
    }

    @Override
    public List<Event> eventsCiting(String citedSource) {
        return now().eventsCiting(citedSource);
    }

    @Override
    public List<Quote> quotesCiting(String citedSource) {
        return now().quotesCiting(citedSource);
    }

    @Override
    public List<Quote> quotesOf(Event event) {
        return now().quotesOf(event);
    }

    @Override
    public List<Source> sources() {
        return now().sources();
    }

    /** The province the gazetteer gives for a base id, for answers that say where a base is. */
    public Optional<String> provinceOf(String baseId) {
        return gazetteer.byId(baseId).map(e -> e.province());
    }
}
