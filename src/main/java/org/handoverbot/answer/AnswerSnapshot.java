package org.handoverbot.answer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.handoverbot.knowledge.Event;
import org.handoverbot.knowledge.KnowledgeBase;
import org.handoverbot.knowledge.Quote;

/**
 * The knowledge base as one answer sees it: composing a reply asks the same questions several times (every
 * event, a base's events, its quotes), so within one answer each is read once; the next answer reads the
 * store afresh, so events another process ingests are seen at once. The scope is per thread, opened and
 * closed around each answer by {@link AnswerDialogue}; outside a scope every call goes to the store.
 */
final class AnswerSnapshot implements KnowledgeBase {

    private final KnowledgeBase store;
    private final ThreadLocal<Map<String, Object>> scope = new ThreadLocal<>();

    AnswerSnapshot(KnowledgeBase store) {
        this.store = store;
    }

    void open() {
        scope.set(new HashMap<>());
    }

    void close() {
        scope.remove();
    }

    @Override
    public List<Event> events() {
        return remembered("events", store::events);
    }

    @Override
    public List<Event> eventsAbout(String baseId) {
        return remembered("about:" + baseId, () -> store.eventsAbout(baseId));
    }

    @Override
    public Optional<Event> event(long id) {
        return remembered("event:" + id, () -> store.event(id));
    }

    @Override
    public List<Quote> quotes() {
        return remembered("quotes", store::quotes);
    }

    @Override
    public List<Quote> quotesBy(String speakerId) {
        return remembered("by:" + speakerId, () -> store.quotesBy(speakerId));
    }

    @Override
    public List<Quote> quotesAbout(String baseId) {
        return remembered("quotesAbout:" + baseId, () -> store.quotesAbout(baseId));
    }

    @SuppressWarnings("unchecked")
    private <T> T remembered(String key, Supplier<T> read) {
        Map<String, Object> cache = scope.get();
        if (cache == null) {
            return read.get();
        }
        Object value = cache.get(key);
        if (value == null) {
            value = read.get();
            cache.put(key, value);
        }
        return (T) value;
    }
}
