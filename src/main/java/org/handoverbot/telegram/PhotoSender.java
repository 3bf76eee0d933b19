package org.handoverbot.telegram;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.LongConsumer;

import org.handoverbot.answer.TimelinePictures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * Sends a picture with its caption and buttons (sendPhoto, multipart). The first send uploads the PNG; Telegram
 * answers with a file id, and later sends of the same picture name that id instead of uploading it again.
 * It leaves through the {@link OutboundGate} like a reply (the chat's and the overall limits, the one 429 pause):
 * a 429 is waited out with every other sender a few times; 403 (blocked, removed) tells onChatBlocked like a
 * reply would; anything else is FAILED, and the caller sends the text instead.
 */
final class PhotoSender {

    private static final Logger LOG = LoggerFactory.getLogger(PhotoSender.class);

    private final OutboundGate gate;
    private final Duration callTimeout;
    private final int maxAttempts;
    private final LongConsumer onChatBlocked;
    private final Object lock = new Object();
    private TimelinePictures.Picture uploaded; // guarded by lock: the picture Telegram already has...
    private String uploadedId; // ...under this file id

    PhotoSender(OutboundGate gate, Duration callTimeout, int maxAttempts, LongConsumer onChatBlocked) {
        this.gate = gate;
        this.callTimeout = callTimeout;
        this.maxAttempts = maxAttempts;
        this.onChatBlocked = onChatBlocked;
    }

    ReplySender.Delivery send(long chatId, TimelinePictures.Picture picture, Optional<Integer> inReplyTo)
            throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            Optional<String> known = fileIdOf(picture);
            SendPhoto.SendPhotoBuilder<?, ?> photo = SendPhoto.builder().chatId(chatId)
                    .photo(known.map(InputFile::new).orElseGet(() -> new InputFile(new ByteArrayInputStream(picture.png()), "timeline.png")))
                    .caption(picture.captionHtml()).parseMode("HTML");
            if (!picture.buttons().isEmpty()) {
                photo.replyMarkup(ReplySender.keyboard(picture.buttons()));
            }
            inReplyTo.ifPresent(id -> photo.replyParameters(ReplyParameters.builder().messageId(id).allowSendingWithoutReply(true).build()));
            Recipient to = Recipient.chat(chatId);
            SendLimiter.Turn turn = gate.awaitTurn(to, SendLimiter.Priority.REPLY, () -> false);
            SendPhoto message = photo.build();
            try {
                Message sent = gate.send(turn, to, c -> c.executeAsync(message), callTimeout).get();
                remember(picture, sent);
                return ReplySender.Delivery.SENT;
            } catch (TelegramApiException e) {
                LOG.warn("could not send the picture to chat {}: {}", chatId, gate.describe(e));
                return ReplySender.Delivery.FAILED;
            } catch (ExecutionException e) {
                Throwable cause = OutboundGate.cause(e);
                if (cause instanceof TimeoutException) {
                    LOG.warn("sending the picture to chat {} timed out", chatId);
                    return ReplySender.Delivery.FAILED;
                }
                int code = cause instanceof TelegramApiRequestException api && api.getErrorCode() != null ? api.getErrorCode() : 0;
                if (code == 403) {
                    LOG.info("chat {} blocked the bot or left it: {}", chatId, gate.describe(cause));
                    onChatBlocked.accept(chatId);
                    return ReplySender.Delivery.BLOCKED;
                }
                if (code == 429 && attempt < maxAttempts) {
                    continue; // the gate pauses every sender for retry_after; the next turn comes after it
                }
                if (known.isPresent() && code == 400 && attempt < maxAttempts) {
                    forget(picture); // The file id is no longer good: upload the picture again.
                    continue;
                }
                LOG.warn("could not send the picture to chat {}: {}", chatId, gate.describe(cause));
                return ReplySender.Delivery.FAILED;
            }
        }
    }

    private Optional<String> fileIdOf(TimelinePictures.Picture picture) {
        synchronized (lock) {
            return picture == uploaded ? Optional.ofNullable(uploadedId) : Optional.empty();
        }
    }

    private void remember(TimelinePictures.Picture picture, Message sent) {
        List<PhotoSize> sizes = sent == null || sent.getPhoto() == null ? List.of() : sent.getPhoto();
        sizes.stream().max(Comparator.comparingInt(s -> s.getWidth() == null ? 0 : s.getWidth()))
                .map(PhotoSize::getFileId).ifPresent(id -> {
                    synchronized (lock) {
                        uploaded = picture;
                        uploadedId = id;
                    }
                });
    }

    private void forget(TimelinePictures.Picture picture) {
        synchronized (lock) {
            if (uploaded == picture) {
                uploaded = null;
                uploadedId = null;
            }
        }
    }
}
