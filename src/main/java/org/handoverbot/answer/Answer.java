package org.handoverbot.answer;

import java.util.List;

import org.handoverbot.knowledge.Source;
import org.handoverbot.nlp.Act;

/**
 * A composed reply and what it was about, for the chat's state (null / empty where it names nothing); awaiting is
 * the act of a "which base?" reply, so that a bare base name answers it.
 */
record Answer(Reply reply, String baseId, Long eventId, String personId, List<Source> sources, Act awaiting) {

    Answer {
        sources = List.copyOf(sources);
    }

    Answer(Reply reply, String baseId, Long eventId, String personId, List<Source> sources) {
        this(reply, baseId, eventId, personId, sources, null);
    }

    static Answer of(Reply reply) {
        return new Answer(reply, null, null, null, List.of());
    }

    /** This answer as a question back that waits for a base for the act. */
    Answer awaiting(Act act) {
        return new Answer(reply, baseId, eventId, personId, sources, act);
    }
}
