package org.handoverbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

import com.fasterxml.jackson.core.type.TypeReference;

/** Each polled update kept as Telegram wrote it: cut out of the getUpdates answer by its bytes, keyed by update_id. */
class UpdatesAsSentTest {

    private static final String FIRST = "{\"update_id\":701,\"message\":{\"message_id\":5,\"date\":1764400000,"
            + "\"chat\":{\"id\":42,\"type\":\"private\",\"first_name\":\"علي\"},\"from\":{\"id\":42,\"is_bot\":false,"
            + "\"first_name\":\"علي\"},\"text\":\"متى سُلّمت \\\"القائم\\\"؟ {} [] \\\\ \\u0645\","
            + "\"entities\":[{\"type\":\"bold\",\"offset\":0,\"length\":3}]},\"a_field_of_a_newer_api\":{\"x\":[1,{\"y\":2}]}}";
    private static final String SECOND = "{\"update_id\":702,\"callback_query\":{\"id\":\"9\",\"from\":{\"id\":43,"
            + "\"is_bot\":false,\"first_name\":\"Sara\"},\"chat_instance\":\"1\",\"data\":\"q|qaim\"}}";
    private static final String ANSWER = "{\"ok\":true,\"result\":[" + FIRST + ",\n  " + SECOND + "],\"trailing\":{\"a\":1}}";

    @Test
    void eachUpdateIsCutOutOfTheAnswerExactlyAsTelegramWroteIt() {
        Map<Long, String> updates = UpdatesAsSent.split(ANSWER.getBytes(StandardCharsets.UTF_8));
        assertThat(updates).containsOnlyKeys(701L, 702L);
        assertThat(updates.get(701L)).isEqualTo(FIRST);
        assertThat(updates.get(702L)).isEqualTo(SECOND);
    }

    @Test
    void eachPieceReadsBackAsTheUpdateTheLibraryReadFromTheWholeAnswer() throws Exception {
        List<Update> polled = StoredUpdates.JSON.readValue(ANSWER.substring(ANSWER.indexOf('['), ANSWER.lastIndexOf(']') + 1),
                new TypeReference<List<Update>>() { });
        Map<Long, String> updates = UpdatesAsSent.split(ANSWER.getBytes(StandardCharsets.UTF_8));
        for (Update update : polled) {
            assertThat(StoredUpdates.update(updates.get(update.getUpdateId().longValue()))).contains(update);
        }
    }

    @Test
    void anAnswerThatDoesNotReadGivesNothingSoTheIntakeWritesTheUpdatesItself() throws Exception {
        assertThat(UpdatesAsSent.split("<html>502</html>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(UpdatesAsSent.split(ANSWER.substring(0, ANSWER.length() / 2).getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(UpdatesAsSent.split("{\"ok\":false,\"error_code\":409,\"description\":\"Conflict\"}"
                .getBytes(StandardCharsets.UTF_8))).isEmpty();
        Update notPolled = StoredUpdates.JSON.readValue(SECOND, Update.class);
        assertThat(new UpdatesAsSent().json(notPolled)).isEqualTo(StoredUpdates.json(notPolled));
    }
}
