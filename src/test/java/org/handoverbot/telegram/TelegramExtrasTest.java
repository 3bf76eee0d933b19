package org.handoverbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import org.handoverbot.answer.InlineAnswers;
import org.handoverbot.answer.Reply;
import org.handoverbot.answer.Reply.Paragraph;
import org.handoverbot.answer.TimelinePictures;
import org.handoverbot.telegram.fake.ApiCall;
import org.handoverbot.telegram.fake.ApiFailure;
import org.handoverbot.telegram.fake.FakeBotApiServer;
import org.handoverbot.telegram.fake.FakeUpdates;
import org.handoverbot.telegram.fake.SentMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Telegram beyond text replies, on the real TelegramBots client against the fake Bot API server, with a scripted
 * Dialogue, scripted inline answers and a small picture: what goes over the wire and in which order.
 */
class TelegramExtrasTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path folder;

    private BotHarness harness;
    private FakeBotApiServer server;
    private final ScriptedDialogue dialogue = new ScriptedDialogue();
    private final AtomicInteger inlineComposed = new AtomicInteger();
    private final List<Long> removed = new CopyOnWriteArrayList<>();
    private TimelinePictures.Picture picture;

    @BeforeEach
    void startServer() throws Exception {
        harness = new BotHarness(folder);
        server = harness.server;
        picture = new TimelinePictures.Picture(png(), "<b>عمليات التسليم</b>\n• القائم: الحل نت",
                List.of(new Reply.Button("القائمة نصّاً", "timeline")));
    }

    @AfterEach
    void stop() {
        dialogue.slowRelease.countDown();
        harness.close();
    }

    private BotExtras extras() {
        return BotExtras.none().withTypingAfter(Duration.ofMillis(300))
                .withTimelinePicture(() -> Optional.of(picture))
                .withInline(query -> {
                    inlineComposed.incrementAndGet();
                    return List.of(new InlineAnswers.Result("answer", "الجواب: " + query, "سطر", Reply.of(Paragraph.plain("جواب <" + query + ">")),
                            Optional.empty()), new InlineAnswers.Result("card:al-qaim", "تسليم قاعدة القائم", "سطر",
                            Reply.of(Paragraph.plain("بطاقة القائم")), Optional.of("al-qaim")));
                });
    }

    private void start() {
        harness.start(dialogue, BotHarness.fastOptions().withOnChatBlocked(removed::add), harness.environment(), extras());
    }

    @Test
    void aSlowAnswerShowsTypingBeforeItArrivesAndAFastOneDoesNot() throws Exception {
        start();
        server.sendText(41, "سؤال سريع");
        server.awaitSent(41, 1, WAIT);
        server.sendText(42, ScriptedDialogue.SLOW);
        ApiCall typing = server.awaitCalls("sendChatAction", 1, WAIT).get(0);
        dialogue.slowRelease.countDown();

        SentMessage answer = server.awaitSent(42, 1, WAIT).get(0);
        assertThat(typing.chatId()).isEqualTo(42);
        assertThat(typing.params().path("action").asText()).isEqualTo("typing");
        assertThat(typing.atNanos()).isLessThan(answer.atNanos());
        assertThat(server.calls("sendChatAction")).noneMatch(c -> c.chatId() == 41);
    }

    @Test
    void timelineIsAPhotoWithCaptionAndButtonAndItsFileIdIsUsedTheSecondTime() throws Exception {
        start();
        server.sendText(43, "/timeline");
        SentMessage photo = server.awaitSent(43, 1, WAIT).get(0);
        server.sendText(43, "/timeline");
        SentMessage again = server.awaitSent(43, 2, WAIT).get(1);

        assertThat(photo.method()).isEqualTo("sendphoto");
        assertThat(photo.parseMode()).isEqualTo("HTML");
        assertThat(photo.visibleText()).startsWith("عمليات التسليم").contains("الحل نت");
        assertThat(photo.buttonData()).containsExactly("timeline");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(server.photo(photo.messageId())));
        assertThat(image.getWidth()).isEqualTo(40);
        assertThat(again.method()).isEqualTo("sendphoto");
        assertThat(server.photoUploads()).isEqualTo(1);
        ApiCall uploading = server.calls("sendChatAction").get(0);
        assertThat(uploading.params().path("action").asText()).isEqualTo("upload_photo");
        assertThat(uploading.atNanos()).isLessThan(photo.atNanos());
        // The bases list stays text.
        server.sendText(43, "/bases");
        assertThat(server.awaitSent(43, 3, WAIT).get(2).visibleText()).isEqualTo("أمر timeline");
    }

    @Test
    void aPictureTelegramRefusesIsFollowedByTheTextList() throws Exception {
        start();
        // The first refusal goes to "sending a photo…", which changes nothing; the second to the picture.
        server.failNextSends(44, ApiFailure.badRequest("PHOTO_INVALID_DIMENSIONS"), ApiFailure.badRequest("PHOTO_INVALID_DIMENSIONS"));
        server.sendText(44, "/timeline");

        List<SentMessage> sent = server.awaitSent(44, 1, WAIT);
        assertThat(sent.get(0).method()).isEqualTo("sendmessage");
        assertThat(sent.get(0).visibleText()).isEqualTo("أمر timeline");
    }

    @Test
    void anInlineQueryIsAnsweredWithArticlesInHtmlAndTheSameQueryIsServedFromWhatWasKept() throws Exception {
        start();
        server.enqueue(FakeUpdates.inlineQuery(45, "  القائم "));
        JsonNode first = server.awaitCalls("answerInlineQuery", 1, WAIT).get(0).params();
        server.enqueue(FakeUpdates.inlineQuery(46, "القائم"));
        server.awaitCalls("answerInlineQuery", 2, WAIT);

        JsonNode results = results(first);
        assertThat(first.path("inline_query_id").asText()).startsWith("iq45-");
        assertThat(results).hasSize(2);
        assertThat(results.get(0).path("type").asText()).isEqualTo("article");
        assertThat(results.get(0).path("title").asText()).isEqualTo("الجواب: القائم");
        assertThat(results.get(0).path("input_message_content").path("message_text").asText()).isEqualTo("جواب &lt;القائم&gt;");
        assertThat(results.get(0).path("input_message_content").path("parse_mode").asText()).isEqualTo("HTML");
        assertThat(results.get(1).path("id").asText()).isEqualTo("card:al-qaim");
        assertThat(results.get(1).path("reply_markup").path("inline_keyboard").get(0).get(0).path("url").asText())
                .isEqualTo("https://t.me/" + FakeBotApiServer.BOT_USERNAME + "?start=al-qaim");
        assertThat(first.path("cache_time").asInt()).isEqualTo(60);
        assertThat(inlineComposed.get()).isEqualTo(1);
    }

    @Test
    void aChosenInlineResultIsCountedByKind() throws Exception {
        TelegramBot bot = harness.start(dialogue, BotHarness.fastOptions(), harness.environment(), extras());
        server.enqueue(FakeUpdates.chosenInlineResult(47, "card:al-qaim", "القائم"));
        server.enqueue(FakeUpdates.chosenInlineResult(47, "answer", "القائم"));
        long last = server.enqueue(FakeUpdates.chosenInlineResult(48, "card:taji", "التاجي"));
        server.awaitConfirmed(last, WAIT);

        long deadline = System.nanoTime() + WAIT.toNanos();
        while (bot.chosenInlineResults().values().stream().mapToLong(Long::longValue).sum() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(bot.chosenInlineResults()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("card", 2L, "answer", 1L));
        assertThat(server.sent()).isEmpty();
    }

    @Test
    void theBotBlockedOrKickedEndsTheChatsSubscriptionsAndBeingAddedDoesNot() throws Exception {
        start();
        server.enqueue(FakeUpdates.myChatMember(49, 49, "member", "kicked"));
        server.enqueue(FakeUpdates.myChatMember(-500, 7, "member", "left"));
        long last = server.enqueue(FakeUpdates.myChatMember(-501, 7, "left", "member"));
        server.awaitConfirmed(last, WAIT);

        long deadline = System.nanoTime() + WAIT.toNanos();
        while (removed.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        server.awaitQuiet(Duration.ofMillis(300), WAIT);
        assertThat(removed).containsExactlyInAnyOrder(49L, -500L);
        assertThat(server.sent()).isEmpty();
    }

    @Test
    void startWithAPayloadGoesToTheDialogueWithIt() throws Exception {
        start();
        server.sendText(50, "/start al-qaim");

        assertThat(server.awaitSent(50, 1, WAIT).get(0).visibleText()).isEqualTo("أمر start [al-qaim]");
    }

    private static JsonNode results(JsonNode params) throws Exception {
        JsonNode results = params.path("results");
        return results.isTextual() ? new com.fasterxml.jackson.databind.ObjectMapper().readTree(results.asText()) : results;
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(5, 5, 20, 10);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
