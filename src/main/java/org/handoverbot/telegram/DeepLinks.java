package org.handoverbot.telegram;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Links that open a chat with the bot on one subject: t.me/&lt;bot&gt;?start=&lt;payload&gt;. Telegram then sends
 * "/start &lt;payload&gt;", which the dialogue answers as that base's handover (the payload is a gazetteer base id).
 * A payload may have 1 to 64 of A-Z a-z 0-9 _ - (Telegram's rule); anything else gets the plain link.
 */
public final class DeepLinks {

    private static final Pattern PAYLOAD = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_]{3,64}");

    private DeepLinks() {
    }

    /** "https://t.me/handover_bot?start=al-qaim"; the bare chat link when the payload can't be one. */
    public static String start(String botUsername, Optional<String> payload) {
        if (!USERNAME.matcher(botUsername).matches()) {
            throw new IllegalArgumentException("not a bot username: " + botUsername);
        }
        String chat = "https://t.me/" + botUsername;
        return payload.filter(p -> PAYLOAD.matcher(p).matches()).map(p -> chat + "?start=" + p).orElse(chat);
    }

    /** True when Telegram accepts this as a start payload. */
    public static boolean isPayload(String text) {
        return text != null && PAYLOAD.matcher(text).matches();
    }
}
