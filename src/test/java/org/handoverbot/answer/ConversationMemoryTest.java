package org.handoverbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

class ConversationMemoryTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void remembersTheLastBaseAndKeepsItWhenAnAnswerNamesNone() {
        ConversationMemory memory = new ConversationMemory(clock, Duration.ofMinutes(30), 10);
        memory.remember(1, new Answer(Reply.of(), "al-qaim", 10L, null, List.of(FixedKnowledge.ARTICLE)));
        memory.remember(1, Answer.of(Reply.of()));
        ChatContext context = memory.recall(1);
        assertThat(context.baseId()).isEqualTo("al-qaim");
        assertThat(context.eventId()).isEqualTo(10L);
        assertThat(context.sourceIds()).containsExactly(FixedKnowledge.ARTICLE.id());
        assertThat(memory.recall(2)).isEqualTo(ChatContext.EMPTY);
    }

    @Test
    void forgetsTheLeastRecentlyActiveChatBeyondItsBound() {
        ConversationMemory memory = new ConversationMemory(clock, Duration.ofMinutes(30), 3);
        for (long chat = 1; chat <= 5; chat++) {
            memory.remember(chat, new Answer(Reply.of(), "taji", null, null, List.of()));
        }
        assertThat(memory.size()).isEqualTo(3);
        assertThat(memory.recall(1).baseId()).isNull();
        assertThat(memory.recall(5).baseId()).isEqualTo("taji");
    }
}
