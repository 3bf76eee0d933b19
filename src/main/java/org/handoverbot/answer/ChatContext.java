package org.handoverbot.answer;

import java.time.Instant;
import java.util.List;

import org.handoverbot.knowledge.Source;
import org.handoverbot.nlp.Act;
import org.handoverbot.nlp.AskedKind;
import org.handoverbot.nlp.DateMention;
import org.handoverbot.nlp.Frame;

/**
 * One chat's dialogue state: what the last answer was about, so a follow-up that only names a slot
 * ("والقيارة؟", "وبآب 2020؟", "والخفاجي؟", "وبعدها؟") repeats the last act with that slot replaced, a bare base
 * answers "which base?", and /source names the last answer's sources. Plain data (ids, enums, dates) so that
 * it can be kept outside the JVM as JSON ({@link DatabaseChatStates}): act the last act asked about; subjects
 * the bases it concerned (gazetteer ids); speaker the person or organisation asked about or quoted; kind and
 * date the event kind and date asked about; eventId the event told; sourceIds the sources named; awaiting the
 * act that waits for a base after "which base?"; at when it was written.
 */
public record ChatContext(Act act, List<String> subjects, String speaker, AskedKind kind, DateMention date,
                          Long eventId, List<Long> sourceIds, Act awaiting, Instant at) {

    public static final ChatContext EMPTY = new ChatContext(null, List.of(), null, null, null, null, List.of(), null,
            Instant.EPOCH);

    public ChatContext {
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        sourceIds = sourceIds == null ? List.of() : List.copyOf(sourceIds);
    }

    /** A state naming a base, an event, a person and sources, as the first version of the state held. */
    public ChatContext(String baseId, Long eventId, String personId, List<Source> sources, Instant at) {
        this(null, baseId == null ? List.of() : List.of(baseId), personId, null, null, eventId,
                sources.stream().map(Source::id).toList(), null, at);
    }

    /** The base the conversation is about (the first subject), or null. */
    public String baseId() {
        return subjects.isEmpty() ? null : subjects.get(0);
    }

    /** This state after an answer to a frame: what the answer and the frame name replace what was here. */
    /** The sources' ids as a list the constructor keeps as it is (List.of: no second copy). */
    private static List<Long> ids(List<Source> sources) {
        Long[] ids = new Long[sources.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = sources.get(i).id();
        }
        return List.of(ids);
    }

    ChatContext after(Frame frame, Answer answer, Instant now) {
        boolean knowledge = frame != null && frame.act().asksKnowledge();
        Act nextAct = knowledge ? frame.act() : act;
        List<String> nextSubjects = answer.baseId() != null ? List.of(answer.baseId()) : subjects;
        String nextSpeaker = knowledge && frame.speaker() != null ? frame.speaker()
                : answer.personId() != null ? answer.personId() : speaker;
        return new ChatContext(nextAct, nextSubjects, nextSpeaker, knowledge ? frame.kind() : kind,
                knowledge ? frame.date() : date, answer.eventId() != null ? answer.eventId() : eventId,
                answer.sources().isEmpty() ? sourceIds : ids(answer.sources()),
                answer.awaiting(), now);
    }
}
