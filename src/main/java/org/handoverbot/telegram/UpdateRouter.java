package org.handoverbot.telegram;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.handoverbot.answer.Dialogue;
import org.handoverbot.answer.Reply;
import org.handoverbot.answer.TimelinePictures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerInlineQuery;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Decides what each update means for the bot and asks the Dialogue for the reply. Text questions and commands go
 * to the Dialogue; a pressed button too, and its spinner is stopped. In private chats, stickers, photos, voice and
 * other non-text get a short note; in groups the bot speaks only when addressed (a command for it, an @mention,
 * a reply to it). Edited messages, channel posts, service messages and other bots get silence, on purpose:
 * an edit is not a new question and the channel is where the bot itself posts.
 *
 * <p>Beyond text (BotExtras): an answer that takes more than a moment shows "typing…"; /timeline is a picture
 * with the text list one tap away; an inline query ("@bot القائم" in any chat) gets shareable results and a
 * chosen one is counted; the bot blocked in a private chat or removed from a group (my_chat_member) ends that
 * chat's subscriptions at once. "/start &lt;base id&gt;" (a deep link) goes to the Dialogue with its payload.
 */
final class UpdateRouter {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateRouter.class);

    /**
     * What to do for one update: the chat, the reply (none = silence), the button press to acknowledge, and in
     * groups the message the reply answers (so it shows whom it is for).
     */
    record Handling(long chatId, Optional<Reply> reply, Optional<String> callbackQueryId, Optional<Integer> inReplyTo,
                    Optional<Outgoing> outgoing) {

        static Handling silence(long chatId) {
            return new Handling(chatId, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }

        static Handling reply(long chatId, Reply reply) {
            return new Handling(chatId, Optional.of(reply), Optional.empty(), Optional.empty(), Optional.empty());
        }

        /** Something other than a text reply to send, after the update is marked answered (a picture, inline results). */
        static Handling sending(long chatId, Outgoing outgoing) {
            return new Handling(chatId, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(outgoing));
        }

        Handling inReplyTo(int messageId) {
            return new Handling(chatId, reply, callbackQueryId, Optional.of(messageId), outgoing);
        }
    }

    /** A send other than a text reply; it handles its own failures. */
    @FunctionalInterface
    interface Outgoing {
        void send(Optional<Integer> inReplyTo) throws InterruptedException;
    }

    /** What the router may use beyond the Dialogue; {@link #none()} for text replies only. */
    record Extras(ChatActions actions, Optional<InlineQueries> inline,
                  Optional<Supplier<Optional<TimelinePictures.Picture>>> timelinePicture, Optional<PhotoSender> photos,
                  Optional<ReplySender> replies, LongConsumer onRemoved) {

        static Extras none() {
            return new Extras(null, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), chatId -> { });
        }
    }

    /** The bot's new status in a chat that means it can no longer post there. */
    private static final Set<String> REMOVED = Set.of("kicked", "left");

    private final Dialogue dialogue;
    private final BotIdentity me;
    private final Pattern mention;
    private final Extras extras;

    UpdateRouter(Dialogue dialogue, BotIdentity me) {
        this(dialogue, me, Extras.none());
    }

    UpdateRouter(Dialogue dialogue, BotIdentity me, Extras extras) {
        this.dialogue = dialogue;
        this.me = me;
        this.mention = Pattern.compile("@" + Pattern.quote(me.username()) + "\\b", Pattern.CASE_INSENSITIVE);
        this.extras = extras;
    }

    /** The chat an update belongs to (its lane), or empty for updates the bot never handles (inline queries...). */
    static OptionalLong chatOf(Update update) {
        if (update.hasMessage()) {
            return OptionalLong.of(update.getMessage().getChatId());
        }
        if (update.hasCallbackQuery()) {
            CallbackQuery query = update.getCallbackQuery();
            return OptionalLong.of(query.getMessage() != null ? query.getMessage().getChatId() : query.getFrom().getId());
        }
        if (update.hasEditedMessage()) {
            return OptionalLong.of(update.getEditedMessage().getChatId());
        }
        if (update.hasChannelPost()) {
            return OptionalLong.of(update.getChannelPost().getChatId());
        }
        if (update.hasEditedChannelPost()) {
            return OptionalLong.of(update.getEditedChannelPost().getChatId());
        }
        if (update.hasMyChatMember()) {
            return OptionalLong.of(update.getMyChatMember().getChat().getId());
        }
        // Inline queries belong to no chat: they take the lane of the user's private chat (same id), in order.
        if (update.hasInlineQuery() && update.getInlineQuery().getFrom() != null) {
            return OptionalLong.of(update.getInlineQuery().getFrom().getId());
        }
        if (update.hasChosenInlineQuery() && update.getChosenInlineQuery().getFrom() != null) {
            return OptionalLong.of(update.getChosenInlineQuery().getFrom().getId());
        }
        return OptionalLong.empty();
    }

    Handling route(Update update) {
        long chatId = chatOf(update).orElse(0L);
        if (update.hasCallbackQuery()) {
            return button(chatId, update.getCallbackQuery());
        }
        if (update.hasMessage()) {
            return message(update.getMessage());
        }
        if (update.hasInlineQuery() && extras.inline().isPresent()) {
            InlineQueries inline = extras.inline().get();
            AnswerInlineQuery answer = inline.answer(update.getInlineQuery());
            return Handling.sending(chatId, inReplyTo -> inline.send(answer));
        }
        if (update.hasChosenInlineQuery() && extras.inline().isPresent()) {
            extras.inline().get().chosen(update.getChosenInlineQuery());
            return Handling.silence(chatId);
        }
        if (update.hasMyChatMember()) {
            return membership(chatId, update.getMyChatMember());
        }
        return Handling.silence(chatId);
    }

    /** Blocked in a private chat, kicked from or left a group or channel: no more alerts there, from now on. */
    private Handling membership(long chatId, ChatMemberUpdated change) {
        String status = change.getNewChatMember() == null ? "" : change.getNewChatMember().getStatus();
        if (REMOVED.contains(status)) {
            LOG.info("the bot was removed from chat {} ({}): its subscriptions end", chatId, status);
            try {
                extras.onRemoved().accept(chatId);
            } catch (RuntimeException e) {
                LOG.error("ending the subscriptions of chat {} failed: {}", chatId, e.toString());
            }
        }
        return Handling.silence(chatId);
    }

    private Handling message(Message message) {
        long chatId = message.getChatId();
        if (message.getFrom() != null && Boolean.TRUE.equals(message.getFrom().getIsBot())) {
            return Handling.silence(chatId);
        }
        boolean privateChat = message.getChat() != null && message.getChat().isUserChat();
        if (message.getText() != null) {
            String text = message.getText();
            Optional<IncomingCommand> command = IncomingCommand.parse(text);
            if (command.isPresent()) {
                // In a group, a command without @name may be meant for another bot there: only known ones are ours.
                boolean ours = privateChat || command.get().addressedTo().isPresent()
                        ? command.get().isFor(me.username())
                        : BotCommands.dialogueCommand(command.get().name()).isPresent();
                return !ours ? Handling.silence(chatId)
                        : privateChat ? command(chatId, command.get()) : command(chatId, command.get()).inReplyTo(message.getMessageId());
            }
            if (!privateChat) {
                if (!addressesMe(message)) {
                    return Handling.silence(chatId);
                }
                return question(chatId, mention.matcher(text).replaceAll(" ").strip()).inReplyTo(message.getMessageId());
            }
            return question(chatId, text);
        }
        if (privateChat && isUserContent(message)) {
            return Handling.reply(chatId, FixedReplies.notText());
        }
        return Handling.silence(chatId);
    }

    private Handling question(long chatId, String text) {
        int length = text.codePointCount(0, text.length());
        if (length > FixedReplies.MAX_QUESTION_CHARS) {
            return Handling.reply(chatId, FixedReplies.tooLong());
        }
        return Handling.reply(chatId, ask(chatId, () -> dialogue.onText(chatId, text)));
    }

    private Handling command(long chatId, IncomingCommand command) {
        if (command.name().equals(PICTURE_COMMAND) && extras.timelinePicture().isPresent() && extras.photos().isPresent()) {
            Optional<Handling> picture = picture(chatId);
            if (picture.isPresent()) {
                return picture.get();
            }
        }
        return Handling.reply(chatId, BotCommands.dialogueCommand(command.name())
                .map(name -> ask(chatId, () -> dialogue.onCommand(chatId, name, command.argument())))
                .orElseGet(() -> FixedReplies.unknownCommand(command.name())));
    }

    /** /timeline: the picture (with "sending a photo…" while it is drawn); the text list if it can't go. */
    private static final String PICTURE_COMMAND = "timeline";
    /** How long the photo waits for "sending a photo…" to be answered at most (it must not arrive after the photo). */
    private static final Duration UPLOADING_SHOWN_WAIT = Duration.ofSeconds(2);

    private Optional<Handling> picture(long chatId) {
        CompletableFuture<?> uploading = extras.actions() != null
                ? extras.actions().uploadingPhoto(chatId) : CompletableFuture.completedFuture(null);
        Optional<TimelinePictures.Picture> picture;
        try {
            picture = extras.timelinePicture().get().get();
        } catch (RuntimeException e) {
            LOG.error("the timeline picture failed: {}", e.toString());
            picture = Optional.empty();
        }
        return picture.map(p -> Handling.sending(chatId, inReplyTo -> {
            ChatActions.awaitShown(uploading, UPLOADING_SHOWN_WAIT);
            if (extras.photos().get().send(chatId, p, inReplyTo) == ReplySender.Delivery.FAILED && extras.replies().isPresent()) {
                extras.replies().get().send(chatId, ask(chatId, () -> dialogue.onCommand(chatId, PICTURE_COMMAND, "")), inReplyTo);
            }
        }));
    }

    private Handling button(long chatId, CallbackQuery query) {
        String data = query.getData();
        Optional<Reply> reply = data == null || data.isEmpty()
                ? Optional.empty() : Optional.of(ask(chatId, () -> dialogue.onButton(chatId, data)));
        return new Handling(chatId, reply, Optional.of(query.getId()), Optional.empty(), Optional.empty());
    }

    private Reply ask(long chatId, Supplier<Reply> question) {
        try {
            return extras.actions() == null ? question.get() : extras.actions().typingWhile(chatId, question);
        } catch (RuntimeException e) {
            // The Dialogue promises never to throw; if it does, the user still hears back and the bot lives on.
            LOG.error("the dialogue failed on a message: {}", e.toString(), e);
            return FixedReplies.failed();
        }
    }

    private boolean addressesMe(Message message) {
        if (mention.matcher(message.getText()).find()) {
            return true;
        }
        Message repliedTo = message.getReplyToMessage();
        return repliedTo != null && repliedTo.getFrom() != null && repliedTo.getFrom().getId() == me.id();
    }

    private static boolean isUserContent(Message m) {
        return m.hasSticker() || m.hasPhoto() || m.hasVoice() || m.hasAudio() || m.hasVideo() || m.hasVideoNote()
                || m.hasDocument() || m.hasAnimation() || m.hasLocation() || m.hasContact() || m.hasPoll() || m.hasDice()
                || m.hasGame() || m.hasStory() || m.getVenue() != null;
    }
}
