package org.handoverbot.answer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.handoverbot.nlp.Act;
import org.handoverbot.nlp.AskedKind;
import org.handoverbot.nlp.DateCalendar;
import org.handoverbot.nlp.DateMention;
import org.handoverbot.nlp.Frame;
import org.handoverbot.nlp.Intent;
import org.handoverbot.nlp.Relation;

/**
 * Callback data of inline buttons: the frame the button asks, in ASCII within Telegram's 64 bytes: an act code,
 * then ";role=value" for each slot: s subjects, a anchors (ids joined by ","), r relation, k kind, p speaker,
 * d / e date and end date (2020-03), o ordinal, c calendar (h = Hijri), t topic, g page. For example
 * "said;p=khafaji;g=2", "date;a=qayyarah;r=ra", "timeline". The first version's data ("src:al-qaim",
 * "said:khafaji:2") still reads. Anything else is an old or foreign button.
 */
final class ButtonCodes {

    static final int MAX_BYTES = 64;

    private static final Map<Act, String> CODES = Map.ofEntries(
            Map.entry(Act.DATE, "date"), Map.entry(Act.PARTIES, "who"), Map.entry(Act.STATUS, "status"),
            Map.entry(Act.SOURCE, "src"), Map.entry(Act.QUOTE, "said"), Map.entry(Act.REASON, "why"),
            Map.entry(Act.NEXT_STEP, "next"), Map.entry(Act.FIGURE, "equip"), Map.entry(Act.PLACE, "where"),
            Map.entry(Act.LIST, "timeline"), Map.entry(Act.HELP, "help"), Map.entry(Act.COMPARE, "compare"),
            Map.entry(Act.SUBSCRIBE, "sub"), Map.entry(Act.COUNT, "count"), Map.entry(Act.ORDINAL, "ord"));
    private static final Map<Relation, String> RELATIONS = Map.of(Relation.BEFORE, "b", Relation.AFTER, "a",
            Relation.RIGHT_BEFORE, "rb", Relation.RIGHT_AFTER, "ra", Relation.BETWEEN, "bw");
    private static final Map<AskedKind, String> KINDS = Map.of(AskedKind.HANDOVER, "h", AskedKind.PLANNED, "p",
            AskedKind.ANNOUNCEMENT, "n", AskedKind.ATTACK, "x", AskedKind.STATEMENT, "s");

    // The same codes read back, built once: decoding runs on every button a reply carries (encode checks it).
    private static final Map<String, Act> ACTS = reversed(CODES);
    private static final Map<String, Relation> RELATION_OF = reversed(RELATIONS);
    private static final Map<String, AskedKind> KIND_OF = reversed(KINDS);

    private static final String ID = "[a-z0-9][a-z0-9_-]{0,40}";
    // What areIds reads, as a pattern: ButtonCodesTest checks the scan against it.
    static final Pattern IDS = Pattern.compile(ID + "(," + ID + ")*");
    private static final Pattern OLD = Pattern.compile("([a-z]+)(?::(" + ID + "))?(?::([0-9]{1,3}))?");
    // What fits reads, as a pattern: ButtonCodesTest checks the scan against it.
    static final Pattern SUBJECT = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final Pattern DATE = Pattern.compile("(\\d{4})?(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?");
    private static final Pattern TOPIC = Pattern.compile("[a-z_]{1,20}");

    // The buttons that name no subject are the same on every reply ("timeline", "help"): made once, checked once.
    // Last of the static fields: making them reads the codes and patterns above.
    private static final Map<Intent, String> NO_SUBJECT = noSubjectButtons();

    /** A pressed button: the frame it asks and the page (0 = first). */
    record Pressed(Frame frame, int page) {
    }

    private ButtonCodes() {
    }

    /** The first version's way of naming a button: an intent and one subject (a base, a speaker). */
    static String encode(Intent intent, String subject) {
        return encode(intent, subject, 0);
    }

    static String encode(Intent intent, String subject, int page) {
        String made = subject == null && page == 0 && NO_SUBJECT != null ? NO_SUBJECT.get(intent) : null;
        return made != null ? made : make(intent, subject, page);
    }

    private static String make(Intent intent, String subject, int page) {
        String code = CODES.get(Act.of(intent));
        // What encode(Frame) writes for this frame (its act, the subject, the attack kind, the page) when its check
        // by decoding would pass: the subject is ids (ASCII, so its bytes are its chars), the page 0-999, 64 bytes.
        // Written here without the frame and the decoding; anything else takes that way, which refuses it.
        if (code != null && (subject == null || areIds(subject)) && page >= 0 && page <= 999) {
            StringBuilder data = new StringBuilder(MAX_BYTES).append(code);
            put(data, "s", subject);
            put(data, "k", intent == Intent.ATTACKS ? KINDS.get(AskedKind.ATTACK) : null);
            put(data, "g", page > 0 ? Integer.toString(page) : null);
            if (data.length() <= MAX_BYTES) {
                return data.toString();
            }
        }
        return encodeFrame(intent, subject, page);
    }

    /** The general way for what {@link #make} writes: the frame, encoded and checked by decoding. */
    static String encodeFrame(Intent intent, String subject, int page) {
        Frame frame = new Frame(Act.of(intent), subject == null ? List.of() : List.of(subject), List.of(), null,
                intent == Intent.ATTACKS ? AskedKind.ATTACK : null, null, null, null, null, null, null, null, null, false);
        return encode(frame, page);
    }

    static String encode(Frame frame, int page) {
        String code = CODES.get(frame.act());
        if (code == null) {
            throw new IllegalArgumentException("no button for " + frame.act());
        }
        StringBuilder data = new StringBuilder(code);
        ids(data, "s", frame.subjects());
        ids(data, "a", frame.anchors());
        put(data, "r", frame.relation() == null ? null : RELATIONS.get(frame.relation()));
        put(data, "k", frame.kind() == null ? null : KINDS.get(frame.kind()));
        put(data, "p", frame.speaker());
        put(data, "d", frame.date() == null ? null : Frame.text(frame.date()));
        put(data, "e", frame.dateTo() == null ? null : Frame.text(frame.dateTo()));
        put(data, "o", frame.ordinal() == null ? null : frame.ordinal().toString());
        put(data, "c", frame.calendar() == DateCalendar.HIJRI ? "h" : null);
        put(data, "t", frame.topic());
        put(data, "g", page > 0 ? Integer.toString(page) : null);
        String text = data.toString();
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES || decode(text).isEmpty()) {
            throw new IllegalArgumentException("not a valid button: " + text);
        }
        return text;
    }

    /** Every intent's button without a subject; an intent with no button is left out (encode refuses it). */
    private static Map<Intent, String> noSubjectButtons() {
        Map<Intent, String> made = new java.util.EnumMap<>(Intent.class);
        for (Intent intent : Intent.values()) {
            try {
                made.put(intent, make(intent, null, 0));
            } catch (IllegalArgumentException e) {
                // no button for this intent's act: encode says so each time it is asked
            }
        }
        return java.util.Collections.unmodifiableMap(made);
    }

    static Optional<Pressed> decode(String data) {
        if (data == null || data.length() > MAX_BYTES) {
            return Optional.empty();
        }
        String text = data.strip();
        if (!text.contains(";")) {
            Matcher old = OLD.matcher(text);
            if (old.matches() && actOf(old.group(1)).isPresent()) {
                Act act = actOf(old.group(1)).get();
                String subject = old.group(2);
                return Optional.of(new Pressed(new Frame(act, subject == null ? List.of() : List.of(subject), List.of(),
                        null, old.group(1).equals("attack") ? AskedKind.ATTACK : null, null, null, null, null, null,
                        null, null, null, false), old.group(3) == null ? 0 : Integer.parseInt(old.group(3))));
            }
        }
        String[] parts = text.split(";", -1);
        Optional<Act> act = actOf(parts[0]);
        if (act.isEmpty()) {
            return Optional.empty();
        }
        List<String> subjects = List.of();
        List<String> anchors = List.of();
        Relation relation = null;
        AskedKind kind = null;
        String speaker = null;
        DateMention date = null;
        DateMention dateTo = null;
        Integer ordinal = null;
        DateCalendar calendar = DateCalendar.GREGORIAN;
        String topic = null;
        int page = 0;
        try {
            for (int i = 1; i < parts.length; i++) {
                int eq = parts[i].indexOf('=');
                if (eq < 1) {
                    return Optional.empty();
                }
                String value = parts[i].substring(eq + 1);
                switch (parts[i].substring(0, eq)) {
                    case "s" -> subjects = ids(value);
                    case "a" -> anchors = ids(value);
                    case "r" -> relation = key(RELATION_OF, value);
                    case "k" -> kind = key(KIND_OF, value);
                    case "p" -> speaker = ids(value).get(0);
                    case "d" -> date = date(value);
                    case "e" -> dateTo = date(value);
                    case "o" -> ordinal = Integer.parseInt(value);
                    case "c" -> calendar = value.equals("h") ? DateCalendar.HIJRI : null;
                    case "t" -> topic = TOPIC.matcher(value).matches() ? value : null;
                    case "g" -> page = Integer.parseInt(value);
                    default -> {
                        return Optional.empty();
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (calendar == null || page < 0 || page > 999) {
            return Optional.empty();
        }
        return Optional.of(new Pressed(new Frame(act.get(), subjects, anchors, relation, kind, speaker, null, null, date,
                dateTo, ordinal, calendar, topic, false), page));
    }

    /** What the SUBJECT pattern matches, up to 40 characters, by one scan (asked for every button of a reply). */
    static boolean fits(String subject) {
        if (subject == null || subject.isEmpty() || subject.length() > 40 || !isIdStart(subject.charAt(0))) {
            return false;
        }
        for (int i = 1; i < subject.length(); i++) {
            char c = subject.charAt(i);
            if (!isIdStart(c) && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static Optional<Act> actOf(String code) {
        if (code.equals("attack")) {
            return Optional.of(Act.LIST);
        }
        return Optional.ofNullable(ACTS.get(code));
    }

    private static void ids(StringBuilder data, String role, List<String> ids) {
        if (!ids.isEmpty()) {
            put(data, role, String.join(",", ids));
        }
    }

    private static void put(StringBuilder data, String role, String value) {
        if (value != null) {
            data.append(';').append(role).append('=').append(value);
        }
    }

    private static List<String> ids(String value) {
        if (!areIds(value)) {
            throw new IllegalArgumentException("not ids: " + value);
        }
        return new ArrayList<>(Arrays.asList(value.split(",")));
    }

    /**
     * What the IDS pattern matches, by one scan (every button is decoded when it is made): ids of 1 to 41 of
     * [a-z0-9_-], each starting with [a-z0-9], joined by ",". A comma is no id character, so the split is unique.
     */
    static boolean areIds(String value) {
        int i = 0;
        while (true) {
            if (i >= value.length() || !isIdStart(value.charAt(i))) {
                return false;
            }
            int start = i++;
            while (i < value.length() && (isIdStart(value.charAt(i)) || value.charAt(i) == '_' || value.charAt(i) == '-')) {
                i++;
            }
            if (i - start > 41) {
                return false;
            }
            if (i == value.length()) {
                return true;
            }
            if (value.charAt(i++) != ',') {
                return false;
            }
        }
    }

    private static boolean isIdStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static <T> T key(Map<String, T> codes, String value) {
        T found = codes.get(value);
        if (found == null) {
            throw new IllegalArgumentException("unknown code " + value);
        }
        return found;
    }

    /** Code to value; every code names one value (a second would make a button ambiguous). */
    private static <T> Map<String, T> reversed(Map<T, String> codes) {
        Map<String, T> byCode = new java.util.HashMap<>();
        codes.forEach((value, code) -> {
            if (byCode.put(code, value) != null) {
                throw new IllegalStateException("button code " + code + " names two values");
            }
        });
        return Map.copyOf(byCode);
    }

    private static DateMention date(String value) {
        Matcher m = DATE.matcher(value);
        if (value.isEmpty() || !m.matches()) {
            throw new IllegalArgumentException("not a date: " + value);
        }
        return new DateMention(m.group(1) == null ? null : Integer.valueOf(m.group(1)),
                m.group(2) == null ? null : Integer.valueOf(m.group(2)), m.group(3) == null ? null : Integer.valueOf(m.group(3)));
    }
}
