package org.handoverbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;

import org.handoverbot.alerts.Subscriptions;
import org.handoverbot.knowledge.Database;
import org.handoverbot.knowledge.H2KnowledgeBase;
import org.handoverbot.knowledge.KnowledgeIngester;
import org.handoverbot.knowledge.NewEventsListener;
import org.handoverbot.knowledge.SeedLoader;
import org.handoverbot.nlp.Gazetteer;
import org.handoverbot.nlp.QuestionUnderstander;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Subscriptions asked for in words or by command, kept by the alerts' real desk in H2. */
class SubscriptionRepliesTest {

    @TempDir
    static Path dir;

    static Database database;
    static Subscriptions desk;
    static AnswerDialogue dialogue;

    final PlainTextRenderer plain = new PlainTextRenderer();

    @BeforeAll
    static void open() {
        Gazetteer gazetteer = Gazetteer.load();
        database = Database.open("jdbc:h2:file:" + dir.resolve("kb").toAbsolutePath());
        new SeedLoader(new KnowledgeIngester(database, gazetteer, NewEventsListener.NONE)).load();
        desk = new Subscriptions(database);
        dialogue = new AnswerDialogue(new H2KnowledgeBase(database, gazetteer), gazetteer,
                QuestionUnderstander.load(gazetteer)::understand, Optional.of(desk));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void aSubscriptionInWordsFollowsTheNamedBaseAndIsNotTakenTwice() {
        assertThat(plain.render(dialogue.onText(11, "نبهني عن عين الأسد"))).startsWith("تم الاشتراك")
                .contains("قاعدة عين الأسد").contains("تتابع الآن: عين الأسد");
        assertThat(desk.current(11).baseIds()).containsExactly("ain-al-asad");
        assertThat(plain.render(dialogue.onText(11, "نبهني عن عين الأسد"))).startsWith("أنت مشترك من قبل");
        assertThat(plain.render(dialogue.onCommand(11, "unsubscribe", ""))).startsWith("تم إيقاف التنبيهات");
        assertThat(desk.current(11).baseIds()).isEmpty();
        assertThat(plain.render(dialogue.onCommand(11, "unsubscribe", ""))).startsWith("لم تكن مشتركاً");
    }

    @Test
    void theCommandWithoutABaseFollowsEveryBase() {
        assertThat(plain.render(dialogue.onCommand(12, "/subscribe", ""))).contains("تتابع الآن كل القواعد");
        assertThat(desk.current(12).allBases()).isTrue();
        assertThat(plain.render(dialogue.onCommand(12, "subscribe", "التاجي"))).startsWith("أنت مشترك من قبل");
        assertThat(plain.render(dialogue.onCommand(13, "subscribe", "مكان لا أعرفه"))).contains("لا أعرف قاعدة باسم");
        assertThat(desk.current(13).baseIds()).isEmpty();
    }
}
