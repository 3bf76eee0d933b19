package org.handoverbot.answer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.handoverbot.knowledge.Event;
import org.handoverbot.knowledge.Source;
import org.handoverbot.nlp.Act;
import org.handoverbot.nlp.AskedKind;
import org.handoverbot.nlp.EntityKind;
import org.handoverbot.nlp.Frame;
import org.handoverbot.nlp.Gazetteer;
import org.handoverbot.nlp.GazetteerEntry;
import org.handoverbot.nlp.Relation;

/**
 * One composer per act, in one dispatch table: each turns a resolved frame into a query over the knowledge (through
 * the composers of one model) and a reply. Names the gazetteer does not know are answered first, honestly, as the
 * user wrote them; a base taken from the conversation is said so.
 */
final class FrameAnswers {

    /** At most this many bases are answered from one question. */
    static final int MAX_BASES = 3;

    private static final ReplyCatalogue SAY = ReplyCatalogue.arabic();

    /** What one composer is given: the frame to answer, the chat, and its state before this message. */
    record Ask(Frame frame, long chatId, ChatContext state) {
    }

    @FunctionalInterface
    interface Composer {
        Answer compose(Composers c, Ask ask);
    }

    private final Map<Act, Composer> table = new EnumMap<>(Act.class);
    private final Names names;
    private final Gazetteer gazetteer;

    FrameAnswers(Names names) {
        this.names = names;
        this.gazetteer = names.gazetteer();
        table.put(Act.DATE, this::date);
        table.put(Act.PARTIES, this::aboutABase);
        table.put(Act.PLACE, this::aboutABase);
        table.put(Act.STATUS, this::aboutABase);
        table.put(Act.FIGURE, this::aboutABase);
        table.put(Act.SOURCE, this::source);
        table.put(Act.QUOTE, this::quote);
        table.put(Act.REASON, (c, a) -> a.frame().subject() == null ? c.quotes().reason(null, a.frame().speaker())
                : c.quotes().reason(a.frame().subject(), a.frame().speaker()));
        table.put(Act.NEXT_STEP, this::nextStep);
        table.put(Act.COUNT, this::count);
        table.put(Act.LIST, this::list);
        table.put(Act.ORDINAL, this::ordinal);
        table.put(Act.COMPARE, this::compare);
        table.put(Act.SUBSCRIBE, (c, a) -> c.service().subscribe(a.chatId(), a.frame().subject()));
        table.put(Act.UNSUBSCRIBE, (c, a) -> c.service().unsubscribe(a.chatId()));
        table.put(Act.GREETING, (c, a) -> c.service().greeting());
        table.put(Act.HELP, (c, a) -> c.service().help());
        table.put(Act.THANKS, (c, a) -> Answer.of(Reply.of(SAY.paragraph("dialogue.thanks"))));
        table.put(Act.OUT_OF_SCOPE, (c, a) -> c.service().outOfScope());
    }

    /** The reply to a resolved frame; fromContext when its base came from the conversation. */
    Answer answer(Composers c, Ask ask, boolean fromContext) {
        Frame f = known(ask.frame());
        if (f.unknownPlace() != null && f.subjects().isEmpty() && f.anchors().isEmpty()) {
            return c.service().unknownPlace(f.unknownPlace());
        }
        if (f.unknownSpeaker() != null && f.speaker() == null && (f.act() == Act.QUOTE || f.act() == Act.REASON)) {
            return c.quotes().unknownSpeaker(f.unknownSpeaker(), f.subject());
        }
        Answer answer = table.get(f.act()).compose(c, new Ask(f, ask.chatId(), ask.state()));
        return fromContext && f.subject() != null ? fromContext(answer, f.subject()) : answer;
    }

    /** Only bases the gazetteer knows as bases are subjects or anchors; a person or organisation id speaks. */
    private Frame known(Frame f) {
        List<String> subjects = new ArrayList<>();
        String speaker = f.speaker();
        for (String id : f.subjects()) {
            Optional<GazetteerEntry> e = gazetteer.byId(id);
            if (e.map(x -> x.kind() == EntityKind.BASE).orElse(false)) {
                if (!subjects.contains(id) && subjects.size() < MAX_BASES) {
                    subjects.add(id);
                }
            } else if (speaker == null && e.isPresent()) {
                speaker = id;
            }
        }
        if (subjects.equals(f.subjects()) && java.util.Objects.equals(speaker, f.speaker())) {
            return f; // all known already: the same frame, not two equal copies
        }
        return f.withSubjects(subjects).withSpeaker(speaker);
    }

    private Answer date(Composers c, Ask a) {
        Frame f = a.frame();
        if (f.kind() == AskedKind.ANNOUNCEMENT) {
            return c.quotes().announcements(f.speaker(), f.subject() != null ? f.subject() : f.anchor());
        }
        if (f.kind() == AskedKind.ATTACK) {
            return c.facts().attacks(f.subject());
        }
        if (f.kind() == AskedKind.PLANNED) {
            return f.subject() != null ? c.quotes().stepsOf(f.subject()) : c.quotes().nextStep(f.anchor());
        }
        Optional<Answer> related = related(c, f);
        if (related.isPresent()) {
            return related.get();
        }
        if (!f.subjects().isEmpty()) {
            return aboutBases(c, Act.DATE, f.subjects());
        }
        return byPeriodOrAsk(c, a);
    }

    /** An anchor and a relation: the base that came next to it, yes/no about two bases, or the handovers between. */
    private Optional<Answer> related(Composers c, Frame f) {
        if (f.anchors().isEmpty() || f.relation() == null) {
            return Optional.empty();
        }
        if (f.relation() == Relation.BETWEEN) {
            return Optional.of(f.anchors().size() >= 2 ? c.timeline().betweenBases(f.anchors().get(0), f.anchors().get(1))
                    : c.timeline().neighbour(f.anchor(), true));
        }
        if (!f.subjects().isEmpty()) {
            return Optional.of(c.timeline().order(f.subject(), f.anchor(), f.relation().later()));
        }
        return Optional.of(c.timeline().neighbour(f.anchor(), f.relation().later()));
    }

    /** Acts about one base (parties, place, status, figures); a relation picks the base next to the anchor. */
    private Answer aboutABase(Composers c, Ask a) {
        Frame f = a.frame();
        if (!f.anchors().isEmpty() && f.relation() != null && f.relation() != Relation.BETWEEN && f.subjects().isEmpty()) {
            if (f.act() == Act.STATUS) {
                return c.timeline().around(f.anchor(), f.relation().later());
            }
            Optional<Event> next = c.queries().neighbour(f.anchor(), f.relation().later());
            if (next.isEmpty()) {
                return c.timeline().neighbour(f.anchor(), f.relation().later());
            }
            Answer told = forBase(c, f.act(), next.get().baseId());
            List<Reply.Block> blocks = new ArrayList<>();
            blocks.add(SAY.paragraph("dialogue.neighbour", "side", f.relation().later() ? "after" : "before", "anchor",
                    names.baseLabel(f.anchor()), "base", names.baseLabel(next.get().baseId())));
            blocks.addAll(told.reply().blocks());
            return new Answer(new Reply(blocks, told.reply().buttons()), told.baseId(), told.eventId(), told.personId(),
                    told.sources());
        }
        if (f.kind() == AskedKind.ATTACK) {
            return c.facts().attacks(f.subject());
        }
        if (!f.subjects().isEmpty()) {
            return aboutBases(c, f.act(), f.subjects());
        }
        return byPeriodOrAsk(c, a);
    }

    private Answer source(Composers c, Ask a) {
        Frame f = a.frame();
        if (!f.subjects().isEmpty()) {
            return aboutBases(c, Act.SOURCE, f.subjects());
        }
        if (!a.state().sourceIds().isEmpty()) {
            return sources(c, c.queries().sourcesWithIds(a.state().sourceIds()), a.state().baseId());
        }
        return c.service().sourcesOverview(EventQueries.sourcesOf(c.queries().events()));
    }

    /** What was said: by a person, by an organisation, on a topic, about a base; announcements when asked. */
    private Answer quote(Composers c, Ask a) {
        Frame f = a.frame();
        String speaker = f.speaker();
        boolean person = speaker != null && gazetteer.byId(speaker).map(e -> e.kind() == EntityKind.PERSON).orElse(false);
        if (f.kind() == AskedKind.ANNOUNCEMENT && !person) {
            Answer announced = c.quotes().announcements(speaker, f.subject());
            if (!announced.sources().isEmpty()) {
                return announced;
            }
        }
        if (person) {
            return c.quotes().saidBy(speaker, f.subject(), 0);
        }
        if (speaker != null) {
            Answer cited = c.quotes().citedFrom(speaker, f.subject(), 0);
            if (cited.sources().isEmpty()) {
                Answer announced = c.quotes().announcements(speaker, f.subject());
                return announced.sources().isEmpty() ? cited : announced;
            }
            return cited;
        }
        if (f.topic() != null && f.subjects().isEmpty() && !"talks".equals(f.topic())) {
            return c.quotes().onTopic(f.topic());
        }
        if (!f.subjects().isEmpty()) {
            return c.quotes().saidAbout(f.subject(), 0);
        }
        String last = a.state().speaker();
        if (last != null && gazetteer.byId(last).map(e -> e.kind() == EntityKind.PERSON).orElse(false)) {
            return c.quotes().saidBy(last, null, 0);
        }
        return c.quotes().saidAbout(null, 0);
    }

    private Answer nextStep(Composers c, Ask a) {
        Frame f = a.frame();
        if (f.subject() != null) {
            return c.quotes().stepsOf(f.subject());
        }
        if (f.anchor() != null) {
            Answer planned = c.quotes().nextStep(f.anchor());
            // no step announced after it: the base that did come next
            return planned.eventId() != null ? planned : c.timeline().neighbour(f.anchor(), true);
        }
        return c.quotes().nextStep(null);
    }

    private Answer count(Composers c, Ask a) {
        Frame f = a.frame();
        Optional<Answer> attacksOrSpan = attacksOrSpan(c, f);
        if (attacksOrSpan.isPresent()) {
            return attacksOrSpan.get();
        }
        if (f.anchor() != null && f.relation() != null) {
            return c.timeline().beyond(f.anchor(), f.relation().later());
        }
        Optional<Answer> beside = besideDate(c, f);
        if (beside.isPresent()) {
            return beside.get();
        }
        return c.timeline().count(f.date());
    }

    /**
     * What counting and listing answer alike: attacks when attacks are asked for, else the handovers of a span
     * named by two dates or by two bases; empty for anything else.
     */
    private static Optional<Answer> attacksOrSpan(Composers c, Frame f) {
        if (f.kind() == AskedKind.ATTACK) {
            return Optional.of(c.facts().attacks(f.subject()));
        }
        if (f.date() != null && f.dateTo() != null) {
            return Optional.of(c.timeline().range(f.date(), f.dateTo()));
        }
        if (f.relation() == Relation.BETWEEN && f.anchors().size() >= 2) {
            return Optional.of(c.timeline().betweenBases(f.anchors().get(0), f.anchors().get(1)));
        }
        return Optional.empty();
    }

    private Answer list(Composers c, Ask a) {
        Frame f = a.frame();
        if (f.kind() == AskedKind.ANNOUNCEMENT) {
            return c.quotes().announcements(f.speaker(), f.subject());
        }
        Optional<Answer> attacksOrSpan = attacksOrSpan(c, f);
        if (attacksOrSpan.isPresent()) {
            return attacksOrSpan.get();
        }
        if (f.anchor() != null && f.relation() != null) {
            return c.timeline().around(f.anchor(), f.relation().later());
        }
        Optional<Answer> beside = besideDate(c, f);
        if (beside.isPresent()) {
            return beside.get();
        }
        if (f.date() != null) {
            return c.timeline().period(f.date());
        }
        if (!f.subjects().isEmpty()) {
            return aboutBases(c, Act.STATUS, f.subjects());
        }
        return c.timeline().timeline();
    }

    private Answer ordinal(Composers c, Ask a) {
        Frame f = a.frame();
        if (f.ordinal() != null) {
            return c.timeline().ordinal(f.ordinal());
        }
        return f.subjects().isEmpty() ? c.timeline().timeline() : aboutBases(c, Act.DATE, f.subjects());
    }

    private Answer compare(Composers c, Ask a) {
        Frame f = a.frame();
        Optional<Answer> related = related(c, f);
        if (related.isPresent()) {
            return related.get();
        }
        List<String> pair = new ArrayList<>(f.subjects());
        String last = a.state().baseId();
        if (pair.size() == 1 && last != null && !last.equals(pair.get(0))) {
            pair.add(0, last);
        }
        if (pair.size() >= 2) {
            return c.timeline().compare(pair.get(0), pair.get(1));
        }
        return pair.isEmpty() ? c.service().whichBase(org.handoverbot.nlp.Intent.COMPARE).awaiting(Act.DATE)
                : forBase(c, Act.DATE, pair.get(0));
    }

    /** No base named: a date lists that period, a remembered unnamed event is told again, else "which base?". */
    private Answer byPeriodOrAsk(Composers c, Ask a) {
        Frame f = a.frame();
        Optional<Answer> beside = besideDate(c, f);
        if (beside.isPresent()) {
            return beside.get();
        }
        if (f.date() != null) {
            return f.dateTo() != null ? c.timeline().range(f.date(), f.dateTo()) : c.timeline().period(f.date());
        }
        if (f.ordinal() != null) {
            return c.timeline().ordinal(f.ordinal());
        }
        Long event = a.state().eventId();
        if (event != null && a.state().baseId() == null) {
            Optional<Answer> told = c.queries().event(event).map(c.facts()::event);
            if (told.isPresent()) {
                return told.get();
            }
        }
        return c.service().whichBase(intentOf(f.act())).awaiting(f.act());
    }

    /**
     * "بعد حزيران 2020", "قبل نيسان 2020": a date with a relation and no base to measure against is one side of
     * that period, never the period itself (answering "in June" to "after June" tells the wrong handovers).
     */
    private static Optional<Answer> besideDate(Composers c, Frame f) {
        if (f.date() == null || f.dateTo() != null || !f.anchors().isEmpty()
                || (f.relation() != Relation.AFTER && f.relation() != Relation.BEFORE)) {
            return Optional.empty();
        }
        return Optional.of(c.timeline().besideDate(f.date(), f.relation().later()));
    }

    private Answer aboutBases(Composers c, Act act, List<String> bases) {
        if (bases.size() == 1) {
            return forBase(c, act, bases.get(0));
        }
        List<Reply.Block> blocks = new ArrayList<>();
        List<Reply.Button> buttons = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        Answer last = null;
        for (String base : bases) {
            last = forBase(c, act, base);
            blocks.addAll(last.reply().blocks());
            last.reply().buttons().stream().filter(b -> !buttons.contains(b)).forEach(buttons::add);
            last.sources().stream().filter(s -> !sources.contains(s)).forEach(sources::add);
        }
        return new Answer(new Reply(blocks, buttons.stream().limit(6).toList()), last.baseId(), last.eventId(),
                last.personId(), sources);
    }

    /** The one table from an act about one base to the composer that tells it. */
    Answer forBase(Composers c, Act act, String base) {
        return switch (act) {
            case PARTIES -> c.facts().parties(base);
            case STATUS, LIST -> c.facts().status(base);
            case PLACE -> c.facts().location(base);
            case FIGURE -> c.facts().equipment(base);
            case SOURCE -> c.facts().source(base);
            case QUOTE -> c.quotes().saidAbout(base, 0);
            case REASON -> c.quotes().reason(base);
            case NEXT_STEP -> c.quotes().nextStep(base);
            default -> c.facts().eventDate(base);
        };
    }

    /** The sources of the last answer, each with the sentence it was read from and its address. */
    Answer sources(Composers c, List<Source> sources, String baseId) {
        if (sources.isEmpty()) {
            return c.service().noLastAnswer();
        }
        List<Reply.Block> blocks = new ArrayList<>();
        blocks.add(SAY.paragraph("dialogue.sources"));
        blocks.addAll(c.facts().sourceDetails(sources));
        return new Answer(new Reply(blocks, List.of()), baseId, null, null, sources);
    }

    /**
     * A reply about the conversation's base says which base it took, so a follow-up that meant a place the bot
     * does not know is never silently answered with another base's facts.
     */
    private Answer fromContext(Answer answer, String baseId) {
        List<Reply.Block> blocks = new ArrayList<>();
        blocks.add(SAY.paragraph("dialogue.from_context", "base", names.baseLabel(baseId)));
        blocks.addAll(answer.reply().blocks());
        return new Answer(new Reply(blocks, answer.reply().buttons()), answer.baseId(), answer.eventId(),
                answer.personId(), answer.sources(), answer.awaiting());
    }

    /** The intent whose "which base?" buttons ask the same act (ServiceReplies names buttons by intent). */
    private static org.handoverbot.nlp.Intent intentOf(Act act) {
        return switch (act) {
            case PARTIES -> org.handoverbot.nlp.Intent.PARTIES;
            case STATUS -> org.handoverbot.nlp.Intent.STATUS;
            case PLACE -> org.handoverbot.nlp.Intent.LOCATION;
            case FIGURE -> org.handoverbot.nlp.Intent.EQUIPMENT;
            case SOURCE -> org.handoverbot.nlp.Intent.SOURCE;
            case QUOTE -> org.handoverbot.nlp.Intent.STATEMENT;
            case REASON -> org.handoverbot.nlp.Intent.REASON;
            case NEXT_STEP -> org.handoverbot.nlp.Intent.NEXT_STEP;
            default -> org.handoverbot.nlp.Intent.EVENT_DATE;
        };
    }
}
