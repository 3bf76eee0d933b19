package org.handoverbot.telegram;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command as users type it: "/subscribe القائم", "/start@handover_bot". In groups the @botname part says which
 * bot it is for; without it, every bot in the group gets it.
 */
record IncomingCommand(String name, Optional<String> addressedTo, String argument) {

    // Telegram command names: 1 to 32 Latin letters, digits and underscores.
    private static final Pattern COMMAND = Pattern.compile("^/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{3,64}))?(?=\\s|$)\\s*(.*)$", Pattern.DOTALL);

    static Optional<IncomingCommand> parse(String text) {
        Matcher m = COMMAND.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new IncomingCommand(m.group(1).toLowerCase(Locale.ROOT), Optional.ofNullable(m.group(2)),
                m.group(3).strip()));
    }

    boolean isFor(String botUsername) {
        return addressedTo.map(name -> name.equalsIgnoreCase(botUsername)).orElse(true);
    }
}
