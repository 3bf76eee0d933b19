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
            return Answer.of(Reply.of(Para.text("لا تسجّل مصادري أي عملية تسليم بعد.").build()));
        }
        List<Reply.Block> blocks = new ArrayList<>();
        blocks.add(Para.text("عمليات تسليم القواعد التي تسجّلها مصادري (" + ArabicCounts.bases(done.size(), ArabicCounts.Case.NOMINATIVE)
                + ")، بترتيب التاريخ:").build());
        for (int i = 0; i < done.size(); i++) {
            blocks.add(timelineLine(i + 1, done.get(i)).build());
        }
        for (Event plan : open) {
            blocks.add(Para.text("أُعلن ولم تذكر مصادري تنفيذه بعد: ").bold("تسليم " + names.baseLabel(plan.baseId()))
                    .add(". (" + EventQueries.publishers(plan.sources()) + ")").build());
        }
        blocks.add(Para.text("بين القوسين ناشر كل خبر؛ اسألني عن أي قاعدة لتعرف المصدر والرابط والتفاصيل.").build());
        List<Event> all = new ArrayList<>(done);
        all.addAll(open);
        return new Answer(new Reply(blocks, List.of()), null, null, null, EventQueries.sourcesOf(all));
    }

    /** What the sources report in a period ("ماذا حدث في نيسان 2020؟"); nothing known is said plainly. */
    Answer period(DateMention period) {
        String when = periodText(period);
        List<Event> events = queries.inPeriod(period);
        if (events.isEmpty()) {
            return Answer.of(new Reply(List.of(Para.text("لا تذكر مصادري أحداثاً " + when + ".").build()),
                    List.of(new Reply.Button("كل عمليات التسليم", ButtonCodes.encode(Intent.TIMELINE, null)))));
        }
        List<Reply.Block> blocks = new ArrayList<>();
        blocks.add(Para.text("ما تذكره مصادري " + when + ":").build());
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
        String when = period == null ? "" : " " + periodText(period);
        if (done.isEmpty()) {
            return Answer.of(Reply.of(Para.text("لا تسجّل مصادري تسليم أي قاعدة" + when + ".").build()));
        }
        List<Reply.Block> blocks = new ArrayList<>();
        blocks.add(Para.text("تسجّل مصادري تسليم ").bold(ArabicCounts.bases(done.size(), ArabicCounts.Case.OBLIQUE)).add(when + ": "
                + done.stream().map(e -> names.base(e.baseId()) + (e.date() == null ? "" : " (" + ArabicDates.format(e.date()) + ")"))
                .collect(Collectors.joining("، ")) + ".").build());
        List<Source> sources = EventQueries.sourcesOf(done);
        blocks.add(Para.text("المصادر: " + EventQueries.publishers(sources) + ".").build());
        return new Answer(new Reply(blocks, List.of(new Reply.Button("الجدول الزمني بالتفصيل",
                ButtonCodes.encode(Intent.TIMELINE, null)))), null, null, null, sources);
    }

    /** The base at a position: the sources' own count first, else the order of dates (said so). */
    Answer ordinal(int position) {
        List<Event> done = queries.doneHandovers();
        if (done.isEmpty()) {
            return Answer.of(Reply.of(Para.text("لا تسجّل مصادري أي عملية تسليم بعد.").build()));
        }
        Event chosen;
        String how;
        if (position == Entities.LAST) {
            List<Event> dated = done.stream().filter(e -> e.date() != null).toList();
            chosen = dated.isEmpty() ? done.get(done.size() - 1) : dated.get(dated.size() - 1);
            how = "آخر قاعدة تسجّل مصادري تسليمها";
        } else {
            Optional<Event> counted = done.stream().filter(e -> e.ordinal() != null && e.ordinal() == position).findFirst();
            if (counted.isPresent()) {
                chosen = counted.get();
                how = "القاعدة " + ArabicCounts.ordinal(position) + " التي سُلّمت، بحسب عدّ المصادر نفسها";
            } else if (position >= 1 && position <= done.size()) {
                chosen = done.get(position - 1);
                how = "القاعدة " + ArabicCounts.ordinal(position) + " في ترتيب التواريخ التي تسجّلها مصادري"
                        + " (لا تذكر المصادر هذا الترقيم صراحة)";
            } else {
                return Answer.of(Reply.of(Para.text("تسجّل مصادري تسليم " + ArabicCounts.bases(done.size(), ArabicCounts.Case.OBLIQUE)
                        + " فقط، فلا أعرف القاعدة " + ArabicCounts.ordinal(position) + ".").build()));
            }
        }
        List<Reply.Block> blocks = new ArrayList<>();
        blocks.add(Para.text(how + ": ").bold(names.baseLabel(chosen.baseId())).add(".").build());
        blocks.add(sentences.handover(chosen).build());
        blocks.add(sentences.sourceLine(chosen.sources()));
        List<Reply.Button> buttons = new ArrayList<>();
        if (ButtonCodes.fits(chosen.baseId())) {
            buttons.add(new Reply.Button("المصدر والرابط", ButtonCodes.encode(Intent.SOURCE, chosen.baseId())));
        }
        buttons.add(new Reply.Button("كل عمليات التسليم", ButtonCodes.encode(Intent.TIMELINE, null)));
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
                facts.noInformation(base, "عن تسليم").reply().blocks().stream().limit(1).forEach(blocks::add);
                queries.planned(base).ifPresent(plan ->
                        blocks.add(Para.text("وما تذكره عنها أنها خطوة أُعلن عنها ولم تُنفّذ بعد بحسب مصادري.").build()));
            }
        }
        if (a.isPresent() && b.isPresent() && a.get().date() != null && b.get().date() != null) {
            blocks.add(difference(a.get(), b.get()).build());
        }
        return new Answer(new Reply(blocks, List.of(new Reply.Button("كل عمليات التسليم",
                ButtonCodes.encode(Intent.TIMELINE, null)))), second, b.or(() -> a).map(Event::id).orElse(null), null, sources);
    }

    private Para difference(Event a, Event b) {
        LocalDate d1 = a.date();
        LocalDate d2 = b.date();
        if (d1.equals(d2)) {
            return Para.text("سُلّمت القاعدتان في اليوم نفسه.");
        }
        Event earlier = d1.isBefore(d2) ? a : b;
        Event later = earlier == a ? b : a;
        long days = ChronoUnit.DAYS.between(earlier.date(), later.date());
        Period span = Period.between(earlier.date(), later.date());
        Para p = Para.text("سُلّمت ").bold(names.baseLabel(earlier.baseId())).add(" قبل ")
                .bold(names.baseLabel(later.baseId())).add(" بـ").bold(ArabicCounts.days(days, ArabicCounts.Case.OBLIQUE));
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
            p.add(" (" + String.join(" و", parts) + ")");
        }
        return p.add(".");
    }

    /** "في نيسان (أبريل) 2020", "يوم الخميس 19 آذار (مارس) 2020", "في عام 2020", "في آذار (مارس)". */
    static String periodText(DateMention period) {
        Integer y = period.year();
        Integer m = period.month();
        Integer d = period.day();
        if (y != null && m != null && d != null) {
            try {
                return "يوم " + ArabicDates.format(LocalDate.of(y, m, d));
            } catch (java.time.DateTimeException e) {
                return "في " + d + "/" + m + "/" + y;
            }
        }
        if (m != null && (m < 1 || m > 12)) {
            return y == null ? "في التاريخ المذكور" : "في عام " + y;
        }
        if (y != null && m != null) {
            return "في " + ArabicDates.format(YearMonth.of(y, m));
        }
        if (m != null) {
            return "في " + (d == null ? "" : d + " ") + ArabicDates.month(Month.of(m));
        }
        if (y != null) {
            return "في عام " + y;
        }
        return "في التاريخ المذكور";
    }

    private Para timelineLine(int n, Event e) {
        Para p = Para.text(n + ". ").bold(names.baseLabel(e.baseId()));
        names.province(e.baseId()).ifPresent(province -> p.add(" (" + province + ")"));
        p.add(": ");
        if (e.date() != null) {
            p.add(ArabicDates.format(e.date()));
        } else {
            p.add("تاريخ لا تذكره المصادر");
        }
        names.name(e.fromParty()).ifPresent(from -> p.add("، من " + from));
        names.name(e.toParty()).ifPresent(to -> p.add(" إلى " + to));
        return p.add(". (" + EventQueries.publishers(e.sources()) + ")");
    }
}
