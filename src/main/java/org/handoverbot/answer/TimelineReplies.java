package org.handoverbot.answer;

import java.time.LocalDate;
import java.time.Month;
import java.time.Period;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.handoverbot.knowledge.Event;
import org.handoverbot.knowledge.Source;
import org.handoverbot.nlp.DateMention;
import org.handoverbot.nlp.Entities;
import org.handoverbot.nlp.Intent;

/**
 * Replies over all handovers at once: the timeline in order, what happened in a period, how many, which came
 * at a position, and two handovers side by side.
 */
final class TimelineReplies {

    private static final ReplyCatalogue SAY = ReplyCatalogue.arabic();

    private final EventQueries queries;
    private final EventSentences sentences;
    private final FactReplies facts;
    private final Names names;

    TimelineReplies(EventQueries queries, EventSentences sentences, FactReplies facts) {
        this.queries = queries;
        this.sentences = sentences;
        this.facts = facts;
        this.names = sentences.names();
    }

    /** Every handover reported as done, in date order, each with its publishers; then plans not yet done. */
    Answer timeline() {
        List<Event> done = queries.doneHandovers();
        List<Event> open = queries.openPlans();
        if (done.isEmpty() && open.isEmpty()) {
            return Answer.of(Reply.of(SAY.paragraph("timeline.none")));
        }
        List<Reply.Block> blocks = new ArrayList<>();
        blocks.add(SAY.paragraph("timeline.title", "count", ArabicCounts.bases(done.size(), ArabicCounts.Case.NOMINATIVE)));
        for (int i = 0; i < done.size(); i++) {
            blocks.add(timelineLine(i + 1, done.get(i)).build());
        }
        for (Event plan : open) {
            blocks.add(SAY.paragraph("timeline.open_plan", "base", names.baseLabel(plan.baseId()),
                    "publishers", EventQueries.publishers(plan.sources())));
        }
        blocks.add(SAY.paragraph("timeline.footer"));
        List<Event> all = new ArrayList<>(done);
        all.addAll(open);
        return new Answer(new Reply(blocks, List.of()), null, null, null, EventQueries.sourcesOf(all));
    }

    /** What the sources report in a period ("ماذا حدث في نيسان 2020؟"); nothing known is said plainly. */
    Answer period(DateMention period) {
        String when = periodText(period);
        List<Event> events = queries.inPeriod(period);
        if (events.isEmpty()) {
            return Answer.of(new Reply(List.of(SAY.paragraph("timeline.period.none", "when", when)),
                    List.of(new Reply.Button(SAY.text("dialogue.button.timeline"), ButtonCodes.encode(Intent.TIMELINE, null)))));
        }
        List<Reply.Block> blocks = new ArrayList<>();
        blocks.add(SAY.paragraph("timeline.period", "when", when));
        events.forEach(e -> blocks.addAll(sentences.listBlocks(e)));
        List<Source> sources = EventQueries.sourcesOf(events);
        blocks.add(sentences.sourceLine(sources));
        String base = events.stream().map(Event::baseId).distinct().count() == 1 ? events.get(0).baseId() : null;
        return new Answer(new Reply(blocks, List.of()), base, events.size() == 1 ? events.get(0).id() : null, null, sources);
    }

    /** How many handovers the sources report, in a period if one is named. */
    Answer count(DateMention period) {
        List<Event> done = queries.doneHandovers();
        if (period != null) {
            done = done.stream().filter(e -> e.date() != null && EventQueries.matches(e.date(), period)).toList();
        }
        String when = period == null ? "none" : periodText(period);
        if (done.isEmpty()) {
            return Answer.of(Reply.of(SAY.paragraph("timeline.count.none", "when", when)));
        }
        List<Reply.Block> blocks = new ArrayList<>();
        blocks.add(SAY.paragraph("timeline.count", "count", ArabicCounts.bases(done.size(), ArabicCounts.Case.OBLIQUE),
                "when", when, "bases", done.stream().map(e -> SAY.format("timeline.count.item", "base", names.base(e.baseId()),
                        "date", e.date() == null ? "none" : ArabicDates.format(e.date())))
                .collect(Collectors.joining("، "))));
        List<Source> sources = EventQueries.sourcesOf(done);
        blocks.add(SAY.paragraph("timeline.count.sources", "publishers", EventQueries.publishers(sources)));
        return new Answer(new Reply(blocks, List.of(new Reply.Button(SAY.text("timeline.button.detailed"),
                ButtonCodes.encode(Intent.TIMELINE, null)))), null, null, null, sources);
    }

    /** The base at a position: the sources' own count first, else the order of dates (said so). */
    Answer ordinal(int position) {
        List<Event> done = queries.doneHandovers();
        if (done.isEmpty()) {
            return Answer.of(Reply.of(SAY.paragraph("timeline.none")));
        }
        Event chosen;
        String how;
        if (position == Entities.LAST) {
            List<Event> dated = done.stream().filter(e -> e.date() != null).toList();
            chosen = dated.isEmpty() ? done.get(done.size() - 1) : dated.get(dated.size() - 1);
            how = SAY.text("timeline.ordinal.last");
        } else {
            Optional<Event> counted = done.stream().filter(e -> e.ordinal() != null && e.ordinal() == position).findFirst();
            if (counted.isPresent()) {
                chosen = counted.get();
                how = SAY.format("timeline.ordinal.counted", "ordinal", ArabicCounts.ordinal(position));
            } else if (position >= 1 && position <= done.size()) {
                chosen = done.get(position - 1);
                how = SAY.format("timeline.ordinal.dated", "ordinal", ArabicCounts.ordinal(position));
            } else {
                return Answer.of(Reply.of(SAY.paragraph("timeline.ordinal.beyond",
                        "count", ArabicCounts.bases(done.size(), ArabicCounts.Case.OBLIQUE), "ordinal", ArabicCounts.ordinal(position))));
            }
        }
        List<Reply.Block> blocks = new ArrayList<>();
        blocks.add(SAY.paragraph("timeline.ordinal", "how", how, "base", names.baseLabel(chosen.baseId())));
        blocks.add(sentences.handover(chosen).build());
        blocks.add(sentences.sourceLine(chosen.sources()));
        List<Reply.Button> buttons = new ArrayList<>();
        if (ButtonCodes.fits(chosen.baseId())) {
            buttons.add(new Reply.Button(SAY.text("dialogue.button.source"), ButtonCodes.encode(Intent.SOURCE, chosen.baseId())));
        }
        buttons.add(new Reply.Button(SAY.text("dialogue.button.timeline"), ButtonCodes.encode(Intent.TIMELINE, null)));
        return new Answer(new Reply(blocks, buttons), chosen.baseId(), chosen.id(), null, chosen.sources());
    }

    /** Two bases side by side: each handover as stored, then which came first and how far apart. */
    Answer compare(String first, String second) {
        Optional<Event> a = queries.handover(first);
        Optional<Event> b = queries.handover(second);
        List<Reply.Block> blocks = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        for (String base : List.of(first, second)) {
            Optional<Event> e = base.equals(first) ? a : b;
            if (e.isPresent()) {
                blocks.add(sentences.handover(e.get()).build());
                sentences.ordinal(e.get()).ifPresent(p -> blocks.add(p.build()));
                sentences.figures(e.get().figures()).ifPresent(p -> blocks.add(p.build()));
                blocks.add(sentences.sourceLine(e.get().sources()));
                e.get().sources().stream().filter(s -> !sources.contains(s)).forEach(sources::add);
            } else {
                facts.noInformation(base, FactReplies.Missing.HANDOVER).reply().blocks().stream().limit(1).forEach(blocks::add);
                queries.planned(base).ifPresent(plan -> blocks.add(SAY.paragraph("timeline.compare.planned")));
            }
        }
        if (a.isPresent() && b.isPresent() && a.get().date() != null && b.get().date() != null) {
            blocks.add(difference(a.get(), b.get()).build());
        }
        return new Answer(new Reply(blocks, List.of(new Reply.Button(SAY.text("dialogue.button.timeline"),
                ButtonCodes.encode(Intent.TIMELINE, null)))), second, b.or(() -> a).map(Event::id).orElse(null), null, sources);
    }

    /** The handover right after (later) or right before the anchor base's, told with its sources. */
    Answer neighbour(String anchorId, boolean later) {
        String anchor = names.baseLabel(anchorId);
        Optional<Event> own = queries.handover(anchorId);
        if (own.isEmpty() || own.get().date() == null) {
            return new Answer(Reply.of(SAY.paragraph("dialogue.neighbour.undated", "anchor", anchor)), anchorId, null,
                    null, List.of());
        }
        Optional<Event> next = queries.neighbour(anchorId, later);
        String side = later ? "after" : "before";
        if (next.isEmpty()) {
            return new Answer(Reply.of(SAY.paragraph("dialogue.neighbour.none", "side", side, "anchor", anchor)),
                    anchorId, own.get().id(), null, List.of());
        }
        Event e = next.get();
        List<Reply.Block> blocks = new ArrayList<>();
        blocks.add(SAY.paragraph("dialogue.neighbour", "side", side, "anchor", anchor, "base", names.baseLabel(e.baseId())));
        blocks.add(sentences.handover(e).build());
        blocks.add(sentences.sourceLine(e.sources()));
        return new Answer(new Reply(blocks, baseButtons(e.baseId())), e.baseId(), e.id(), null, e.sources());
    }

    /** "هل سُلّمت بسماية قبل التاجي؟": yes or no from the two stored dates, each with its sources. */
    Answer order(String baseId, String anchorId, boolean later) {
        Optional<Event> a = queries.handover(baseId).filter(e -> e.date() != null);
        Optional<Event> b = queries.handover(anchorId).filter(e -> e.date() != null);
        if (a.isEmpty() || b.isEmpty()) {
            String missing = a.isEmpty() ? baseId : anchorId;
            return new Answer(Reply.of(SAY.paragraph("dialogue.order.undated", "base", names.baseLabel(missing))),
                    baseId, null, null, List.of());
        }
        boolean holds = later ? a.get().date().isAfter(b.get().date()) : a.get().date().isBefore(b.get().date());
        List<Reply.Block> blocks = new ArrayList<>();
        blocks.add(SAY.paragraph("dialogue.order", "holds", holds ? "yes" : "no", "base", names.baseLabel(baseId),
                "date", ArabicDates.format(a.get().date()), "anchor", names.baseLabel(anchorId),
                "anchorDate", ArabicDates.format(b.get().date())));
        blocks.add(sentences.sourceLine(a.get().sources()));
        blocks.add(sentences.sourceLine(b.get().sources()));
        List<Source> sources = EventQueries.sourcesOf(List.of(a.get(), b.get()));
        return new Answer(new Reply(blocks, baseButtons(baseId)), baseId, a.get().id(), null, sources);
    }

    /** Handovers from one date to another, both ends included ("بين آذار وآب 2020"); counted, then listed. */
    Answer range(DateMention from, DateMention to) {
        Optional<LocalDate> start = start(from, to);
        Optional<LocalDate> end = end(to);
        if (start.isEmpty() || end.isEmpty()) {
            return from == null ? timeline() : period(from);
        }
        List<Event> within = queries.datedHandovers().stream()
                .filter(e -> !e.date().isBefore(start.get()) && !e.date().isAfter(end.get())).toList();
        String fromText = rangeEnd(from.year() == null ? new DateMention(to.year(), from.month(), from.day()) : from);
        String toText = rangeEnd(to);
        if (within.isEmpty()) {
            return Answer.of(Reply.of(SAY.paragraph("dialogue.range.none", "from", fromText, "to", toText)));
        }
        return listed(SAY.paragraph("dialogue.range", "from", fromText, "to", toText,
                "count", ArabicCounts.bases(within.size(), ArabicCounts.Case.OBLIQUE)), within);
    }

    /** Handovers strictly between two bases' handovers. */
    Answer betweenBases(String first, String second) {
        Optional<Event> a = queries.handover(first).filter(e -> e.date() != null);
        Optional<Event> b = queries.handover(second).filter(e -> e.date() != null);
        if (a.isEmpty() || b.isEmpty()) {
            return new Answer(Reply.of(SAY.paragraph("dialogue.neighbour.undated", "anchor",
                    names.baseLabel(a.isEmpty() ? first : second))), null, null, null, List.of());
        }
        LocalDate low = a.get().date().isBefore(b.get().date()) ? a.get().date() : b.get().date();
        LocalDate high = low == a.get().date() ? b.get().date() : a.get().date();
        List<Event> within = queries.datedHandovers().stream()
                .filter(e -> e.date().isAfter(low) && e.date().isBefore(high)).toList();
        return listed(SAY.paragraph("dialogue.between_bases", "first", names.baseLabel(first), "second",
                names.baseLabel(second), "count", ArabicCounts.bases(within.size(), ArabicCounts.Case.OBLIQUE)), within);
    }

    /** Every handover after (later) or before the anchor base's. */
    Answer beyond(String anchorId, boolean later) {
        Optional<Event> own = queries.handover(anchorId).filter(e -> e.date() != null);
        if (own.isEmpty()) {
            return new Answer(Reply.of(SAY.paragraph("dialogue.neighbour.undated", "anchor", names.baseLabel(anchorId))),
                    anchorId, null, null, List.of());
        }
        LocalDate at = own.get().date();
        List<Event> side = queries.datedHandovers().stream()
                .filter(e -> later ? e.date().isAfter(at) : e.date().isBefore(at)).toList();
        return listed(SAY.paragraph("dialogue.beyond", "side", later ? "after" : "before", "anchor",
                names.baseLabel(anchorId), "count", ArabicCounts.bases(side.size(), ArabicCounts.Case.OBLIQUE)), side);
    }

    /**
     * Every dated handover after (later) or before a named period ("بعد حزيران 2020": from 1 July 2020 on; "قبل
     * نيسان 2020": up to 31 March 2020). A period without a year bounds nothing: the whole timeline is told rather
     * than a guess at the year.
     */
    Answer besideDate(DateMention at, boolean later) {
        Optional<LocalDate> bound = later ? end(at) : start(at, at);
        if (bound.isEmpty()) {
            return timeline();
        }
        List<Event> side = queries.datedHandovers().stream()
                .filter(e -> later ? e.date().isAfter(bound.get()) : e.date().isBefore(bound.get())).toList();
        String sideWord = later ? "after" : "before";
        if (side.isEmpty()) {
            return Answer.of(Reply.of(SAY.paragraph("dialogue.beside_date.none", "side", sideWord, "when", rangeEnd(at))));
        }
        return listed(SAY.paragraph("dialogue.beside_date", "side", sideWord, "when", rangeEnd(at),
                "count", ArabicCounts.bases(side.size(), ArabicCounts.Case.OBLIQUE)), side);
    }

    /** What the sources tell about a base before (or after) its own handover: an attack the day before, etc. */
    Answer around(String baseId, boolean later) {
        Optional<Event> own = queries.handover(baseId).filter(e -> e.date() != null);
        String side = later ? "after" : "before";
        List<Event> told = own.isEmpty() ? List.of() : queries.about(baseId).stream()
                .filter(e -> e.id() != own.get().id() && e.date() != null)
                .filter(e -> later ? e.date().isAfter(own.get().date()) : e.date().isBefore(own.get().date())).toList();
        if (told.isEmpty()) {
            return new Answer(Reply.of(SAY.paragraph("dialogue.around.none", "side", side, "base", names.baseLabel(baseId))),
                    baseId, own.map(Event::id).orElse(null), null, List.of());
        }
        List<Reply.Block> blocks = new ArrayList<>();
        blocks.add(SAY.paragraph("dialogue.around", "side", side, "base", names.baseLabel(baseId)));
        told.forEach(e -> blocks.addAll(sentences.listBlocks(e)));
        List<Source> sources = EventQueries.sourcesOf(told);
        blocks.add(sentences.sourceLine(sources));
        return new Answer(new Reply(blocks, baseButtons(baseId)), baseId, told.get(0).id(), null, sources);
    }

    private Answer listed(Reply.Paragraph head, List<Event> events) {
        List<Reply.Block> blocks = new ArrayList<>();
        blocks.add(head);
        for (int i = 0; i < events.size(); i++) {
            blocks.add(timelineLine(i + 1, events.get(i)).build());
        }
        List<Source> sources = EventQueries.sourcesOf(events);
        return new Answer(new Reply(blocks, baseButtons(null)), events.size() == 1 ? events.get(0).baseId() : null,
                events.size() == 1 ? events.get(0).id() : null, null, sources);
    }

    private List<Reply.Button> baseButtons(String baseId) {
        List<Reply.Button> buttons = new ArrayList<>();
        if (baseId != null && ButtonCodes.fits(baseId)) {
            buttons.add(new Reply.Button(SAY.text("dialogue.button.source"), ButtonCodes.encode(Intent.SOURCE, baseId)));
        }
        buttons.add(new Reply.Button(SAY.text("dialogue.button.timeline"), ButtonCodes.encode(Intent.TIMELINE, null)));
        return buttons;
    }

    private static Optional<LocalDate> start(DateMention from, DateMention to) {
        Integer year = from.year() != null ? from.year() : to.year();
        if (year == null) {
            return Optional.empty();
        }
        int month = from.month() == null ? 1 : from.month();
        return safeDate(year, month, from.day() == null ? 1 : from.day());
    }

    private static Optional<LocalDate> end(DateMention to) {
        if (to.year() == null) {
            return Optional.empty();
        }
        int month = to.month() == null ? 12 : to.month();
        if (to.day() != null) {
            return safeDate(to.year(), month, to.day());
        }
        try {
            return Optional.of(YearMonth.of(to.year(), month).atEndOfMonth());
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> safeDate(int y, int m, int d) {
        try {
            return Optional.of(LocalDate.of(y, m, d));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** "آذار (مارس) 2020", "2020", "19 آذار (مارس) 2020": one end of a range. */
    private static String rangeEnd(DateMention d) {
        if (d.year() != null && d.month() != null && d.day() != null) {
            return safeDate(d.year(), d.month(), d.day()).map(ArabicDates::format).orElse(String.valueOf(d.year()));
        }
        if (d.year() != null && d.month() != null && d.month() >= 1 && d.month() <= 12) {
            return ArabicDates.format(YearMonth.of(d.year(), d.month()));
        }
        if (d.month() != null && d.month() >= 1 && d.month() <= 12) {
            return ArabicDates.month(Month.of(d.month()));
        }
        return d.year() == null ? "" : String.valueOf(d.year());
    }

    private Para difference(Event a, Event b) {
        LocalDate d1 = a.date();
        LocalDate d2 = b.date();
        if (d1.equals(d2)) {
            return Para.spans(SAY.spans("timeline.difference.same_day"));
        }
        Event earlier = d1.isBefore(d2) ? a : b;
        Event later = earlier == a ? b : a;
        long days = ChronoUnit.DAYS.between(earlier.date(), later.date());
        Period span = Period.between(earlier.date(), later.date());
        String spanText = "none";
        if (span.getYears() > 0 || span.getMonths() > 0) {
            List<String> parts = new ArrayList<>();
            if (span.getYears() > 0) {
                parts.add(ArabicCounts.years(span.getYears(), ArabicCounts.Case.NOMINATIVE));
            }
            if (span.getMonths() > 0) {
                parts.add(ArabicCounts.months(span.getMonths(), ArabicCounts.Case.NOMINATIVE));
            }
            if (span.getDays() > 0) {
                parts.add(ArabicCounts.days(span.getDays(), ArabicCounts.Case.NOMINATIVE));
            }
            spanText = SAY.list(parts);
        }
        return Para.spans(SAY.spans("timeline.difference", "earlier", names.baseLabel(earlier.baseId()),
                "later", names.baseLabel(later.baseId()), "days", ArabicCounts.days(days, ArabicCounts.Case.OBLIQUE),
                "span", spanText));
    }

    /** "في نيسان (أبريل) 2020", "يوم الخميس 19 آذار (مارس) 2020", "في عام 2020", "في آذار (مارس)". */
    static String periodText(DateMention period) {
        Integer y = period.year();
        Integer m = period.month();
        Integer d = period.day();
        if (y != null && m != null && d != null) {
            try {
                return SAY.format("timeline.when.day", "date", ArabicDates.format(LocalDate.of(y, m, d)));
            } catch (java.time.DateTimeException e) {
                return SAY.format("timeline.when.in", "period", d + "/" + m + "/" + y);
            }
        }
        if (m != null && (m < 1 || m > 12)) {
            return y == null ? SAY.text("timeline.when.unknown") : SAY.format("timeline.when.year", "year", String.valueOf(y));
        }
        if (y != null && m != null) {
            return SAY.format("timeline.when.in", "period", ArabicDates.format(YearMonth.of(y, m)));
        }
        if (m != null) {
            return SAY.format("timeline.when.in", "period", (d == null ? "" : d + " ") + ArabicDates.month(Month.of(m)));
        }
        if (y != null) {
            return SAY.format("timeline.when.year", "year", String.valueOf(y));
        }
        return SAY.text("timeline.when.unknown");
    }

    private Para timelineLine(int n, Event e) {
        return Para.spans(SAY.spans("timeline.line", "n", String.valueOf(n), "base", names.baseLabel(e.baseId()),
                "province", names.province(e.baseId()).orElse("none"),
                "date", e.date() == null ? "none" : ArabicDates.format(e.date()),
                "from", names.name(e.fromParty()).orElse("none"), "to", names.name(e.toParty()).orElse("none"),
                "publishers", EventQueries.publishers(e.sources())));
    }
}
