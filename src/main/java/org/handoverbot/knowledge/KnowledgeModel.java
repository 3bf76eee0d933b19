package org.handoverbot.knowledge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The knowledge as one immutable value in memory, with the indexes answers look things up by: events by id,
 * by base, by party, by cited source, by date, by the event linked to them; quotes by speaker, by base, by
 * cited source. Built once per knowledge version ({@link KnowledgeLoader}); every answer reads it without
 * locks or JDBC, and an answer that started on one model finishes on it however often the model is replaced.
 */
public final class KnowledgeModel implements KnowledgeBase {

    /** No knowledge at all (before the first load, and for tests). */
    public static final KnowledgeModel EMPTY = new KnowledgeModel(0, List.of(), List.of());

    private static final Comparator<Event> TIMELINE = Comparator
            .comparing(Event::date, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(Event::id);

    private final long version;
    private final List<Event> events;
    private final List<Quote> quotes;
    private final List<Source> sources;
    private final Map<Long, Event> byId;
    private final Map<String, List<Event>> byBase;
    private final Map<String, List<Event>> byParty;
    private final Map<String, List<Event>> eventsByCited;
    private final Map<Long, List<Event>> byLink;
    private final NavigableMap<LocalDate, List<Event>> byDate;
    private final Map<String, List<Quote>> bySpeaker;
    private final Map<String, List<Quote>> quotesByBase;
    private final Map<String, List<Quote>> quotesByCited;
    private final Map<Long, List<Quote>> byArticle;

    /**
     * @param events in any order (kept in timeline order)
     * @param quotes in article order
     */
    public KnowledgeModel(long version, List<Event> events, List<Quote> quotes) {
        this.version = version;
        List<Event> ordered = new ArrayList<>(events);
        ordered.sort(TIMELINE);
        this.events = List.copyOf(ordered);
        this.quotes = List.copyOf(quotes);
        Map<Long, Event> ids = new HashMap<>();
        Map<String, List<Event>> bases = new HashMap<>();
        Map<String, List<Event>> parties = new HashMap<>();
        Map<String, List<Event>> cited = new HashMap<>();
        Map<Long, List<Event>> links = new HashMap<>();
        NavigableMap<LocalDate, List<Event>> dates = new TreeMap<>();
        Map<Long, Source> allSources = new TreeMap<>();
        for (Event e : this.events) {
            ids.put(e.id(), e);
            add(bases, e.baseId(), e);
            add(parties, e.fromParty(), e);
            if (e.toParty() != null && !e.toParty().equals(e.fromParty())) {
                add(parties, e.toParty(), e);
            }
            if (e.linkedEventId() != null) {
                add(links, e.linkedEventId(), e);
            }
            if (e.date() != null) {
                add(dates, e.date(), e);
            }
            e.sources().stream().map(Source::citedSource).filter(s -> s != null).distinct()
                    .forEach(s -> add(cited, s, e));
            e.sources().forEach(s -> allSources.putIfAbsent(s.id(), s));
        }
        Map<String, List<Quote>> speakers = new HashMap<>();
        Map<String, List<Quote>> quoteBases = new HashMap<>();
        Map<String, List<Quote>> quoteCited = new HashMap<>();
        Map<Long, List<Quote>> articles = new HashMap<>();
        for (Quote q : this.quotes) {
            add(articles, q.articleId(), q);
            add(speakers, q.speakerId(), q);
            q.baseIds().stream().distinct().forEach(b -> add(quoteBases, b, q));
            add(quoteCited, q.source().citedSource(), q);
            allSources.putIfAbsent(q.source().id(), q.source());
        }
        this.byId = Map.copyOf(ids);
        this.byBase = frozen(bases);
        this.byParty = frozen(parties);
        this.eventsByCited = frozen(cited);
        this.byLink = frozen(links);
        this.byDate = Collections.unmodifiableNavigableMap(new TreeMap<>(frozen(dates)));
        this.bySpeaker = frozen(speakers);
        this.quotesByBase = frozen(quoteBases);
        this.quotesByCited = frozen(quoteCited);
        this.byArticle = frozen(articles);
        this.sources = List.copyOf(allSources.values());
    }

    private static <K, V> void add(Map<K, List<V>> index, K key, V value) {
        if (key != null) {
            index.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
    }

    private static <K, V> Map<K, List<V>> frozen(Map<K, List<V>> index) {
        Map<K, List<V>> out = new HashMap<>();
        index.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return Map.copyOf(out);
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public List<Event> events() {
        return events;
    }

    @Override
    public List<Event> eventsAbout(String baseId) {
        return lookup(byBase, baseId);
    }

    @Override
    public Optional<Event> event(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public List<Quote> quotes() {
        return quotes;
    }

    @Override
    public List<Quote> quotesBy(String speakerId) {
        return lookup(bySpeaker, speakerId);
    }

    @Override
    public List<Quote> quotesAbout(String baseId) {
        return lookup(quotesByBase, baseId);
    }

    @Override
    public List<Event> linkedTo(long eventId) {
        return byLink.getOrDefault(eventId, List.of());
    }

    @Override
    public List<Event> eventsBetween(LocalDate first, LocalDate last) {
        if (first.isAfter(last)) {
            return List.of();
        }
        List<Event> out = new ArrayList<>();
        byDate.subMap(first, true, last, true).values().forEach(out::addAll);
        return out;
    }

    @Override
    public List<Event> eventsInvolving(String organisationId) {
        return lookup(byParty, organisationId);
    }

    @Override
    public List<Event> eventsCiting(String citedSource) {
        return lookup(eventsByCited, citedSource);
    }

    @Override
    public List<Quote> quotesCiting(String citedSource) {
        return lookup(quotesByCited, citedSource);
    }

    @Override
    public List<Quote> quotesOf(Event event) {
        List<Long> articles = event.sources().stream().map(Source::articleId).filter(a -> a != null).distinct()
                .sorted().toList();
        List<Quote> out = new ArrayList<>();
        for (Long article : articles) {
            for (Quote q : byArticle.getOrDefault(article, List.of())) {
                if (event.baseId() == null || q.baseIds().contains(event.baseId())) {
                    out.add(q);
                }
            }
        }
        return out;
    }

    @Override
    public List<Source> sources() {
        return sources;
    }

    private static <V> List<V> lookup(Map<String, List<V>> index, String key) {
        return key == null ? List.of() : index.getOrDefault(key, List.of());
    }

    @Override
    public String toString() {
        return "KnowledgeModel[version " + version + ", " + events.size() + " events, " + quotes.size() + " quotes]";
    }
}
