package org.handoverbot.answer;

import java.time.Instant;
import java.util.List;

import org.handoverbot.knowledge.Source;

/**
 * What one chat last talked about, so follow-ups ("ومن تسلمها؟", "وما مصدر الخبر؟") resolve to it:
 * the base (gazetteer id), the event and the person of the last answer, and the sources that answer named.
 */
public record ChatContext(String baseId, Long eventId, String personId, List<Source> sources, Instant at) {

    public static final ChatContext EMPTY = new ChatContext(null, null, null, List.of(), Instant.EPOCH);

    public ChatContext {
        sources = List.copyOf(sources);
    }

    /** This context updated by an answer: what the answer names replaces what was there; the rest stays. */
    ChatContext after(Answer answer, Instant now) {
        return new ChatContext(
                answer.baseId() != null ? answer.baseId() : baseId,
                answer.eventId() != null ? answer.eventId() : eventId,
                answer.personId() != null ? answer.personId() : personId,
                answer.sources().isEmpty() ? sources : answer.sources(),
                now);
    }
}
