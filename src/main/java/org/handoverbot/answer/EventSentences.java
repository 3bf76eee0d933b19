package org.handoverbot.answer;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.handoverbot.knowledge.Event;
import org.handoverbot.knowledge.EventKind;
import org.handoverbot.knowledge.Figure;
import org.handoverbot.knowledge.Quote;
import org.handoverbot.knowledge.Source;

/**
 * The sentences every composer shares: a handover as stored, its figures, its source, a quotation with its
 * speaker. Wording is the bot's; every date, name, number and quoted word comes from the event or quote.
 */
final class EventSentences {

    static final int QUOTE_IN_LIST = 320;
    static final int QUOTE_ALONE = 700;

    private final Names names;

    EventSentences(Names names) {
        this.names = names;
    }

    Names names() {
        return names;
    }

    /** "سُلّمت قاعدة القائم في محافظة الأنبار من التحالف الدولي إلى القوات الأمنية العراقية يوم … بالكامل." */
    Para handover(Event e) {
        Para p = Para.text("سُلّمت ").bold(names.baseLabel(e.baseId()));
        names.province(e.baseId()).ifPresent(province -> p.add(" في " + province));
        names.name(e.fromParty()).ifPresent(from -> p.add(" من " + from));
        names.name(e.toParty()).ifPresent(to -> p.add(" إلى " + to));
        if (e.date() != null) {
            p.add(" يوم ").bold(ArabicDates.format(e.date()));
        }
        if (Boolean.TRUE.equals(e.complete())) {
            p.add(" بالكامل");
        }
        p.add(".");
        if (e.date() == null) {
            p.add(" ولا تذكر مصادري تاريخ ذلك.");
        }
        return p;
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
        Para p = Para.text("تسليم ").add(names.baseLabel(e.baseId())).add(":");
        from.ifPresent(f -> p.add(" من ").bold(f));
        to.ifPresent(t -> p.add(" إلى ").bold(t));
        if (e.date() != null) {
            p.add("، يوم ").add(ArabicDates.format(e.date()));
        }
        if (Boolean.TRUE.equals(e.complete())) {
            p.add("، بالكامل");
        }
        return Optional.of(p.add("."));
    }

    /** "وهي القاعدة الثالثة التي تُسلَّم بحسب عدّ المصادر." */
    Optional<Para> ordinal(Event e) {
        if (e.ordinal() == null || e.ordinal() < 1) {
            return Optional.empty();
        }
        return Optional.of(Para.text("وهي ").bold("القاعدة " + ArabicCounts.ordinal(e.ordinal()))
                .add(" التي تُسلَّم، بحسب عدّ المصادر."));
    }

    /** The event's figures except those the filter leaves out, as one sentence. */
    Optional<Para> figures(List<Figure> figures) {
        if (figures.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Para.text("ومن الأرقام التي ذكرتها المصادر: "
                + figures.stream().map(FigureWords::phrase).collect(Collectors.joining("؛ ")) + "."));
    }

    Reply.Paragraph sourceLine(List<Source> sources) {
        return Para.text(SourceLine.of(sources)).build();
    }

    /** "الخطوة التالية بحسب اللواء تحسين الخفاجي: الانسحاب من قاعدة القيارة." */
    Para plan(Event plan, Optional<String> speaker) {
        Para p = Para.text("الخطوة التالية" + speaker.map(s -> " بحسب " + s).orElse(" بحسب مصادري") + ": ")
                .bold("تسليم " + names.baseLabel(plan.baseId()));
        if (plan.date() != null) {
            p.add(" في ").bold(ArabicDates.format(plan.date()));
        }
        return p.add(". وهي خطوة أُعلن عنها ولم تكن قد نُفّذت عند نشر الخبر.");
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
    Reply.Quotation quotation(Quote q, int max) {
        return new Reply.Quotation(QuoteShortener.shorten(q.text(), max), attribution(q));
    }

    String attribution(Quote q) {
        String name = q.speakerName() == null || q.speakerName().isBlank()
                ? names.name(q.speakerId()).orElse("قائل لم يسمّه المصدر") : q.speakerName().strip();
        String title = q.speakerTitle() == null ? "" : q.speakerTitle().strip();
        if (title.isEmpty() && q.speakerId() != null) {
            title = names.gazetteer().byId(q.speakerId()).map(e -> e.title() == null ? "" : e.title()).orElse("");
        }
        return title.isEmpty() || name.contains(title) ? name : name + "، " + title;
    }

    /**
     * An event of any kind for lists: its date and what happened in the bot's words, with its publishers; when
     * the store's summary is an article's own sentence, that sentence follows as a quotation, verbatim.
     */
    List<Reply.Block> listBlocks(Event e) {
        Para p = new Para();
        if (e.date() != null) {
            p.bold(ArabicDates.format(e.date())).add(": ");
        }
        if (e.kind() == EventKind.HANDOVER) {
            p.add(EventQueries.isDoneHandover(e) ? "تسليم " : "إعلان عن تسليم مقبل لـ").bold(names.baseLabel(e.baseId()));
            names.name(e.fromParty()).ifPresent(from -> p.add(" من " + from));
            names.name(e.toParty()).ifPresent(to -> p.add(" إلى " + to));
        } else {
            p.add(description(e));
        }
        p.add(". (" + EventQueries.publishers(e.sources()) + ")");
        List<Reply.Block> blocks = new java.util.ArrayList<>();
        blocks.add(p.build());
        if (e.kind() != EventKind.HANDOVER) {
            verbatim(e).ifPresent(blocks::add);
        }
        return blocks;
    }

    /** The event in the bot's words: the records' own summary, or its kind, base and parties. */
    String description(Event e) {
        if (e.summary() != null && Names.isArabic(e.summary()) && verbatimSource(e).isEmpty()) {
            return e.summary().strip().replaceAll("[.。]+$", "");
        }
        String where = e.baseId() == null ? "قاعدة لم تسمّها المصادر" : names.baseLabel(e.baseId());
        return switch (e.kind()) {
            case ATTACK -> "هجوم على " + where;
            case ANNOUNCEMENT -> "إعلان" + names.name(e.fromParty()).map(from -> " من " + from).orElse("") + " بشأن " + where;
            case HANDOVER -> "تسليم " + where;
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
                "من نص " + SourceLine.outlet(s.publisher())));
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
