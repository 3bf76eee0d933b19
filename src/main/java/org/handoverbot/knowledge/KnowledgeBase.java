package org.handoverbot.knowledge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the bot knows, read side; every fact carries its sources. Implementations are thread-safe. The bot
 * answers from a {@link KnowledgeModel} (immutable, in memory: no call touches the database); the default
 * methods here are plain scans over {@link #events()} and {@link #quotes()} for small fixed test knowledge,
 * the model overrides them with its indexes.
 */
public interface KnowledgeBase {

    /** Every event in timeline order: date order, events with no date last, then by id. */
    List<Event> events();

    /** Events about one base (gazetteer id), in timeline order. */
    List<Event> eventsAbout(String baseId);

    Optional<Event> event(long id);

    /** Every quote, in article order. */
    List<Quote> quotes();

    /** Quotes by one speaker (gazetteer id). */
    List<Quote> quotesBy(String speakerId);

    /** Quotes whose {@link Quote#baseIds()} include this base. */
    List<Quote> quotesAbout(String baseId);

    /** Events that point at this one through {@link Event#linkedEventId()} (a done step pointing at its plan). */
    default List<Event> linkedTo(long eventId) {
        return events().stream().filter(e -> Objects.equals(e.linkedEventId(), eventId)).toList();
    }

    /** The other half of a planned-then-done pair, whichever side points at the other. */
    default Optional<Event> linked(Event event) {
        Optional<Event> direct = event.linkedEventId() == null ? Optional.empty() : event(event.linkedEventId());
        return direct.isPresent() ? direct : linkedTo(event.id()).stream().findFirst();
    }

    /** Dated events from first to last (both included), in timeline order. */
    default List<Event> eventsBetween(LocalDate first, LocalDate last) {
        return events().stream().filter(e -> e.date() != null && !e.date().isBefore(first) && !e.date().isAfter(last))
                .toList();
    }

    /** Events that name this organisation (gazetteer id) as the party handing over or receiving. */
    default List<Event> eventsInvolving(String organisationId) {
        return events().stream().filter(e -> organisationId.equals(e.fromParty()) || organisationId.equals(e.toParty()))
                .toList();
    }

    /** Events with a source that cites this source as the report gives it ("وكالة الأنباء العراقية"). */
    default List<Event> eventsCiting(String citedSource) {
        return events().stream().filter(e -> e.sources().stream().anyMatch(s -> citedSource.equals(s.citedSource())))
                .toList();
    }

    /** Quotes whose source cites this source as the report gives it, in article order. */
    default List<Quote> quotesCiting(String citedSource) {
        return quotes().stream().filter(q -> citedSource.equals(q.source().citedSource())).toList();
    }

    /**
     * The quotes an event's reports carry: those of the articles among its sources that concern its base
     * ({@link Quote#baseIds()}; every quote of those articles for an event with no base), in article order.
     */
    default List<Quote> quotesOf(Event event) {
        java.util.Set<Long> articles = new java.util.HashSet<>();
        event.sources().forEach(s -> {
            if (s.articleId() != null) {
                articles.add(s.articleId());
            }
        });
        return quotes().stream().filter(q -> articles.contains(q.articleId()))
                .filter(q -> event.baseId() == null || q.baseIds().contains(event.baseId())).toList();
    }

    /** Every source of an event or a quote, each once, by id. */
    default List<Source> sources() {
        Map<Long, Source> byId = new LinkedHashMap<>();
        events().forEach(e -> e.sources().forEach(s -> byId.putIfAbsent(s.id(), s)));
        quotes().forEach(q -> byId.putIfAbsent(q.source().id(), q.source()));
        List<Source> all = new ArrayList<>(byId.values());
        all.sort((a, b) -> Long.compare(a.id(), b.id()));
        return List.copyOf(all);
    }

    /** The stored knowledge version this was read at ({@link KnowledgeVersion}); 0 for knowledge not from a store. */
    default long version() {
        return 0;
    }
}
