package org.handoverbot.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.handoverbot.knowledge.Event;
import org.handoverbot.knowledge.Figure;
import org.handoverbot.knowledge.Quote;
import org.handoverbot.knowledge.Source;
import org.handoverbot.nlp.Intent;

/**
 * Replies about one base's handover: when, between whom, how complete, where, what equipment, which attacks,
 * from which sources. A base without records gets "no information" for that very base, never another's facts;
 * a planned handover is told as announced, never as done.
 */
final class FactReplies {

    private final EventQueries queries;
    private final EventSentences sentences;
    private final Names names;

    FactReplies(EventQueries queries, EventSentences sentences) {
        this.queries = queries;
        this.sentences = sentences;
        this.names = sentences.names();
    }

    Answer eventDate(String baseId) {
        return handoverReply(baseId, false, false);
    }

    Answer parties(String baseId) {
        Optional<Event> done = queries.handover(baseId);
        if (done.isPresent() && done.get().fromParty() == null && done.get().toParty() == null) {
            List<Reply.Block> blocks = new ArrayList<>(List.of(
                    Para.text("تذكر مصادري تسليم ").bold(names.baseLabel(baseId))
                            .add(" لكنها لا تسمّي الطرفين اللذين سلّما وتسلّما.").build(),
                    sentences.sourceLine(done.get().sources())));
            return answer(blocks, baseId, done.get());
        }
        return handoverReply(baseId, false, true);
    }

    Answer status(String baseId) {
        return handoverReply(baseId, true, false);
    }

    Answer location(String baseId) {
        Optional<String> province = names.province(baseId);
        Optional<Event> done = queries.handover(baseId);
        List<Event> events = queries.about(baseId);
        if (province.isEmpty() && events.isEmpty()) {
            return noInformation(baseId, "");
        }
        List<Reply.Block> blocks = new ArrayList<>();
        province.ifPresent(p -> blocks.add(Para.text("تقع ").bold(names.baseLabel(baseId)).add(" في ").bold(p).add(".").build()));
        if (done.isPresent()) {
            blocks.add(sentences.handover(done.get()).build());
            blocks.add(sentences.sourceLine(done.get().sources()));
            return answer(blocks, baseId, done.get());
        }
        if (events.isEmpty()) {
            blocks.add(Para.text("ولا تتوفر في مصادري معلومات عن تسليمها.").build());
            return new Answer(reply(blocks, baseId), baseId, null, null, List.of());
        }
        return withPlanOrOther(blocks, baseId);
    }

    Answer equipment(String baseId) {
        List<Event> events = queries.about(baseId);
        List<Figure> figures = new ArrayList<>();
        List<Event> withFigures = new ArrayList<>();
        for (Event e : events) {
            List<Figure> equipment = e.figures().stream().filter(FigureWords::isEquipment).toList();
            if (!equipment.isEmpty()) {
                figures.addAll(equipment);
                withFigures.add(e);
            }
        }
        List<Quote> quotes = queries.withTopic(queries.quotesConcerning(baseId), "equipment");
        if (figures.isEmpty() && quotes.isEmpty()) {
            return noInformation(baseId, "عن معدات");
        }
        List<Reply.Block> blocks = new ArrayList<>();
        blocks.add(Para.text("عن المعدات في ").bold(names.baseLabel(baseId)).add(":").build());
        figures.forEach(f -> blocks.add(Para.text(FigureWords.phrase(f) + ".").build()));
        quotes.forEach(q -> blocks.add(sentences.quotation(q, EventSentences.QUOTE_ALONE)));
        List<Source> sources = new ArrayList<>(EventQueries.sourcesOf(withFigures));
        EventQueries.sourcesOfQuotes(quotes).stream().filter(s -> !sources.contains(s)).forEach(sources::add);
        blocks.add(sentences.sourceLine(sources));
        Long eventId = withFigures.isEmpty() ? queries.handover(baseId).map(Event::id).orElse(null) : withFigures.get(0).id();
        return new Answer(reply(blocks, baseId), baseId, eventId,
                quotes.isEmpty() ? null : quotes.get(0).speakerId(), sources);
    }

    /** Attacks on the base if the sources name any; otherwise says so, then tells what attacks they do report. */
    Answer attacks(String baseId) {
        List<Event> all = queries.attacks();
        List<Reply.Block> blocks = new ArrayList<>();
        List<Event> told;
        if (baseId == null) {
            told = all;
        } else {
            told = all.stream().filter(e -> baseId.equals(e.baseId())).toList();
            if (told.isEmpty()) {
                blocks.add(Para.text("لا تذكر مصادري هجوماً على ").bold(names.baseLabel(baseId)).add(".").build());
                told = all;
                if (!all.isEmpty()) {
                    blocks.add(Para.text("أما الهجمات التي تذكرها مصادري فهي:").build());
                }
            }
        }
        if (told.isEmpty()) {
            blocks.add(Para.text("لا تذكر مصادري أي هجوم.").build());
            return new Answer(reply(blocks, baseId), baseId, null, null, List.of());
        }
        for (Event e : told) {
            Para p = new Para();
            if (e.date() != null) {
                p.bold(ArabicDates.format(e.date())).add(": ");
            }
            p.add(sentences.description(e) + ".");
            blocks.add(p.build());
            sentences.verbatim(e).ifPresent(blocks::add);
            sentences.figures(e.figures()).ifPresent(f -> blocks.add(f.build()));
            blocks.add(sentences.sourceLine(e.sources()));
        }
        List<Source> sources = EventQueries.sourcesOf(told);
        return new Answer(reply(blocks, baseId), baseId, told.get(0).id(), null, sources);
    }

    /** One event of the conversation that names no base (an attack on an unnamed base): what, when, whence. */
    Answer event(Event e) {
        List<Reply.Block> blocks = new ArrayList<>(sentences.listBlocks(e));
        if (e.date() == null) {
            blocks.add(Para.text("ولا تذكر مصادري تاريخ ذلك.").build());
        }
        blocks.add(sentences.sourceLine(e.sources()));
        return new Answer(reply(blocks, e.baseId()), e.baseId(), e.id(), null, e.sources());
    }

    /** Sources of the base's handover (or plan), with the sentence each was read from and its address. */
    Answer source(String baseId) {
        Optional<Event> main = queries.handover(baseId).or(() -> queries.planned(baseId))
                .or(() -> queries.about(baseId).stream().findFirst());
        if (main.isEmpty()) {
            return noInformation(baseId, "");
        }
        List<Reply.Block> blocks = new ArrayList<>();
        blocks.add(Para.text("مصادر خبر ").bold(names.baseLabel(baseId)).add(":").build());
        blocks.addAll(sourceDetails(main.get().sources()));
        return new Answer(reply(blocks, baseId, false), baseId, main.get().id(), null, main.get().sources());
    }

    /** Each source with its date, the sentence it was read from (verbatim) and its address. */
    List<Reply.Block> sourceDetails(List<Source> sources) {
        List<Reply.Block> blocks = new ArrayList<>();
        for (Source s : sources) {
            Para p = Para.text("• " + SourceLine.of(s));
            if (s.articleId() != null && s.published() != null) {
                p.add("، في خبر منشور يوم " + ArabicDates.format(s.published()));
            }
            p.add(".");
            if (s.url() != null && !s.url().isBlank()) {
                p.add("\nالرابط: " + s.url().strip());
            }
            blocks.add(p.build());
            if (s.evidence() != null && !s.evidence().isBlank()) {
                blocks.add(new Reply.Quotation(QuoteShortener.shorten(s.evidence(), EventSentences.QUOTE_IN_LIST),
                        "من نص " + SourceLine.outlet(s.publisher())));
            }
        }
        return blocks;
    }

    /** "لا تتوفر في مصادري معلومات عن قاعدة بلد." (about: "عن معدات" narrows what is missing). */
    Answer noInformation(String baseId, String about) {
        String what = about.isEmpty() ? "عن " : about + " ";
        Reply reply = new Reply(List.of(Para.text("لا تتوفر في مصادري معلومات " + what).bold(names.baseLabel(baseId))
                .add(".").build(), Para.text("أستطيع أن أعرض لك عمليات التسليم التي تسجّلها مصادري.").build()),
                List.of(new Reply.Button("عمليات التسليم المعروفة", ButtonCodes.encode(Intent.TIMELINE, null))));
        return new Answer(reply, baseId, null, null, List.of());
    }

    /** The heart of date/status replies: the done handover, or the plan, or what else is known, or nothing. */
    private Answer handoverReply(String baseId, boolean withFigures, boolean receiverFirst) {
        Optional<Event> done = queries.handover(baseId);
        if (done.isEmpty()) {
            if (queries.about(baseId).isEmpty()) {
                return noInformation(baseId, "عن تسليم");
            }
            return withPlanOrOther(new ArrayList<>(), baseId);
        }
        Event e = done.get();
        List<Reply.Block> blocks = new ArrayList<>();
        blocks.add((receiverFirst ? sentences.parties(e).orElseGet(() -> sentences.handover(e)) : sentences.handover(e)).build());
        sentences.ordinal(e).ifPresent(p -> blocks.add(p.build()));
        if (withFigures) {
            sentences.ownSummary(e).ifPresent(summary -> blocks.add(Para.text(summary).build()));
            sentences.figures(e.figures().stream().filter(f -> !FigureWords.isEquipment(f)).toList())
                    .ifPresent(p -> blocks.add(p.build()));
        }
        List<Source> sources = new ArrayList<>(e.sources());
        List<Event> related = related(e, withFigures);
        if (!related.isEmpty()) {
            blocks.add(Para.text("وذات صلة:").build());
            related.forEach(r -> blocks.addAll(sentences.listBlocks(r)));
            EventQueries.sourcesOf(related).stream().filter(s -> !sources.contains(s)).forEach(sources::add);
        }
        queries.linked(e).filter(EventQueries::isPlannedHandover).ifPresent(plan -> {
            blocks.add(Para.text("وكان تسليمها قد أُعلن قبل ذلك خطوةً تالية، " + SourceLine.of(plan.sources())).build());
            plan.sources().stream().filter(s -> !sources.contains(s)).forEach(sources::add);
        });
        blocks.add(sentences.sourceLine(e.sources()));
        return new Answer(reply(blocks, baseId), baseId, e.id(), null, sources);
    }

    /**
     * Other events about the same base around its handover: for a status reply every one; for a date reply
     * only those within three days told in the store's own words (an attack the day before, a control
     * announcement the day after).
     */
    private List<Event> related(Event handover, boolean all) {
        return queries.about(handover.baseId()).stream()
                .filter(r -> r.id() != handover.id() && r.kind() != org.handoverbot.knowledge.EventKind.HANDOVER)
                .filter(r -> all || (r.date() != null && handover.date() != null
                        && Math.abs(r.date().toEpochDay() - handover.date().toEpochDay()) <= 3
                        && sentences.ownSummary(r).isPresent()))
                .toList();
    }

    /** No done handover: tell the plan as a plan, or the other events about the base. */
    private Answer withPlanOrOther(List<Reply.Block> blocks, String baseId) {
        blocks.add(Para.text("لا تذكر مصادري أن ").bold(names.baseLabel(baseId)).add(" سُلّمت حتى الآن.").build());
        Optional<Event> plan = queries.planned(baseId);
        if (plan.isPresent()) {
            List<Quote> naming = quotesNaming(baseId);
            blocks.add(sentences.plan(plan.get(), sentences.speakerOf(plan.get(), naming)).build());
            naming.stream().filter(q -> q.topics().contains("next_step")).findFirst()
                    .or(() -> naming.stream().findFirst())
                    .ifPresent(q -> blocks.add(sentences.quotation(q, EventSentences.QUOTE_ALONE)));
            blocks.add(sentences.sourceLine(plan.get().sources()));
            return new Answer(reply(blocks, baseId), baseId, plan.get().id(), null, plan.get().sources());
        }
        List<Event> others = queries.about(baseId);
        blocks.add(Para.text("ما تذكره مصادري عنها:").build());
        others.forEach(e -> blocks.addAll(sentences.listBlocks(e)));
        List<Source> sources = EventQueries.sourcesOf(others);
        blocks.add(sentences.sourceLine(sources));
        return new Answer(reply(blocks, baseId), baseId, others.get(0).id(), null, sources);
    }

    private List<Quote> quotesNaming(String baseId) {
        return queries.quotesConcerning(baseId).stream().filter(q -> queries.basesNamed(q.text()).contains(baseId)).toList();
    }

    private Answer answer(List<Reply.Block> blocks, String baseId, Event e) {
        return new Answer(reply(blocks, baseId), baseId, e.id(), null, e.sources());
    }

    private Reply reply(List<Reply.Block> blocks, String baseId) {
        return reply(blocks, baseId, true);
    }

    /** Buttons for the natural next questions about the base: its sources, what was said, the whole timeline. */
    private Reply reply(List<Reply.Block> blocks, String baseId, boolean offerSource) {
        List<Reply.Button> buttons = new ArrayList<>();
        if (baseId != null && ButtonCodes.fits(baseId)) {
            if (offerSource) {
                buttons.add(new Reply.Button("المصدر والرابط", ButtonCodes.encode(Intent.SOURCE, baseId)));
            }
            if (!queries.quotesConcerning(baseId).isEmpty()) {
                buttons.add(new Reply.Button("ماذا قالوا؟", ButtonCodes.encode(Intent.STATEMENT, baseId)));
            }
        }
        buttons.add(new Reply.Button("كل عمليات التسليم", ButtonCodes.encode(Intent.TIMELINE, null)));
        return new Reply(blocks, buttons);
    }
}
