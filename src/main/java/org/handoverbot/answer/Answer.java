package org.handoverbot.answer;

import java.util.List;

import org.handoverbot.knowledge.Source;

/** A composed reply and what it was about, for the chat's context (null / empty where it names nothing). */
record Answer(Reply reply, String baseId, Long eventId, String personId, List<Source> sources) {

    Answer {
        sources = List.copyOf(sources);
    }

    static Answer of(Reply reply) {
        return new Answer(reply, null, null, null, List.of());
    }
}
