package org.handoverbot.answer;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.handoverbot.knowledge.Event;
import org.handoverbot.knowledge.EventKind;
import org.handoverbot.knowledge.Figure;
import org.handoverbot.knowledge.PlanWhen;
import org.handoverbot.knowledge.Quote;
import org.handoverbot.knowledge.Source;
import org.handoverbot.nlp.DateCalendar;

/**
 * The sentences every composer shares, answers and alerts alike: a handover as stored, its figures, its source,
 * a quotation with its speaker. Wording is the catalogue's event.* keys; every date, name, number and quoted
 * word comes from the event or quote. An absent part (no province, no date) is passed as {@link #NONE}, which
 * the patterns' {@code {slot, select, none{…} other{…}}} leave out or say plainly ("ولا تذكر مصادري تاريخ ذلك").
 */
public final class EventSentences {

    static final int QUOTE_IN_LIST = 320;
    static final int QUOTE_ALONE = 700;

    /** The value of a slot whose part is absent; the patterns select on it. */
    static final String NONE = "none";

    private static final ReplyCatalogue SAY = ReplyCatalogue.arabic();

    private final Names names;

    public EventSentences(Names names) {
        this.names = names;
    }

    Names names() {
        return names;
    }

    /** "سُلّمت قاعدة القائم في محافظة الأنبار من التحالف الدولي إلى القوات الأمنية العراقية يوم … بالكامل." */
    Para handover(Event e) {
        return Para.spans(SAY.spans("event.handover", "base", names.baseLabel(e.baseId()),
                "province", names.province(e.baseId()).orElse(NONE), "from", names.name(e.fromParty()).orElse(NONE),
                "to", names.name(e.toParty()).orElse(NONE), "date", date(e), "complete", complete(e)));
    }

    /**
     * "تسليم قاعدة كي وان: من التحالف الدولي إلى القوات الأمنية العراقية، يوم …": the parties first, in a noun
     * phrase so that no verb has to agree with a party's gender. Empty when the sources name neither party.
     */
    Optional<Para> parties(Event e) {
        Optional<String> from = names.name(e.fromParty());
        Optional<String> to = names.name(e.toParty());
        if (from.isEmpty() && to.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Para.spans(SAY.spans("event.parties", "base", names.baseLabel(e.baseId()),
                "from", from.orElse(NONE), "to", to.orElse(NONE), "date", date(e), "complete", complete(e))));
    }

    /** "وهي القاعدة الثالثة التي تُسلَّم بحسب عدّ المصادر." */
    Optional<Para> ordinal(Event e) {
        if (e.ordinal() == null || e.ordinal() < 1) {
            return Optional.empty();
        }
        return Optional.of(Para.spans(SAY.spans("event.ordinal", "ordinal", ArabicCounts.ordinal(e.ordinal()))));
    }

    /** The event's figures except those the filter leaves out, as one sentence. */
    Optional<Para> figures(List<Figure> figures) {
        if (figures.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Para.spans(SAY.spans("event.figures",
                "figures", figures.stream().map(FigureWords::phrase).collect(Collectors.joining("؛ ")))));
    }

    Reply.Paragraph sourceLine(List<Source> sources) {
        return Para.text(SourceLine.of(sources)).build();
    }

    /**
     * "الخطوة التالية بحسب اللواء تحسين الخفاجي: تسليم قاعدة القيارة. وهي خطوة أُعلن عنها…", with the day its report
     * set, or else the time it named without a day ("الأسبوع المقبل") as written, beside the date of that report.
     */
    Para plan(Event plan, Optional<String> speaker) {
        Optional<String> when = plan.date() != null ? Optional.empty() : PlanWhen.in(plan.summary());
        String published = plan.sources().stream().map(Source::published).filter(java.util.Objects::nonNull)
                .findFirst().map(ArabicDates::format).orElse(NONE);
        return Para.spans(SAY.spans("event.plan", "speaker", speaker.orElse(NONE),
                "base", names.baseLabel(plan.baseId()), "date", date(plan), "when", when.orElse(NONE),
                "published", published));
    }

    /**
     * What happened, in the answers' own sentence, for an alert or any front end that tells one event: a done
     * handover as done, a planned one as announced and not done (with who announced it, from its sources or the
     * given quotes), anything else as reported, with its date or the plain word that the sources give none.
     */
    public Reply.Paragraph whatHappened(Event e, List<Quote> quotesNamingBase) {
        if (e.kind() == EventKind.HANDOVER) {
            return (EventQueries.isDoneHandover(e) ? handover(e) : plan(e, speakerOf(e, quotesNamingBase))).build();
        }
        return SAY.paragraph("event.reported", "what", description(e), "date", date(e));
    }

    /**
     * The answer as asked for in a calendar: in the Hijri one ("متى سلموا القائم بالهجري؟") the handover of the
     * base it is about follows with its Hijri date beside the Gregorian one, Umm al-Qura said so. Unchanged for
     * the Gregorian calendar, or when the answer names no base with a dated handover.
     */
    Answer inCalendar(Answer answer, DateCalendar calendar, EventQueries queries) {
        if (calendar != DateCalendar.HIJRI || answer.baseId() == null) {
            return answer;
        }
        Optional<Event> handover = queries.handover(answer.baseId()).filter(e -> e.date() != null);
        if (handover.isEmpty()) {
            return answer;
        }
        List<Reply.Block> blocks = new java.util.ArrayList<>(answer.reply().blocks());
        blocks.add(Math.min(1, blocks.size()), SAY.paragraph("event.hijri", "base", names.baseLabel(answer.baseId()),
                "date", ArabicDates.withHijri(handover.get().date())));
        return new Answer(new Reply(blocks, answer.reply().buttons()), answer.baseId(), answer.eventId(),
                answer.personId(), answer.sources());
    }

    /** Who announced a plan: the speaker its sources cite, else the speaker of a quote that names its base. */
    Optional<String> speakerOf(Event plan, List<Quote> quotesNamingBase) {
        Optional<String> cited = plan.sources().stream().map(Source::citedSpeaker)
                .filter(s -> s != null && !s.isBlank()).findFirst();
        if (cited.isPresent()) {
            return cited;
        }
        return quotesNamingBase.stream().map(Quote::speakerName).filter(s -> s != null && !s.isBlank()).findFirst();
    }

    /** The quotation verbatim (shortened at a sentence boundary, marked) with speaker and title. */
    public Reply.Quotation quotation(Quote q, int max) {
        return new Reply.Quotation(QuoteShortener.shorten(q.text(), max), attribution(q));
    }

    String attribution(Quote q) {
        String name = q.speakerName() == null || q.speakerName().isBlank()
                ? names.name(q.speakerId()).orElse(SAY.text("event.unnamed_speaker")) : q.speakerName().strip();
        String title = q.speakerTitle() == null ? "" : q.speakerTitle().strip();
        if (title.isEmpty() && q.speakerId() != null) {
            title = names.gazetteer().byId(q.speakerId()).map(e -> e.title() == null ? "" : e.title()).orElse("");
        }
        return title.isEmpty() || name.contains(title) ? name : SAY.format("event.speaker_with_title", "name", name, "title", title);
    }

    /**
     * An event of any kind for lists: its date and what happened in the bot's words, with its publishers; when
     * the store's summary is an article's own sentence, that sentence follows as a quotation, verbatim.
     */
    List<Reply.Block> listBlocks(Event e) {
        String publishers = EventQueries.publishers(e.sources());
        List<Reply.Block> blocks = new java.util.ArrayList<>();
        if (e.kind() == EventKind.HANDOVER) {
            blocks.add(SAY.paragraph("event.list.handover", "date", date(e), "done", EventQueries.isDoneHandover(e) ? "yes" : "no",
                    "base", names.baseLabel(e.baseId()), "from", names.name(e.fromParty()).orElse(NONE),
                    "to", names.name(e.toParty()).orElse(NONE), "publishers", publishers));
        } else {
            blocks.add(SAY.paragraph("event.list.other", "date", date(e), "what", description(e), "publishers", publishers));
            verbatim(e).ifPresent(blocks::add);
        }
        return blocks;
    }

    /** The event in the bot's words: the records' own summary, or its kind, base and parties. */
    String description(Event e) {
        if (e.summary() != null && Names.isArabic(e.summary()) && verbatimSource(e).isEmpty()) {
            return FigureWords.withoutFinalStops(e.summary().strip());
        }
        String where = e.baseId() != null ? names.baseLabel(e.baseId())
                : SAY.text(e.kind() == EventKind.ANNOUNCEMENT ? "event.unnamed_base.announcement" : "event.unnamed_base");
        return switch (e.kind()) {
            case ATTACK -> SAY.format("event.attack", "base", where);
            case ANNOUNCEMENT -> SAY.format("event.announcement", "from", names.name(e.fromParty()).orElse(NONE), "base", where);
            case HANDOVER -> SAY.format("event.handover.short", "base", where);
        };
    }

    /** The store's summary when it is in the bot's own words (records), not an article's sentence. */
    Optional<String> ownSummary(Event e) {
        if (e.summary() == null || !Names.isArabic(e.summary()) || verbatimSource(e).isPresent()) {
            return Optional.empty();
        }
        String summary = e.summary().strip();
        return Optional.of(summary.endsWith(".") ? summary : summary + ".");
    }

    /** The article sentence the event was read from, as a quotation of that article. */
    Optional<Reply.Quotation> verbatim(Event e) {
        return verbatimSource(e).map(s -> new Reply.Quotation(QuoteShortener.shorten(e.summary(), QUOTE_ALONE),
                SAY.format("event.verbatim_from", "outlet", SourceLine.outlet(s.publisher()))));
    }

    private static String date(Event e) {
        return e.date() == null ? NONE : ArabicDates.format(e.date());
    }

    private static String complete(Event e) {
        return Boolean.TRUE.equals(e.complete()) ? "yes" : "no";
    }

    /** The article source whose sentence the summary repeats, if the summary is not the bot's own words. */
    private Optional<Source> verbatimSource(Event e) {
        if (e.summary() == null || e.summary().isBlank()) {
            return Optional.empty();
        }
        String summary = e.summary().strip();
        return e.sources().stream().filter(s -> s.articleId() != null)
                .filter(s -> s.evidence() == null || s.evidence().contains(summary) || summary.contains(s.evidence().strip()))
                .findFirst();
    }
}
