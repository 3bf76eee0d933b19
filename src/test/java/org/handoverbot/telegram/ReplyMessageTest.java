package org.handoverbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.handoverbot.answer.Reply;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A reply's sendMessage: written exactly as SendMessage is, its answer only checked for ok, a refusal read in full. */
class ReplyMessageTest {

    private static ReplyMessage reply() {
        ReplyMessage message = new ReplyMessage(42, "سُلّمت قاعدة <b>القائم</b>");
        message.setParseMode("HTML");
        message.setLinkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build());
        message.setReplyParameters(ReplyParameters.builder().messageId(7).allowSendingWithoutReply(true).build());
        message.setReplyMarkup(ReplySender.keyboard(List.of(new Reply.Button("ماذا قالوا؟", "q|qaim"),
                new Reply.Button("المصدر", "s|qaim"), new Reply.Button("الخط الزمني", "t"))));
        return message;
    }

    private static SendMessage sameBuiltByTheLibrary() {
        return SendMessage.builder().chatId(42L).text("سُلّمت قاعدة <b>القائم</b>").parseMode("HTML")
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                .replyParameters(ReplyParameters.builder().messageId(7).allowSendingWithoutReply(true).build())
                .replyMarkup(ReplySender.keyboard(List.of(new Reply.Button("ماذا قالوا؟", "q|qaim"),
                        new Reply.Button("المصدر", "s|qaim"), new Reply.Button("الخط الزمني", "t"))))
                .build();
    }

    @Test
    void isWrittenToTelegramExactlyAsTheLibrarysSendMessage() throws Exception {
        for (ObjectMapper mapper : List.of(StoredUpdates.JSON, new ObjectMapper())) {
            assertThat(mapper.writeValueAsString(reply())).isEqualTo(mapper.writeValueAsString(sameBuiltByTheLibrary()));
        }
        assertThat(reply().getMethod()).isEqualTo("sendmessage");
    }

    @Test
    void anAcceptedAnswerCompletesWithoutReadingTheMessage() throws Exception {
        String accepted = "{\"ok\":true,\"result\":{\"message_id\":5,\"date\":1,\"chat\":{\"id\":42,\"type\":\"private\"},"
                + "\"text\":\"x\",\"entities\":[{\"type\":\"bold\",\"offset\":0,\"length\":1}]}}";
        assertThat(reply().deserializeResponse(accepted)).isNull();
        assertThat(reply().deserializeResponse("{\"result\":{\"a\":[1,{\"ok\":false}]},\"ok\":true}")).isNull();
    }

    @Test
    void aRefusalFailsAsTheLibraryReportsIt() {
        String tooMany = "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 3\","
                + "\"parameters\":{\"retry_after\":3}}";
        assertThatThrownBy(() -> reply().deserializeResponse(tooMany)).isInstanceOfSatisfying(TelegramApiRequestException.class,
                e -> {
                    assertThat(e.getErrorCode()).isEqualTo(429);
                    assertThat(e.getParameters().getRetryAfter()).isEqualTo(3);
                });
        assertThatThrownBy(() -> reply().deserializeResponse("{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden\"}"))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> assertThat(e.getErrorCode()).isEqualTo(403));
    }

    @Test
    void anUnreadableAnswerFailsAsTheLibraryReportsIt() {
        assertThatThrownBy(() -> reply().deserializeResponse("<html>bad gateway</html>"))
                .isInstanceOf(TelegramApiRequestException.class);
        assertThatThrownBy(() -> reply().deserializeResponse("{\"ok\":"))
                .isInstanceOf(TelegramApiRequestException.class);
    }
}
