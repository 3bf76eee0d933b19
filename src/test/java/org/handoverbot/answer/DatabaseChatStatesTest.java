package org.handoverbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.handoverbot.knowledge.Database;
import org.handoverbot.knowledge.Source;
import org.handoverbot.knowledge.Vendor;
import org.handoverbot.knowledge.pg.OnEveryVendor;
import org.handoverbot.knowledge.pg.PostgresDatabase;
import org.handoverbot.knowledge.pg.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Each chat's context as JSON in the database, read back the same by any instance, on both vendors. */
class DatabaseChatStatesTest {

    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    @TempDir
    Path dir;

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final ChatContext CONTEXT = new ChatContext("al-qaim", 7L, "khafaji",
            List.of(new Source(3, "الحل نت", LocalDate.of(2020, 3, 19), "https://example.org/a", "وكالة الأنباء العراقية",
                    "اللواء تحسين الخفاجي", "«انسحاب تلك القوات من القائم هو البداية»", 1L)), NOW);

    @OnEveryVendor
    void aContextSavedByOneInstanceIsRecalledByAnother(Vendor vendor) {
        try (Database db = Database.open(TestDatabases.freshUrl(vendor, dir, "db"))) {
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            DatabaseChatStates<ChatContext> one = new DatabaseChatStates<>(db, ChatContext.class, Duration.ofMinutes(30), clock);
            DatabaseChatStates<ChatContext> other = new DatabaseChatStates<>(db, ChatContext.class, Duration.ofMinutes(30), clock);

            one.save(42, CONTEXT);
            assertThat(other.load(42)).contains(CONTEXT);
            ChatContext next = new ChatContext("taji", 9L, null, List.of(), NOW);
            other.save(42, next);
            assertThat(one.load(42)).contains(next);
            assertThat(one.load(43)).isEmpty();
        }
    }

    @Test
    void anOldOrUnreadableStateIsNoState() throws Exception {
        try (Database db = Database.open(POSTGRES.url())) {
            DatabaseChatStates<ChatContext> states = new DatabaseChatStates<>(db, ChatContext.class, Duration.ofMinutes(30),
                    Clock.fixed(NOW, ZoneOffset.UTC));
            states.save(1, CONTEXT);
            DatabaseChatStates<ChatContext> later = new DatabaseChatStates<>(db, ChatContext.class, Duration.ofMinutes(30),
                    Clock.fixed(NOW.plus(Duration.ofMinutes(31)), ZoneOffset.UTC));
            assertThat(later.load(1)).isEmpty();
            assertThat(later.forgetOlderThan(NOW.plusSeconds(1))).isEqualTo(1);

            states.save(2, CONTEXT);
            try (Connection c = db.connection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE chat_state SET state = '{\"baseId\": [1, 2' WHERE chat_id = 2");
            }
            assertThat(states.load(2)).isEmpty();
        }
    }

    @Test
    void aSharedConversationMemoryCarriesAFollowUpAcrossInstances() {
        try (Database db = Database.open(POSTGRES.url())) {
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            ConversationMemory first = ConversationMemory.shared(
                    new DatabaseChatStates<>(db, ChatContext.class, Duration.ofMinutes(30), clock), clock, Duration.ofMinutes(30));
            ConversationMemory second = ConversationMemory.shared(
                    new DatabaseChatStates<>(db, ChatContext.class, Duration.ofMinutes(30), clock), clock, Duration.ofMinutes(30));
            assertThat(second.recall(5)).isEqualTo(ChatContext.EMPTY);
            first.remember(5, new Answer(new Reply(List.of(), List.of()), "al-qaim", 7L, null, List.of()));
            assertThat(second.recall(5).baseId()).isEqualTo("al-qaim");
            assertThat(second.recall(5).eventId()).isEqualTo(7L);
        }
    }
}
