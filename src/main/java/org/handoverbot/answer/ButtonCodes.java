package org.handoverbot.answer;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.handoverbot.nlp.Intent;

/**
 * Callback data of inline buttons: a short ASCII code for the question, then the subject (a gazetteer id) and
 * a page, e.g. "src:al-qaim", "said:khafaji:2", "timeline". Always well under Telegram's 64 bytes; anything
 * that does not parse is an old or foreign button.
 */
final class ButtonCodes {

    private static final Map<Intent, String> CODES = Map.ofEntries(
            Map.entry(Intent.EVENT_DATE, "date"), Map.entry(Intent.PARTIES, "who"), Map.entry(Intent.STATUS, "status"),
            Map.entry(Intent.SOURCE, "src"), Map.entry(Intent.STATEMENT, "said"), Map.entry(Intent.REASON, "why"),
            Map.entry(Intent.NEXT_STEP, "next"), Map.entry(Intent.EQUIPMENT, "equip"), Map.entry(Intent.ATTACKS, "attack"),
            Map.entry(Intent.LOCATION, "where"), Map.entry(Intent.TIMELINE, "timeline"), Map.entry(Intent.HELP, "help"),
            Map.entry(Intent.COMPARE, "compare"), Map.entry(Intent.SUBSCRIBE, "sub"));

    private static final Pattern DATA = Pattern.compile("([a-z]+)(?::([a-z0-9][a-z0-9_-]{0,40}))?(?::([0-9]{1,3}))?");

    /** A pressed button: the question it stands for, its subject (may be null) and page (0 = first). */
    record Pressed(Intent intent, String subject, int page) {
    }

    private ButtonCodes() {
    }

    static String encode(Intent intent, String subject) {
        return encode(intent, subject, 0);
    }

    static String encode(Intent intent, String subject, int page) {
        String code = CODES.get(intent);
        if (code == null) {
            throw new IllegalArgumentException("no button for " + intent);
        }
        String data = code + (subject == null ? "" : ":" + subject) + (page > 0 ? ":" + page : "");
        if (data.getBytes(StandardCharsets.UTF_8).length > 64 || !DATA.matcher(data).matches()) {
            throw new IllegalArgumentException("not a valid button: " + data);
        }
        return data;
    }

    static Optional<Pressed> decode(String data) {
        if (data == null || data.length() > 64) {
            return Optional.empty();
        }
        Matcher m = DATA.matcher(data.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return CODES.entrySet().stream().filter(e -> e.getValue().equals(m.group(1))).findFirst()
                .map(e -> new Pressed(e.getKey(), m.group(2), m.group(3) == null ? 0 : Integer.parseInt(m.group(3))));
    }

    static boolean fits(String subject) {
        return subject != null && subject.length() <= 40 && subject.matches("[a-z0-9][a-z0-9_-]*");
    }
}
