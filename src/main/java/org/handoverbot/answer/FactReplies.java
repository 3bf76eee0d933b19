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

    private static final ReplyCatalogue SAY = ReplyCatalogue.arabic();

    /** What "no information" is about: the base itself, its equipment, or its handover ({@code fact.no_information}). */
    enum Missing {
        ANY, EQUIPMENT, HANDOVER;

        String slot() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

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
                    SAY.paragraph("fact.parties.unnamed", "base", names.baseLabel(baseId)),
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
            return noInformation(baseId, Missing.ANY);
        }
        List<Reply.Block> blocks = new ArrayList<>();
        province.ifPresent(p -> blocks.add(SAY.paragraph("fact.location", "base", names.baseLabel(baseId), "province", p)));
        if (done.isPresent()) {
            blocks.add(sentences.handover(done.get()).build());
            blocks.add(sentences.sourceLine(done.get().sources()));
            return answer(blocks, baseId, done.get());
        }
        if (events.isEmpty()) {
            blocks.add(SAY.paragraph("fact.location.no_handover"));
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
            return noInformation(baseId, Missing.EQUIPMENT);
        }
        List<Reply.Block> blocks = new ArrayList<>();
        blocks.add(SAY.paragraph("fact.equipment", "base", names.baseLabel(baseId)));
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
                blocks.add(SAY.paragraph("fact.attacks.none_on", "base", names.baseLabel(baseId)));
                told = all;
                if (!all.isEmpty()) {
                    blocks.add(SAY.paragraph("fact.attacks.others"));
                }
            }
        }
        if (told.isEmpty()) {
            blocks.add(SAY.paragraph("fact.attacks.none"));
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
            blocks.add(SAY.paragraph("fact.undated"));
        }
        blocks.add(sentences.sourceLine(e.sources()));
        return new Answer(reply(blocks, e.baseId()), e.baseId(), e.id(), null, e.sources());
    }

    /** Sources of the base's handover (or plan), with the sentence each was read from and its address. */
    Answer source(String baseId) {
        Optional<Event> main = queries.handover(baseId).or(() -> queries.planned(baseId))
                .or(() -> queries.about(baseId).stream().findFirst());
        if (main.isEmpty()) {
            return noInformation(baseId, Missing.ANY);
        }
        List<Reply.Block> blocks = new ArrayList<>();
        blocks.add(SAY.paragraph("fact.sources", "base", names.baseLabel(baseId)));
        blocks.addAll(sourceDetails(main.get().sources()));
        return new Answer(reply(blocks, baseId, false), baseId, main.get().id(), null, main.get().sources());
    }

    /** Each source with its date, the sentence it was read from (verbatim) and its address. */
    List<Reply.Block> sourceDetails(List<Source> sources) {
        List<Reply.Block> blocks = new ArrayList<>();
        for (Source s : sources) {
            boolean dated = s.articleId() != null && s.published() != null;
            boolean linked = s.url() != null && !s.url().isBlank();
            blocks.add(SAY.paragraph("fact.source.detail", "source", SourceLine.of(s),
                    "published", dated ? ArabicDates.format(s.published()) : "none", "url", linked ? s.url().strip() : "none"));
            if (s.evidence() != null && !s.evidence().isBlank()) {
                blocks.add(new Reply.Quotation(QuoteShortener.shorten(s.evidence(), EventSentences.QUOTE_IN_LIST),
                        SAY.format("event.verbatim_from", "outlet", SourceLine.outlet(s.publisher()))));
            }
        }
        return blocks;
    }

    /** "لا تتوفر في مصادري معلومات عن قاعدة بلد." (what narrows it: "عن معدات قاعدة بلد"). */
    Answer noInformation(String baseId, Missing what) {
        Reply reply = new Reply(List.of(SAY.paragraph("fact.no_information", "about", what.slot(), "base", names.baseLabel(baseId)),
                SAY.paragraph("service.unknown_place.offer")),
                List.of(new Reply.Button(SAY.text("fact.button.known_handovers"), ButtonCodes.encode(Intent.TIMELINE, null))));
        return new Answer(reply, baseId, null, null, List.of());
    }

    /** The heart of date/status replies: the done handover, or the plan, or what else is known, or nothing. */
    private Answer handoverReply(String baseId, boolean withFigures, boolean receiverFirst) {
        Optional<Event> done = queries.handover(baseId);
        if (done.isEmpty()) {
            if (queries.about(baseId).isEmpty()) {
                return noInformation(baseId, Missing.HANDOVER);
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
            blocks.add(SAY.paragraph("fact.related"));
            related.forEach(r -> blocks.addAll(sentences.listBlocks(r)));
            EventQueries.sourcesOf(related).stream().filter(s -> !sources.contains(s)).forEach(sources::add);
        }
        queries.linked(e).filter(EventQueries::isPlannedHandover).ifPresent(plan -> {
            blocks.add(SAY.paragraph("fact.announced_before", "sources", SourceLine.of(plan.sources())));
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
        blocks.add(SAY.paragraph("fact.not_handed_over", "base", names.baseLabel(baseId)));
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
        blocks.add(SAY.paragraph("fact.about_it"));
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
                buttons.add(new Reply.Button(SAY.text("dialogue.button.source"), ButtonCodes.encode(Intent.SOURCE, baseId)));
            }
            if (queries.anyQuoteConcerning(baseId)) {
                buttons.add(new Reply.Button(SAY.text("fact.button.what_said"), ButtonCodes.encode(Intent.STATEMENT, baseId)));
            }
        }
        buttons.add(new Reply.Button(SAY.text("dialogue.button.timeline"), ButtonCodes.encode(Intent.TIMELINE, null)));
        return new Reply(blocks, buttons);
    }
}
