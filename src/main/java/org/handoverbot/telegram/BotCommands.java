package org.handoverbot.telegram;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;

/**
 * The bot's commands: the menu Telegram shows (setMyCommands, descriptions in Arabic) and which Dialogue
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
            "queue", "queue");

    static final List<BotCommand> MENU = List.of(
            command("start", "ما يفعله البوت، مع أمثلة أسئلة"),
            command("help", "كيف تسأل عن تسليم القواعد"),
            command("bases", "القواعد التي سُلّمت وتواريخها"),
            command("timeline", "صورة التسلسل الزمني لعمليات التسليم"),
            command("source", "مصادر الجواب الأخير"),
            command("subscribe", "تنبيه عند كل تسليم جديد (أو اكتب اسم قاعدة)"),
            command("unsubscribe", "إيقاف التنبيهات"));

    private BotCommands() {
    }

    /** The Dialogue command for a typed command name, empty when the bot has no such command. */
    static Optional<String> dialogueCommand(String typed) {
        return Optional.ofNullable(TO_DIALOGUE.get(typed));
    }

    static SetMyCommands setMyCommands() {
        return SetMyCommands.builder().commands(MENU).build();
    }

    private static BotCommand command(String name, String description) {
        return BotCommand.builder().command(name).description(description).build();
    }
}
