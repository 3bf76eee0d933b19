package org.handoverbot.telegram.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import com.fasterxml.jackson.databind.ObjectMapper;

import okhttp3.OkHttpClient;

class FakeBotApiServerTest {

    private final FakeBotApiServer server = FakeBotApiServer.start();
    private final OkHttpClient http = new OkHttpClient();
    private final OkHttpTelegramClient client = new OkHttpTelegramClient(http, server.token(), server.telegramUrl());

    @AfterEach
    void stop() {
        server.close();
        http.dispatcher().executorService().shutdownNow();
        http.connectionPool().evictAll();
    }

    @Test
    void recordsWhatTheRealClientSendsPerChat() throws Exception {
        Message sent = client.executeAsync(SendMessage.builder().chatId(42L).text("<b>مرحبا</b> &amp; أهلا").parseMode("HTML").build())
                .get(5, TimeUnit.SECONDS);

        assertThat(sent.getChatId()).isEqualTo(42L);
        assertThat(server.awaitSent(42L, 1, Duration.ofSeconds(2))).singleElement()
                .satisfies(m -> assertThat(m.visibleText()).isEqualTo("مرحبا & أهلا"));
        assertThat(server.sentTo(43L)).isEmpty();
    }

    @Test
    void refusesAWrongTokenWith401() {
        OkHttpTelegramClient stranger = new OkHttpTelegramClient(http, "999:wrong-token-wrong-token-wrong", server.telegramUrl());

        assertThatThrownBy(() -> stranger.executeAsync(SendMessage.builder().chatId(1L).text("x").build()).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause()
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> assertThat(e.getErrorCode()).isEqualTo(401));
    }

    @Test
    void answersScriptedTooManyRequestsWithRetryAfterThenBlockedThenAccepts() throws Exception {
        server.failNextSends(7L, ApiFailure.tooManyRequests(3), ApiFailure.blockedByUser());

        assertThat(sendFailure(7L)).satisfies(e -> {
            assertThat(e.getErrorCode()).isEqualTo(429);
            assertThat(e.getParameters().getRetryAfter()).isEqualTo(3);
        });
        assertThat(sendFailure(7L).getErrorCode()).isEqualTo(403);
        client.executeAsync(SendMessage.builder().chatId(7L).text("ثالثة").build()).get(5, TimeUnit.SECONDS);
        assertThat(server.sentTo(7L)).extracting(SentMessage::text).containsExactly("ثالثة");
    }

    @Test
    void refusesWhatTelegramRefuses() {
        assertThat(sendFailure(SendMessage.builder().chatId(1L).text("a < b").parseMode("HTML").build()).getApiResponse())
                .contains("can't parse entities");
        assertThat(sendFailure(SendMessage.builder().chatId(1L).text("ب".repeat(4097)).build()).getApiResponse())
                .contains("message is too long");
    }

    @Test
    void aGateAddedByATestCanRefuseSends() {
        server.addSendGate(call -> call.chatId() == 9L ? Optional.of(ApiFailure.tooManyRequests(1)) : Optional.empty());

        assertThat(sendFailure(9L).getErrorCode()).isEqualTo(429);
    }

    @Test
    void getUpdatesWaitsForANewUpdateAndForgetsWhatTheOffsetConfirmed() throws Exception {
        CompletableFuture<java.util.ArrayList<Update>> waiting = client.executeAsync(GetUpdates.builder().offset(0).timeout(10).build());
        Thread.sleep(200);
        long id = server.sendText(5L, "متى سلموا القائم؟");

        List<Update> first = waiting.get(5, TimeUnit.SECONDS);
        assertThat(first).extracting(u -> u.getMessage().getText()).containsExactly("متى سلموا القائم؟");
        assertThat(first.get(0).getUpdateId()).isEqualTo((int) id);

        List<Update> after = client.executeAsync(GetUpdates.builder().offset((int) id + 1).timeout(0).build()).get(5, TimeUnit.SECONDS);
        assertThat(after).isEmpty();
        server.awaitConfirmed(id, Duration.ofSeconds(1));
        assertThat(server.unconfirmedCount()).isZero();
    }

    @Test
    void theLibrarysLongPollingReceivesEnqueuedUpdatesOfEveryKind() throws Exception {
        server.capLongPoll(Duration.ofMillis(500)); // so the library's last poll ends soon after close
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
        List<Update> received = new CopyOnWriteArrayList<>();
        try (var app = new TelegramBotsLongPollingApplication(ObjectMapper::new, OkHttpClient::new, () -> poller)) {
            app.registerBot(server.token(), server::telegramUrl, new DefaultGetUpdatesGenerator(), received::addAll);
            server.enqueue(FakeUpdates.sticker(1L));
            server.enqueue(FakeUpdates.callback(1L, 77, "src"));
            server.enqueue(FakeUpdates.channelPost(-1001L, "خبر"));
            long last = server.enqueue(FakeUpdates.editedText(1L, "تعديل"));
            server.enqueue(FakeUpdates.groupText(-5L, 2L, "/start@" + FakeBotApiServer.BOT_USERNAME));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (received.size() < 5 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(received).hasSize(5);
            assertThat(received.get(0).getMessage().hasSticker()).isTrue();
            assertThat(received.get(1).getCallbackQuery().getData()).isEqualTo("src");
            assertThat(received.get(2).getChannelPost().getText()).isEqualTo("خبر");
            assertThat(received.get(3).getEditedMessage().getText()).isEqualTo("تعديل");
            assertThat(received.get(3).getUpdateId()).isEqualTo((int) last);
            assertThat(received.get(4).getMessage().getEntities()).singleElement()
                    .satisfies(e -> assertThat(e.getType()).isEqualTo("bot_command"));
        } finally {
            poller.shutdown();
            assertThat(poller.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    private TelegramApiRequestException sendFailure(long chatId) {
        return sendFailure(SendMessage.builder().chatId(chatId).text("نص").build());
    }

    private TelegramApiRequestException sendFailure(SendMessage message) {
        try {
            client.executeAsync(message).get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TelegramApiRequestException api) {
                return api;
            }
            throw new AssertionError(e);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the send was accepted");
    }
}
