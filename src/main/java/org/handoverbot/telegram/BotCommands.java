package org.handoverbot.telegram;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.handoverbot.answer.ReplyCatalogue;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;

/**
 * The bot's commands: the menu Telegram shows (setMyCommands, descriptions from the catalogue's telegram.command.*) and which Dialogue
 * command each one calls. /bases and /timeline are the same list, so users find it under either name.
 */
final class BotCommands {

    private static final Map<String, String> TO_DIALOGUE = Map.of(
            "start", "start",
            "help", "help",
            "bases", "timeline",
            "timeline", "timeline",
            "source", "source",
            "subscribe", "subscribe",
            "unsubscribe", "unsubscribe",
            // For admins only (TELEGRAM_ADMIN_IDS), so it is answered but not in the menu everyone sees.
            "queue", "queue",
            "review", "review");

    static final List<BotCommand> MENU = List.of(
            command("start", "telegram.command.start"),
            command("help", "telegram.command.help"),
            command("bases", "telegram.command.bases"),
            command("timeline", "telegram.command.timeline"),
            command("source", "telegram.command.source"),
            command("subscribe", "telegram.command.subscribe"),
            command("unsubscribe", "telegram.command.unsubscribe"));

    private BotCommands() {
    }

    /** The Dialogue command for a typed command name, empty when the bot has no such command. */
    static Optional<String> dialogueCommand(String typed) {
        return Optional.ofNullable(TO_DIALOGUE.get(typed));
    }

    static SetMyCommands setMyCommands() {
        return SetMyCommands.builder().commands(MENU).build();
    }

    private static BotCommand command(String name, String descriptionKey) {
        return BotCommand.builder().command(name).description(ReplyCatalogue.arabic().text(descriptionKey)).build();
    }
}
