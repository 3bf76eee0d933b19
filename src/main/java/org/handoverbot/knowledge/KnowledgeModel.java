package org.handoverbot.knowledge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

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
        this.events.forEach(e -> ids.put(e.id(), e));
        this.byId = Map.copyOf(ids);
        this.byBase = index(this.events, e -> Stream.of(e.baseId()));
        this.byParty = index(this.events, e -> Stream.of(e.fromParty(), e.toParty()));
        this.eventsByCited = index(this.events, e -> e.sources().stream().map(Source::citedSource));
        this.byLink = index(this.events, e -> Stream.of(e.linkedEventId()));
        this.byDate = Collections.unmodifiableNavigableMap(new TreeMap<>(index(this.events, e -> Stream.of(e.date()))));
        this.bySpeaker = index(this.quotes, q -> Stream.of(q.speakerId()));
        this.quotesByBase = index(this.quotes, q -> q.baseIds().stream());
        this.quotesByCited = index(this.quotes, q -> Stream.of(q.source().citedSource()));
        this.byArticle = index(this.quotes, q -> Stream.of(q.articleId()));
        Map<Long, Source> allSources = new TreeMap<>();
        this.events.forEach(e -> e.sources().forEach(s -> allSources.putIfAbsent(s.id(), s)));
        this.quotes.forEach(q -> allSources.putIfAbsent(q.source().id(), q.source()));
        this.sources = List.copyOf(allSources.values());
    }

    /**
     * Each value under each of its keys (null keys left out, a key named twice by one value counted once), in the
     * values' order: the one way every index here is built.
     */
    private static <K, V> Map<K, List<V>> index(List<V> values, Function<V, Stream<K>> keys) {
        Map<K, List<V>> index = new HashMap<>();
        for (V value : values) {
            keys.apply(value).filter(Objects::nonNull).distinct()
                    .forEach(key -> index.computeIfAbsent(key, k -> new ArrayList<>()).add(value));
        }
        Map<K, List<V>> frozen = new HashMap<>();
        index.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return Map.copyOf(frozen);
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
