package org.handoverbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.handoverbot.knowledge.Event;
import org.junit.jupiter.api.Test;

class AnswerSnapshotTest {

    private final AtomicInteger reads = new AtomicInteger();
    private final List<Event> stored = new ArrayList<>(List.of(FixedKnowledge.QAIM));
    private final FixedKnowledge store = new FixedKnowledge(List.of(), List.of()) {
        @Override
        public List<Event> events() {
            reads.incrementAndGet();
            return List.copyOf(stored);
        }
    };

    @Test
    void oneAnswerReadsEachQuestionOnceAndTheNextAnswerSeesNewEvents() {
        AnswerSnapshot snapshot = new AnswerSnapshot(store);
        snapshot.open();
        snapshot.events();
        snapshot.events();
        snapshot.close();
        assertThat(reads).hasValue(1);

        stored.add(FixedKnowledge.TAJI);
        snapshot.open();
        assertThat(snapshot.events()).hasSize(2);
        snapshot.close();
        assertThat(reads).hasValue(2);
    }

    @Test
    void outsideAnAnswerEveryCallReadsTheStore() {
        AnswerSnapshot snapshot = new AnswerSnapshot(store);
        snapshot.events();
        snapshot.events();
        assertThat(reads).hasValue(2);
    }
}
