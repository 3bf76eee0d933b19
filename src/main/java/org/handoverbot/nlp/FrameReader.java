package org.handoverbot.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a read question and its classified intent into a {@link Frame}: slots come from the gazetteer, dates and
 * ordinals, and take their roles from the rules of models/frame-rules.txt (which base is the anchor, which name
 * speaks, what kind of event, which calendar). Nothing about wording is written here. Immutable; thread-safe.
 */
public final class FrameReader {

    private final RuleOrder relations;
    private final RuleOrder kinds;
    private final RuleOrder topics;
    private final RuleOrder calendars;
    private final Set<String> speakerCues;
    private final Set<String> cuesBeforeASpeaker;
    private final Set<String> fillers;
    private final UnknownNames unknown;

    public FrameReader(FrameRules rules) {
        this.relations = new RuleOrder(rules.startingWith("relation."));
        this.kinds = new RuleOrder(rules.startingWith("kind."));
        this.topics = new RuleOrder(rules.startingWith("topic."));
        this.calendars = new RuleOrder(rules.startingWith("calendar."));
        this.speakerCues = rules.words("speaker.cue");
        this.cuesBeforeASpeaker = rules.words("speaker.after_only");
        this.fillers = rules.words("follow.filler");
        this.unknown = new UnknownNames(rules);
    }

    public Frame read(String question, QuestionTokens.Read read, Intent intent) {
        List<QuestionTokens.Token> tokens = read.tokens();
        Entities entities = read.entities();
        boolean[] used = new boolean[tokens.size()];

        Relation relation = null;
        List<String> anchors = new ArrayList<>();
        DateMention date = entities.date();
        DateMention dateTo = null;
        FrameRules.Match match = relations.first(tokens);
        if (match != null) {
            relation = Relation.valueOf(match.rule().name().substring("relation.".length()).toUpperCase(Locale.ROOT));
            List<DateMention> range = new ArrayList<>();
            for (int i = match.start(); i < match.end(); i++) {
                used[i] = true;
                QuestionTokens.Token t = tokens.get(i);
                if (t.is("BASE")) {
                    anchors.add(t.id());
                } else if (t.date() != null) {
                    range.add(t.date());
                }
            }
            if (range.size() == 2) {
                date = range.get(0).year() == null
                        ? new DateMention(range.get(1).year(), range.get(0).month(), range.get(0).day()) : range.get(0);
                dateTo = range.get(1);
            }
        }

        Act act = Act.of(intent);
        if (act == Act.COMPARE && relation == Relation.BETWEEN && !anchors.isEmpty()) {
            // "the difference between A and B": both are compared, neither is measured against
            anchors.clear();
            relation = null;
        }
        // most questions have no anchor: the bases as they are (an unmodifiable list, as the filter gave)
        List<String> subjects = anchors.isEmpty() ? entities.bases()
                : entities.bases().stream().filter(b -> !anchors.contains(b)).toList();
        AskedKind kind = intent == Intent.ATTACKS ? AskedKind.ATTACK : intent == Intent.NEXT_STEP ? AskedKind.PLANNED : null;
        FrameRules.Match kindRule = kind == null ? kinds.first(tokens) : null;
        if (kindRule != null) {
            kind = AskedKind.valueOf(kindRule.rule().name().substring("kind.".length()).toUpperCase(Locale.ROOT));
        }
        String speaker = speaker(tokens, act, used);
        String topic = firstRule(topics, "topic.", tokens);
        DateCalendar calendar = firstRule(calendars, "calendar.", tokens) != null ? DateCalendar.HIJRI : DateCalendar.GREGORIAN;
        String unknownPlace = unknown.place(question, read.words(), tokens);
        String unknownSpeaker = speaker == null && unknownPlace == null ? unknown.speaker(question, read.words(), tokens) : null;
        boolean elliptic = elliptic(tokens, used, unknownPlace != null);
        return new Frame(act, subjects, anchors, relation, kind, speaker, unknownSpeaker, unknownPlace, date, dateTo,
                entities.ordinal(), calendar, topic, elliptic);
    }

    /**
     * The person or organisation whose words are wanted: the first one named after a cue of speaking
     * ("قال"، "حسب"، "مصدر"), else any one named with such a cue ("حسب" only with one named after it: "حسب
     * الخطة" names no speaker); a person named in a question about words speaks even without a cue. An organisation named without a cue is a party, not a speaker.
     */
    private String speaker(List<QuestionTokens.Token> tokens, Act act, boolean[] used) {
        int cue = -1;
        for (int i = 0; i < tokens.size() && cue < 0; i++) {
            if (tokens.get(i).placeholder() == null && speakerCues.contains(tokens.get(i).text())) {
                cue = i;
            }
        }
        if (cue >= 0 && cuesBeforeASpeaker.contains(tokens.get(cue).text())) {
            final int at = cue;
            boolean named = java.util.stream.IntStream.range(at + 1, tokens.size())
                    .anyMatch(i -> tokens.get(i).is("PERSON") || tokens.get(i).is("ORG"));
            cue = named ? cue : -1;
        }
        String before = null;
        for (int i = 0; i < tokens.size(); i++) {
            QuestionTokens.Token t = tokens.get(i);
            if (!t.is("PERSON") && !t.is("ORG")) {
                continue;
            }
            if (cue >= 0 && i > cue) {
                used[i] = true;
                return t.id();
            }
            if (before == null && (cue >= 0 || (t.is("PERSON") && (act == Act.QUOTE || act == Act.REASON)))) {
                before = t.id();
                used[i] = true;
            }
        }
        return before;
    }

    private static String firstRule(RuleOrder rules, String prefix, List<QuestionTokens.Token> tokens) {
        FrameRules.Match match = rules.first(tokens);
        return match == null ? null : match.rule().name().substring(prefix.length());
    }

    /**
     * True for a message that only names slots, maybe with a relation and filler words ("والقيارة؟",
     * "طيب والتاجي؟", "وشنو بعدها؟", "وبآب 2020؟"): a follow-up that repeats the last act.
     */
    private boolean elliptic(List<QuestionTokens.Token> tokens, boolean[] used, boolean unknownPlace) {
        boolean slot = unknownPlace;
        for (int i = 0; i < tokens.size(); i++) {
            QuestionTokens.Token t = tokens.get(i);
            if (t.placeholder() != null || used[i]) {
                slot = true;
            } else if (!fillers.contains(t.text()) && !unknownPlace) {
                return false;
            }
        }
        return slot;
    }
}
