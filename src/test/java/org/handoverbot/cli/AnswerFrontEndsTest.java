package org.handoverbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.handoverbot.config.Settings;
import org.junit.jupiter.api.Test;

/** `ask --json` and the terminal chat over the composed application (real H2 file, seeds loaded). */
class AnswerFrontEndsTest extends ComposedApplicationCase {

    @Test
    void askJsonWritesOneObjectALineEachAnsweredOnItsOwn() throws Exception {
        String input = "متى تم تسليم قاعدة القائم؟\nومن تسلمها؟\n\n<b>x</b>\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long n = new JsonAnswers(app.understander(), app.dialogue())
                .run(new BufferedReader(new StringReader(input)), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(n).isEqualTo(4);
        assertThat(lines).hasSize(4);
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        assertThat(first.fieldNames()).toIterable().containsExactly("question", "intent", "confidence", "entities", "frame",
                "reply");
        assertThat(json.readTree(lines.get(0)).get("frame").get("act").asText()).isEqualTo("date");
        assertThat(json.readTree(lines.get(0)).get("frame").get("slots").get(0).get("role").asText()).isEqualTo("subject");
        assertThat(first.get("question").asText()).isEqualTo("متى تم تسليم قاعدة القائم؟");
        assertThat(first.get("intent").asText()).isEqualTo("event_date");
        assertThat(first.get("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(first.get("entities").get("bases").get(0).asText()).isEqualTo("al-qaim");
        assertThat(first.get("entities").get("date").isNull()).isTrue();
        assertThat(first.get("reply").asText()).contains("الخميس 19 آذار (مارس) 2020");
        JsonNode followUp = json.readTree(lines.get(1));
        assertThat(followUp.get("reply").asText()).contains("عن أي قاعدة تسأل؟");
        assertThat(json.readTree(new JsonAnswers(app.understander(), app.dialogue()).answer("وما مصدر الخبر؟"))
                .get("reply").asText()).contains("أجيب من أخبار وتقارير محفوظة").contains("الحل نت");
        assertThat(json.readTree(lines.get(2)).get("reply").asText()).contains("لم تصلني أي كلمات");
    }

    @Test
    void askJsonAnswersManyLinesTogetherYetInInputOrderEachAsAlone() throws Exception {
        List<String> questions = List.of("متى تم تسليم قاعدة القائم؟", "ومن تسلمها؟", "", "كم قاعدة سلمت في 2020؟",
                "ماذا قال اللواء تحسين الخفاجي؟", "شلونك", "ما القاعدة الثالثة التي سلمت؟");
        StringBuilder input = new StringBuilder();
        int lines = JsonAnswers.BATCH * 2 + 37;
        for (int i = 0; i < lines; i++) {
            input.append(questions.get(i % questions.size())).append(" ").append(i).append('\n');
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonAnswers answers = new JsonAnswers(app.understander(), app.dialogue());
        long n = answers.run(new BufferedReader(new StringReader(input.toString())),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> out = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(n).isEqualTo(lines);
        assertThat(out).hasSize(lines);
        List<String> in = input.toString().lines().toList();
        for (int i = 0; i < lines; i += 101) {
            assertThat(out.get(i)).as("line %d", i).isEqualTo(answers.answer(in.get(i)));
        }
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < lines; i++) {
            assertThat(json.readTree(out.get(i)).get("question").asText()).isEqualTo(in.get(i));
        }
    }

    @Test
    void theTerminalChatKeepsOneConversationAndOffersButtonsAsNumbers() throws Exception {
        String input = "متى تم تسليم قاعدة القائم؟\nومن تسلمها؟\n1\n/source\nخروج\nلن يُقرأ\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new TerminalChat(app.dialogue(), new BufferedReader(new StringReader(input)),
                new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out.lines().findFirst().orElseThrow()).contains("TELEGRAM_BOT_TOKEN");
        assertThat(out).contains("أهلاً بك").contains("الخميس 19 آذار (مارس) 2020")
                .contains("[1] المصدر والرابط").contains("مصادر خبر قاعدة القائم").contains("مصادر الجواب")
                .contains("مع السلامة");
        int followUp = out.indexOf("> ", out.indexOf("الخميس 19 آذار (مارس) 2020"));
        assertThat(out.substring(followUp)).contains("قاعدة القائم").doesNotContain("عن أي قاعدة تسأل؟");
    }

    @Test
    void askWithoutAQuestionOrWithBothIsAUsageError() {
        assertThat(Main.run("ask")).isEqualTo(2);
    }

    @Test
    void withADeskBuiltOnItsDatabaseSubscriptionsAreKept() {
        Path other = dir.resolve("with-alerts");
        Settings settings = Settings.from(Map.of("HANDOVER_DB_URL", "jdbc:h2:file:" + other.resolve("db").toAbsolutePath()));
        try (Application withAlerts = new Application(settings, db -> org.handoverbot.knowledge.NewEventsListener.NONE,
                db -> java.util.Optional.of(new org.handoverbot.alerts.Subscriptions(db)))) {
            String reply = new org.handoverbot.answer.PlainTextRenderer()
                    .render(withAlerts.dialogue().onCommand(77, "subscribe", "التاجي"));
            assertThat(reply).startsWith("تم الاشتراك").contains("التاجي");
            assertThat(new org.handoverbot.alerts.Subscriptions(withAlerts.database()).current(77).baseIds())
                    .containsExactly("taji");
        }
    }

    @Test
    void restartingOnTheSameDatabaseStoresTheSeedsOnlyOnce() {
        int before = app.knowledge().events().size();
        try (Application again = new Application(Settings.from(Map.of("HANDOVER_DB_URL", url())))) {
            assertThat(again.knowledge().events()).hasSize(before);
        }
    }
}
