package org.handoverbot.nlp;

import java.util.ArrayList;
import java.util.List;

/**
 * A question as a frame: the act and its role-tagged slots. subjects are the bases asked about; anchors the
 * bases the answer is measured against (relation says how: "بعد القيارة" is anchor qayyarah, AFTER); kind the
 * event kind asked about (null: a handover, or whatever the act implies); speaker a person or organisation
 * (gazetteer id) whose words or announcements are wanted; unknownSpeaker / unknownPlace a name the gazetteer does
 * not know, as the user wrote it; date and dateTo a date or range; ordinal a timeline position
 * ({@link Entities#LAST} = last); calendar the calendar dates are wanted in; topic a quote topic; elliptic is true
 * for a message that only names slots ("والقيارة؟", "وبعدها؟"), which repeats the conversation's last act.
 * Plain data: nothing here reads the knowledge.
 */
public record Frame(Act act, List<String> subjects, List<String> anchors, Relation relation, AskedKind kind,
                    String speaker, String unknownSpeaker, String unknownPlace, DateMention date, DateMention dateTo,
                    Integer ordinal, DateCalendar calendar, String topic, boolean elliptic) {

    /** One slot with its role, as `ask --json` shows it. */
    public record Slot(String role, String value) {
    }

    public Frame {
        subjects = List.copyOf(subjects);
        anchors = List.copyOf(anchors);
        calendar = calendar == null ? DateCalendar.GREGORIAN : calendar;
    }

    /** The frame of an intent and its entities alone, with no role rules: bases are subjects, people speakers. */
    public static Frame basic(Intent intent, Entities entities) {
        Entities e = entities == null ? Entities.NONE : entities;
        String speaker = !e.people().isEmpty() ? e.people().get(0)
                : intent == Intent.STATEMENT && !e.organisations().isEmpty() ? e.organisations().get(0) : null;
        return new Frame(Act.of(intent), e.bases(), List.of(), null, intent == Intent.ATTACKS ? AskedKind.ATTACK : null,
                speaker, null, null, e.date(), null, e.ordinal(), DateCalendar.GREGORIAN, null, false);
    }

    public Frame withAct(Act newAct) {
        return new Frame(newAct, subjects, anchors, relation, kind, speaker, unknownSpeaker, unknownPlace, date, dateTo,
                ordinal, calendar, topic, elliptic);
    }

    public Frame withSubjects(List<String> bases) {
        return new Frame(act, bases, anchors, relation, kind, speaker, unknownSpeaker, unknownPlace, date, dateTo,
                ordinal, calendar, topic, elliptic);
    }

    public Frame withAnchors(List<String> bases, Relation newRelation) {
        return new Frame(act, subjects, bases, newRelation, kind, speaker, unknownSpeaker, unknownPlace, date, dateTo,
                ordinal, calendar, topic, elliptic);
    }

    public Frame withUnknownPlace(String place) {
        return new Frame(act, subjects, anchors, relation, kind, speaker, unknownSpeaker, place, date, dateTo,
                ordinal, calendar, topic, elliptic);
    }

    public Frame withSpeaker(String id) {
        return new Frame(act, subjects, anchors, relation, kind, id, unknownSpeaker, unknownPlace, date, dateTo,
                ordinal, calendar, topic, elliptic);
    }

    public Frame withDates(DateMention from, DateMention to) {
        return new Frame(act, subjects, anchors, relation, kind, speaker, unknownSpeaker, unknownPlace, from, to,
                ordinal, calendar, topic, elliptic);
    }

    public Frame withKind(AskedKind newKind) {
        return new Frame(act, subjects, anchors, relation, newKind, speaker, unknownSpeaker, unknownPlace, date, dateTo,
                ordinal, calendar, topic, elliptic);
    }

    public Frame withTopic(String newTopic) {
        return new Frame(act, subjects, anchors, relation, kind, speaker, unknownSpeaker, unknownPlace, date, dateTo,
                ordinal, calendar, newTopic, elliptic);
    }

    /** The first subject, or null. */
    public String subject() {
        return subjects.isEmpty() ? null : subjects.get(0);
    }

    /** The first anchor, or null. */
    public String anchor() {
        return anchors.isEmpty() ? null : anchors.get(0);
    }

    /** True when the message names something a follow-up can carry over into the last act. */
    public boolean namesAnySlot() {
        return !subjects.isEmpty() || !anchors.isEmpty() || relation != null || speaker != null
                || unknownSpeaker != null || unknownPlace != null || date != null || ordinal != null;
    }

    /** Every slot with its role, in a fixed order (for `ask --json` and the held-out evaluation). */
    public List<Slot> slots() {
        List<Slot> slots = new ArrayList<>();
        subjects.forEach(s -> slots.add(new Slot("subject", s)));
        anchors.forEach(a -> slots.add(new Slot("anchor", a)));
        if (relation != null) {
            slots.add(new Slot("relation", relation.label()));
        }
        if (kind != null) {
            slots.add(new Slot("kind", kind.label()));
        }
        if (speaker != null) {
            slots.add(new Slot("speaker", speaker));
        }
        if (unknownSpeaker != null) {
            slots.add(new Slot("unknown_speaker", unknownSpeaker));
        }
        if (unknownPlace != null) {
            slots.add(new Slot("unknown_place", unknownPlace));
        }
        if (date != null) {
            slots.add(new Slot("date", text(date)));
        }
        if (dateTo != null) {
            slots.add(new Slot("date_to", text(dateTo)));
        }
        if (ordinal != null) {
            slots.add(new Slot("ordinal", ordinal.toString()));
        }
        if (calendar != DateCalendar.GREGORIAN) {
            slots.add(new Slot("calendar", calendar.label()));
        }
        if (topic != null) {
            slots.add(new Slot("topic", topic));
        }
        return slots;
    }

    /** "2020", "2020-03", "2020-03-19", "-03" (a month with no year). */
    public static String text(DateMention d) {
        StringBuilder b = new StringBuilder(d.year() == null ? "" : String.valueOf(d.year()));
        if (d.month() != null) {
            b.append('-').append(d.month() < 10 ? "0" : "").append(d.month());
            if (d.day() != null) {
                b.append('-').append(d.day() < 10 ? "0" : "").append(d.day());
            }
        }
        return b.toString();
    }
}
