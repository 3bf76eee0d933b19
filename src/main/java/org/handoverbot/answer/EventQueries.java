package org.handoverbot.answer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.handoverbot.knowledge.Event;
import org.handoverbot.knowledge.EventKind;
import org.handoverbot.knowledge.EventStatus;
import org.handoverbot.knowledge.KnowledgeBase;
import org.handoverbot.knowledge.Quote;
import org.handoverbot.knowledge.Source;
import org.handoverbot.nlp.DateMention;
import org.handoverbot.nlp.EntityKind;
import org.handoverbot.nlp.Mention;

/**
 * The questions the composers put to the knowledge base, in one place: a base's handover, its planned step,
 * the quotes that really concern it. The rules that keep one base's facts from being lent to another live here.
 */
final class EventQueries {

    private final KnowledgeBase knowledge;
    private final Names names;
    /** Bases named by each quote text seen, for {@link #basesNamed}. */
    private final Map<String, Set<String>> basesNamedIn = new java.util.concurrent.ConcurrentHashMap<>();

    EventQueries(KnowledgeBase knowledge, Names names) {
        this.knowledge = knowledge;
        this.names = names;
    }

    /**
     * The events about the base that are the base's own. Asked several times an answer: the knowledge's list as
     * it is when every event in it is (the model's index always), else a filtered copy. Callers only read it.
     */
    List<Event> about(String baseId) {
        List<Event> events = knowledge.eventsAbout(baseId);
        for (Event e : events) {
            if (!baseId.equals(e.baseId())) {
                return events.stream().filter(own -> baseId.equals(own.baseId())).toList();
            }
        }
        return events;
    }

    /** The handover reported as done for the base; the latest when there are several. */
    Optional<Event> handover(String baseId) {
        List<Event> events = about(baseId);
        for (int i = events.size() - 1; i >= 0; i--) {
            if (isDoneHandover(events.get(i))) {
                return Optional.of(events.get(i));
            }
        }
        return Optional.empty();
    }

    /** The base's announced-but-not-done handover, if any. */
    Optional<Event> planned(String baseId) {
        for (Event e : about(baseId)) {
            if (isPlannedHandover(e)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    Optional<Event> event(Long id) {
        return id == null ? Optional.empty() : knowledge.event(id);
    }

    /** The other half of a planned-then-done pair, whichever side points at the other. */
    Optional<Event> linked(Event event) {
        // the knowledge's own: the event it points at, else the first in timeline order pointing at it (the
        // model by its index, instead of a scan of every event)
        return knowledge.linked(event);
    }

    List<Event> events() {
        return knowledge.events();
    }

    /** Every handover reported as done, in date order (undated last). */
    List<Event> doneHandovers() {
        return knowledge.events().stream().filter(EventQueries::isDoneHandover).toList();
    }

    /** Handovers reported as done with a date, in date order. */
    List<Event> datedHandovers() {
        return doneHandovers().stream().filter(e -> e.date() != null).sorted(byDate()).toList();
    }

    /** The dated handover right after (later) or right before the base's own; empty at either end. */
    Optional<Event> neighbour(String baseId, boolean later) {
        List<Event> dated = datedHandovers();
        for (int i = 0; i < dated.size(); i++) {
            if (baseId.equals(dated.get(i).baseId())) {
                int j = later ? i + 1 : i - 1;
                return j >= 0 && j < dated.size() ? Optional.of(dated.get(j)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Every source the knowledge holds with one of these ids, in the order of the ids. */
    List<Source> sourcesWithIds(List<Long> ids) {
        Map<Long, Source> all = new LinkedHashMap<>();
        knowledge.events().forEach(e -> e.sources().forEach(s -> all.putIfAbsent(s.id(), s)));
        knowledge.quotes().forEach(q -> all.putIfAbsent(q.source().id(), q.source()));
        return ids.stream().map(all::get).filter(Objects::nonNull).toList();
    }

    /** Planned handovers that no event reports as done yet. */
    List<Event> openPlans() {
        return knowledge.events().stream().filter(EventQueries::isPlannedHandover)
                .filter(p -> linked(p).filter(EventQueries::isDoneHandover).isEmpty()).toList();
    }

    List<Event> plans() {
        return knowledge.events().stream().filter(EventQueries::isPlannedHandover).toList();
    }

    List<Event> attacks() {
        return knowledge.events().stream().filter(e -> e.kind() == EventKind.ATTACK).toList();
    }

    /** Every event whose date falls in what the question names; undated events never match. */
    List<Event> inPeriod(DateMention period) {
        return knowledge.events().stream().filter(e -> e.date() != null && matches(e.date(), period)).toList();
    }

    static boolean matches(LocalDate date, DateMention period) {
        return (period.year() == null || period.year() == date.getYear())
                && (period.month() == null || period.month() == date.getMonthValue())
                && (period.day() == null || period.day() == date.getDayOfMonth());
    }

    /** Bases with at least one event, in order of their first event. */
    List<String> basesKnown() {
        return knowledge.events().stream().map(Event::baseId).filter(Objects::nonNull).distinct().toList();
    }

    /**
     * Quotes that concern the base: the words name it, or they name no base and come from an article that
     * reports the base's handover as done. An article that names a base only as a next step lends it nothing.
     */
    List<Quote> quotesConcerning(String baseId) {
        Set<Long> articles = doneArticles(baseId);
        List<Quote> out = new ArrayList<>();
        for (Quote q : knowledge.quotesAbout(baseId)) {
            Set<String> named = basesNamed(q.text());
            if (named.contains(baseId) || (named.isEmpty() && articles.contains(q.articleId()))) {
                out.add(q);
            }
        }
        return out;
    }

    /**
     * Whether {@link #quotesConcerning} has any, without listing them: every reply about a base asks, to offer
     * its "what did they say" button, so it stops at the first and reads the handover's articles only if needed.
     */
    boolean anyQuoteConcerning(String baseId) {
        Set<Long> articles = null;
        for (Quote q : knowledge.quotesAbout(baseId)) {
            Set<String> named = basesNamed(q.text());
            if (named.contains(baseId)) {
                return true;
            }
            if (named.isEmpty()) {
                articles = articles == null ? doneArticles(baseId) : articles;
                if (articles.contains(q.articleId())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The articles that report the base's handover as done. */
    private Set<Long> doneArticles(String baseId) {
        return about(baseId).stream().filter(EventQueries::isDoneHandover)
                .flatMap(e -> e.sources().stream()).map(Source::articleId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }

    List<Quote> quotesBy(String personId) {
        return knowledge.quotesBy(personId);
    }

    List<Quote> quotes() {
        return knowledge.quotes();
    }

    List<Quote> withTopic(List<Quote> quotes, String topic) {
        return quotes.stream().filter(q -> q.topics().contains(topic)).toList();
    }

    /**
     * The bases a text names. Quote texts are scanned again on every answer about a base, and these queries live
     * as long as one knowledge model, so each text's bases are kept (a few hundred quotes at most).
     */
    Set<String> basesNamed(String text) {
        return basesNamedIn.computeIfAbsent(text, this::scanForBases);
    }

    private Set<String> scanForBases(String text) {
        return names.gazetteer().find(text).stream().map(Mention::entry).filter(e -> e.kind() == EntityKind.BASE)
                .map(e -> e.id()).collect(Collectors.toSet());
    }

    /** Sources of several events, each once, in order. */
    static List<Source> sourcesOf(List<Event> events) {
        Map<Long, Source> byId = new LinkedHashMap<>();
        events.forEach(e -> e.sources().forEach(s -> byId.putIfAbsent(s.id(), s)));
        return List.copyOf(byId.values());
    }

    static List<Source> sourcesOfQuotes(List<Quote> quotes) {
        Map<Long, Source> byId = new LinkedHashMap<>();
        quotes.forEach(q -> byId.putIfAbsent(q.source().id(), q.source()));
        return List.copyOf(byId.values());
    }

    /** Publishers of some sources, each once: "الحل نت، Military Times". */
    static String publishers(List<Source> sources) {
        if (sources.size() == 1) {
            return sources.get(0).publisher().strip();
        }
        List<String> distinct = new ArrayList<>(sources.size());
        for (Source s : sources) {
            String publisher = s.publisher().strip();
            if (!distinct.contains(publisher)) {
                distinct.add(publisher);
            }
        }
        return String.join("، ", distinct);
    }

    static boolean isDoneHandover(Event e) {
        return e.kind() == EventKind.HANDOVER && e.status() == EventStatus.DONE;
    }

    static boolean isPlannedHandover(Event e) {
        return e.kind() == EventKind.HANDOVER && e.status() == EventStatus.PLANNED;
    }

    static Comparator<Event> byDate() {
        return Comparator.comparing(Event::date, Comparator.nullsLast(Comparator.naturalOrder()));
    }
}
