package org.handoverbot.answer;

import java.util.List;
import java.util.Set;

import org.handoverbot.nlp.Act;
import org.handoverbot.nlp.AskedKind;
import org.handoverbot.nlp.Frame;
import org.handoverbot.nlp.Relation;

/**
 * Turns the frame of a message and the chat's state into the frame to answer: a bare base answers "which
 * base?"; a message that only names slots repeats the last act with them replaced ("والقيارة؟", "وبآب 2020؟",
 * "والخفاجي؟"), and "وبعدها؟"/"وقبلها؟" walk the timeline from the last base; a question about a base that names
 * none takes the conversation's base. Reads no knowledge; stateless.
 */
final class FrameResolver {

    /** Acts answered about one base, which walking the timeline keeps. */
    private static final Set<Act> ABOUT_A_BASE = Set.of(Act.DATE, Act.PARTIES, Act.PLACE, Act.STATUS, Act.FIGURE,
            Act.SOURCE);
    /** Acts that, naming no base, speak of the conversation's base. */
    private static final Set<Act> TAKE_CONTEXT_BASE = Set.of(Act.DATE, Act.PARTIES, Act.PLACE, Act.STATUS, Act.FIGURE,
            Act.SOURCE, Act.QUOTE, Act.REASON, Act.NEXT_STEP);
    /** Acts whose speaker a follow-up naming a base keeps ("ماذا قال الخفاجي عن القائم؟" → "والقيارة؟"). */
    private static final Set<Act> SPOKEN = Set.of(Act.QUOTE, Act.REASON);

    /** The frame to answer; fromContext when its base was taken from the conversation, not the message. */
    record Resolution(Frame frame, boolean fromContext, boolean unclear) {
    }

    Resolution resolve(Frame f, ChatContext state, boolean confident) {
        if (f.elliptic() && state.awaiting() != null && !f.subjects().isEmpty() && f.relation() == null) {
            return new Resolution(f.withAct(state.awaiting()), false, false);
        }
        if (f.elliptic() && state.act() != null && state.act().asksKnowledge()) {
            return new Resolution(carried(f, state), false, false);
        }
        if (!confident) {
            return new Resolution(f, false, true);
        }
        // "قبل 1 نيسان 2020": a relation to a named date is measured against that date, not the conversation's base
        if (f.relation() != null && f.relation() != Relation.BETWEEN && f.anchors().isEmpty() && f.date() == null) {
            if (!f.subjects().isEmpty()) {
                // "ماذا حدث في بسماية قبل تسليمها؟": the base's own handover is the anchor
                return new Resolution(f.withSubjects(List.of()).withAnchors(f.subjects(), f.relation()), false, false);
            }
            if (state.baseId() != null) {
                return new Resolution(f.withAnchors(List.of(state.baseId()), f.relation()), false, false);
            }
        }
        boolean namesNothing = f.subjects().isEmpty() && f.anchors().isEmpty() && f.date() == null
                && f.ordinal() == null && f.unknownPlace() == null && f.unknownSpeaker() == null && f.speaker() == null
                && (f.kind() == null || whenAnnounced(f)) && f.topic() == null;
        if (namesNothing && TAKE_CONTEXT_BASE.contains(f.act()) && state.baseId() != null
                && !(f.act() == Act.SOURCE && !state.sourceIds().isEmpty())
                && !(SPOKEN.contains(f.act()) && state.speaker() != null && state.act() == Act.QUOTE)) {
            return new Resolution(f.withSubjects(List.of(state.baseId())), true, false);
        }
        return new Resolution(f, false, false);
    }

    /**
     * "ومتى أعلنوا؟" names a kind but no object: "when was it announced" is about the base being talked of, while
     * "how many attacks were there?" (a kind too) asks about every base.
     */
    private static boolean whenAnnounced(Frame f) {
        return f.act() == Act.DATE && f.kind() == AskedKind.ANNOUNCEMENT;
    }

    /** The last act again, with what the follow-up names in place of what the last question named. */
    private static Frame carried(Frame f, ChatContext state) {
        Act last = state.act();
        boolean toADate = f.date() != null && f.anchors().isEmpty() && f.subjects().isEmpty();
        if (f.relation() != null && f.relation() != Relation.BETWEEN && !toADate) {
            List<String> anchors = !f.anchors().isEmpty() ? f.anchors()
                    : !f.subjects().isEmpty() ? f.subjects() : state.subjects();
            Act act = ABOUT_A_BASE.contains(last) ? last : Act.DATE;
            // the kind the classifier's label implies ("بعدها" reads like a next step) is not what a walk asks
            return f.withAct(act).withKind(state.kind()).withSubjects(List.of()).withAnchors(anchors, f.relation());
        }
        if (!f.subjects().isEmpty() || f.unknownPlace() != null) {
            Frame g = f.withAct(last).withKind(last == Act.LIST || last == Act.COUNT ? state.kind() : f.kind());
            return SPOKEN.contains(last) && f.speaker() == null ? g.withSpeaker(state.speaker()) : g;
        }
        if (f.speaker() != null) {
            Act act = SPOKEN.contains(last) || last == Act.SOURCE ? last : Act.QUOTE;
            return f.withAct(act).withSubjects(state.subjects());
        }
        if (f.date() != null) {
            Act act = last == Act.COUNT || last == Act.LIST ? last : Act.LIST;
            return f.withAct(act).withKind(state.kind());
        }
        if (f.ordinal() != null) {
            return f.withAct(Act.ORDINAL);
        }
        return f.withAct(last).withSubjects(state.subjects());
    }
}
