package org.handoverbot.telegram;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.handoverbot.answer.Dialogue;
import org.handoverbot.answer.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Decides what each update means for the bot and asks the Dialogue for the reply. Text questions and commands go
 * to the Dialogue; a pressed button too, and its spinner is stopped. In private chats, stickers, photos, voice and
 * other non-text get a short note; in groups the bot speaks only when addressed (a command for it, an @mention,
 * a reply to it). Edited messages, channel posts, service messages and other bots get silence, on purpose:
 * an edit is not a new question and the channel is where the bot itself posts.
 */
final class UpdateRouter {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateRouter.class);

    /**
     * What to do for one update: the chat, the reply (none = silence), the button press to acknowledge, and in
     * groups the message the reply answers (so it shows whom it is for).
     */
    record Handling(long chatId, Optional<Reply> reply, Optional<String> callbackQueryId, Optional<Integer> inReplyTo) {

        static Handling silence(long chatId) {
            return new Handling(chatId, Optional.empty(), Optional.empty(), Optional.empty());
        }

        static Handling reply(long chatId, Reply reply) {
            return new Handling(chatId, Optional.of(reply), Optional.empty(), Optional.empty());
        }

        Handling inReplyTo(int messageId) {
            return new Handling(chatId, reply, callbackQueryId, Optional.of(messageId));
        }
    }

    private final Dialogue dialogue;
    private final BotIdentity me;
    private final Pattern mention;

    UpdateRouter(Dialogue dialogue, BotIdentity me) {
        this.dialogue = dialogue;
        this.me = me;
        this.mention = Pattern.compile("@" + Pattern.quote(me.username()) + "\\b", Pattern.CASE_INSENSITIVE);
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
        return Handling.reply(chatId, ask(() -> dialogue.onText(chatId, text)));
    }

    private Handling command(long chatId, IncomingCommand command) {
        return Handling.reply(chatId, BotCommands.dialogueCommand(command.name())
                .map(name -> ask(() -> dialogue.onCommand(chatId, name, command.argument())))
                .orElseGet(() -> FixedReplies.unknownCommand(command.name())));
    }

    private Handling button(long chatId, CallbackQuery query) {
        String data = query.getData();
        Optional<Reply> reply = data == null || data.isEmpty()
                ? Optional.empty() : Optional.of(ask(() -> dialogue.onButton(chatId, data)));
        return new Handling(chatId, reply, Optional.of(query.getId()), Optional.empty());
    }

    private Reply ask(Supplier<Reply> question) {
        try {
            return question.get();
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
