package org.handoverbot.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * A knowledge base over plain lists in which every lookup is a scan of them (the interface's defaults do the
 * rest): fixed records for the composers' tests, and the reference the in-memory model's indexes must agree with.
 */
public class ScannedKnowledge implements KnowledgeBase {

    private final List<Event> events;
    private final List<Quote> quotes;

    public ScannedKnowledge(List<Event> events, List<Quote> quotes) {
        this.events = List.copyOf(events);
        this.quotes = List.copyOf(quotes);
    }

    @Override
    public List<Event> events() {
        return events;
    }

    @Override
    public List<Event> eventsAbout(String baseId) {
        return events.stream().filter(e -> baseId.equals(e.baseId())).toList();
    }

    @Override
    public Optional<Event> event(long id) {
        return events.stream().filter(e -> e.id() == id).findFirst();
    }

    @Override
    public List<Quote> quotes() {
        return quotes;
    }

    @Override
    public List<Quote> quotesBy(String speakerId) {
        return quotes.stream().filter(q -> speakerId.equals(q.speakerId())).toList();
    }

    @Override
    public List<Quote> quotesAbout(String baseId) {
        return quotes.stream().filter(q -> q.baseIds().contains(baseId)).toList();
    }
}
