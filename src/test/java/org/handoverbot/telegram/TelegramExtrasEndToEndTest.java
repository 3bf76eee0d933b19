package org.handoverbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.handoverbot.alerts.Subscriptions;
import org.handoverbot.answer.InlineAnswers;
import org.handoverbot.answer.Names;
import org.handoverbot.answer.TimelinePicture;
import org.handoverbot.answer.TimelinePictures;
import org.handoverbot.cli.Application;
import org.handoverbot.knowledge.NewEventsListener;
import org.handoverbot.telegram.fake.FakeBotApiServer;
import org.handoverbot.telegram.fake.FakeUpdates;
import org.handoverbot.telegram.fake.SentMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Inline mode, the /timeline picture, deep links and my_chat_member with the whole bot as it runs in production:
 * the real composition (seeded H2, the trained understander, the answer dialogue, subscriptions), the extras
 * production turns on, the real TelegramBots client, the fake Bot API server. Each test uses its own chats.
 */
class TelegramExtrasEndToEndTest extends WholeBotCase {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Subscriptions subscriptions;

    @BeforeAll
    static void start() {
        app = new Application(startServer(), db -> NewEventsListener.NONE, db -> Optional.of(new Subscriptions(db)));
        subscriptions = new Subscriptions(app.database());
        Names names = new Names(app.gazetteer());
        bot = TelegramBot.start(app.settings(), app.dialogue(), app.database(),
                BotHarness.fastOptions().withOnChatBlocked(subscriptions::unsubscribe),
                BotExtras.all(new InlineAnswers(app.dialogue(), app.understander()::understand, names),
                        new TimelinePictures(app.liveKnowledge(), names)));
    }

    @Test
    void anInlineBaseNameGetsThatBasesHandoverCardWithItsSourceAndALinkToAskMore() throws Exception {
        List<JsonNode> results = inline(2001, "القائم");

        JsonNode card = results.stream().filter(r -> r.path("id").asText().equals("card:al-qaim")).findFirst().orElseThrow();
        assertThat(card.path("title").asText()).isEqualTo("تسليم قاعدة القائم");
        assertThat(message(card)).contains("قاعدة القائم").contains("الخميس 19 آذار (مارس) 2020").contains("الحل نت");
        assertThat(card.path("description").asText()).isNotBlank().hasSizeLessThanOrEqualTo(112);
        assertThat(card.path("reply_markup").path("inline_keyboard").get(0).get(0).path("url").asText())
                .isEqualTo("https://t.me/" + FakeBotApiServer.BOT_USERNAME + "?start=al-qaim");
    }

    @Test
    void anInlineQuestionGetsItsAnswerWithTheSource() throws Exception {
        List<JsonNode> results = inline(2002, "متى سلموا التاجي");

        assertThat(results.get(0).path("id").asText()).isEqualTo("answer");
        assertThat(results.get(0).path("title").asText()).isEqualTo("الجواب: متى سلموا التاجي");
        assertThat(message(results.get(0))).contains("التاجي").contains("23 آب (أغسطس) 2020").contains("UPI");
        assertThat(results).extracting(r -> r.path("id").asText()).doesNotHaveDuplicates();
    }

    @Test
    void anEmptyOrWordlessInlineQueryGetsTheTimelineAndHowToAsk() throws Exception {
        for (String query : List.of("", "؟؟ !!")) {
            List<JsonNode> results = inline(2003, query);
            assertThat(results).extracting(r -> r.path("id").asText()).containsExactly("timeline", "help");
            assertThat(message(results.get(0))).contains("(9 قواعد)").contains("قاعدة عين الأسد");
            assertThat(message(results.get(1))).contains("«القائم»");
        }
    }

    @Test
    void anInlineQueryOffTheSubjectGetsThePoliteAnswerAndTheTimeline() throws Exception {
        List<JsonNode> results = inline(2004, "شلون الجو اليوم");

        assertThat(results).extracting(r -> r.path("id").asText()).containsExactly("answer", "timeline");
        assertThat(message(results.get(0))).doesNotContain("Exception").isNotBlank();
    }

    @Test
    void timelineSendsThePictureWithItsSourcesAndTheTextListIsOneTapAway() throws Exception {
        server.sendText(2005, "/timeline");
        SentMessage photo = server.awaitSent(2005, 1, WAIT).get(0);

        assertThat(photo.method()).isEqualTo("sendphoto");
        assertThat(photo.visibleText()).contains("(9 قواعد)").contains("• التاجي: UPI، Daily Sabah")
                .contains("• عين الأسد: The Independent").hasSizeLessThanOrEqualTo(1024);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(server.photo(photo.messageId())));
        assertThat(image.getWidth()).isEqualTo(TimelinePicture.WIDTH);
        assertThat(image.getHeight()).isEqualTo(TimelinePicture.HEIGHT);

        server.enqueue(FakeUpdates.callback(2005, photo.messageId(), photo.buttonData().get(0)));
        assertThat(server.awaitSent(2005, 2, WAIT).get(1).visibleText()).contains("(9 قواعد)").contains("قاعدة التاجي");
    }

    @Test
    void aDeepLinkOpensTheChatOnThatBaseAndFollowUpsKnowIt() throws Exception {
        server.sendText(2006, "/start al-qaim");
        assertThat(server.awaitSent(2006, 1, WAIT).get(0).visibleText()).contains("قاعدة القائم")
                .contains("الخميس 19 آذار (مارس) 2020");
        server.sendText(2006, "ومن استلمها؟");
        assertThat(server.awaitSent(2006, 2, WAIT).get(1).visibleText()).contains("القائم").contains("القوات الأمنية العراقية");
        server.sendText(2006, "/start");
        assertThat(server.awaitSent(2006, 3, WAIT).get(2).visibleText()).startsWith("أهلاً بك!");
    }

    @Test
    void theBotKickedFromAGroupEndsItsSubscriptionsAtOnce() throws Exception {
        server.enqueue(FakeUpdates.groupText(-2007, 7, "/subscribe@" + FakeBotApiServer.BOT_USERNAME + " القائم"));
        server.awaitSent(-2007, 1, WAIT);
        assertThat(subscriptions.current(-2007).baseIds()).containsExactly("al-qaim");

        long kicked = server.enqueue(FakeUpdates.myChatMember(-2007, 7, "member", "kicked"));
        server.awaitConfirmed(kicked, WAIT);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!subscriptions.current(-2007).baseIds().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(subscriptions.current(-2007).baseIds()).isEmpty();
        assertThat(subscriptions.current(-2007).allBases()).isFalse();
    }

    private static List<JsonNode> inline(long user, String query) throws Exception {
        int before = server.calls("answerInlineQuery").size();
        server.enqueue(FakeUpdates.inlineQuery(user, query));
        JsonNode params = server.awaitCalls("answerInlineQuery", before + 1, WAIT).get(before).params();
        JsonNode results = params.path("results");
        if (results.isTextual()) {
            results = JSON.readTree(results.asText());
        }
        List<JsonNode> list = new ArrayList<>();
        results.forEach(list::add);
        return list;
    }

    private static String message(JsonNode result) {
        return ReplySender.plainText(result.path("input_message_content").path("message_text").asText());
    }
}
