package org.handoverbot.answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.handoverbot.knowledge.Event;
import org.handoverbot.knowledge.EventKind;
import org.handoverbot.knowledge.Quote;
import org.handoverbot.knowledge.Source;
import org.handoverbot.nlp.Intent;

/**
 * Replies in the speakers' own words: what someone said, why the forces left, what comes next. Words are
 * quoted verbatim from stored articles (shortened only at a sentence boundary, marked), with speaker and title.
 */
final class QuoteReplies {

    private static final ReplyCatalogue SAY = ReplyCatalogue.arabic();

    static final int PAGE = 2;

    private final EventQueries queries;
    private final EventSentences sentences;
    private final Names names;

    QuoteReplies(EventQueries queries, EventSentences sentences) {
        this.queries = queries;
        this.sentences = sentences;
        this.names = sentences.names();
    }

    /** What a person said (about a base, when one is named), a page of quotes at a time. */
    Answer saidBy(String personId, String baseId, int page) {
        List<Quote> quotes = queries.quotesBy(personId);
        String person = names.name(personId).orElse("هذا الشخص");
        if (baseId != null) {
            List<Quote> concerning = queries.quotesConcerning(baseId);
            quotes = quotes.stream().filter(concerning::contains).toList();
        }
        if (quotes.isEmpty()) {
            // "للواء تحسين الخفاجي", never "لـاللواء" (SourceLine.to)
            Para p = Para.text("لا تحفظ مصادري تصريحاً ").bold(SourceLine.to(person));
            if (baseId != null) {
                p.add(" عن ").bold(names.baseLabel(baseId));
            }
            return new Answer(Reply.of(p.add(".").build()), baseId, null, personId, List.of());
        }
        Para intro = Para.text("من تصريحات ").bold(person);
        if (baseId != null) {
            intro.add(" عن ").bold(names.baseLabel(baseId));
        }
        return quotePage(intro.add(":"), quotes, page, Intent.STATEMENT, personId, baseId, personId);
    }

    /**
     * What an organisation said: quotes whose source cites it (وكالة الأنباء العراقية) or whose speaker's title
     * names it (المتحدث باسم التحالف الدولي).
     */
    Answer citedFrom(String organisationId, int page) {
        return citedFrom(organisationId, null, page);
    }

    /** What an organisation said about a base (every base when null). */
    Answer citedFrom(String organisationId, String baseId, int page) {
        List<Quote> concerning = baseId == null ? null : queries.quotesConcerning(baseId);
        List<Quote> quotes = queries.quotes().stream()
                .filter(q -> concerning == null || concerning.contains(q))
                .filter(q -> names(q.source().citedSource(), organisationId) || names(q.speakerTitle(), organisationId)
                        || names(names.personWithTitle(q.speakerId()).orElse(null), organisationId))
                .toList();
        String organisation = names.name(organisationId).orElse("هذه الجهة");
        if (quotes.isEmpty()) {
            List<Reply.Block> blocks = new ArrayList<>();
            blocks.add(Para.text("لا تحفظ مصادري تصريحاً منسوباً إلى ").bold(organisation).add(".").build());
            List<Reply.Button> buttons = speakersButtons(queries.quotes());
            if (!buttons.isEmpty()) {
                blocks.add(Para.text("لكنها تحفظ تصريحات لمتحدثين آخرين:").build());
            }
            return new Answer(new Reply(blocks, buttons), null, null, null, List.of());
        }
        Para intro = baseId == null ? Para.text("مما نُقل عن ").bold(organisation).add(":")
                : Para.spans(SAY.spans("dialogue.cited_about", "organisation", organisation, "base", names.baseLabel(baseId)));
        return quotePage(intro, quotes, page, Intent.STATEMENT, organisationId, baseId, null);
    }

    /** A speaker no source quotes: says so for that very person, and offers the speakers it does quote. */
    Answer unknownSpeaker(String speaker) {
        return unknownSpeaker(speaker, null);
    }

    /** The same, about a base when the question names one ("ماذا قال وزير الدفاع الأمريكي عن القائم؟"). */
    Answer unknownSpeaker(String speaker, String baseId) {
        List<Reply.Block> blocks = new ArrayList<>();
        blocks.add(SAY.paragraph("dialogue.unknown_speaker", "speaker", speaker, "base",
                baseId == null ? "none" : names.baseLabel(baseId)));
        List<Reply.Button> buttons = speakersButtons(queries.quotes());
        if (!buttons.isEmpty()) {
            blocks.add(Para.text("تحفظ مصادري تصريحات لـ: " + String.join("، ", buttons.stream()
                    .map(b -> b.label().replaceFirst("^ماذا قال ", "").replaceFirst("؟$", "")).toList()) + ".").build());
        }
        return new Answer(new Reply(blocks, buttons), null, null, null, List.of());
    }

    private boolean names(String text, String id) {
        return text != null && names.gazetteer().find(text).stream().anyMatch(m -> m.entry().id().equals(id));
    }

    /** What was said about a base; every speaker, when no base is named. */
    Answer saidAbout(String baseId, int page) {
        List<Quote> quotes = baseId == null ? queries.quotes() : queries.quotesConcerning(baseId);
        if (quotes.isEmpty()) {
            Para p = Para.text("لا تحفظ مصادري تصريحات");
            if (baseId != null) {
                p.add(" عن ").bold(names.baseLabel(baseId));
            }
            return new Answer(Reply.of(p.add(".").build()), baseId, null, null, List.of());
        }
        Para intro = baseId == null ? Para.text("من التصريحات التي تحفظها مصادري:")
                : Para.text("من التصريحات عن ").bold(names.baseLabel(baseId)).add(":");
        return quotePage(intro, quotes, page, Intent.STATEMENT, baseId, baseId, null);
    }

    /** Why the forces left, in the words of whoever said it. */
    Answer reason(String baseId) {
        return reason(baseId, null);
    }

    /** Why the forces left, in the words of one speaker when the question names one ("حسب الخفاجي"). */
    Answer reason(String baseId, String speakerId) {
        List<Quote> quotes = queries.withTopic(baseId == null ? queries.quotes() : queries.quotesConcerning(baseId), "reason")
                .stream().filter(q -> speakerId == null || speakerId.equals(q.speakerId())).toList();
        if (quotes.isEmpty()) {
            Para p = Para.text("لا تذكر مصادري سبب ");
            p.add(baseId == null ? "الانسحاب." : "تسليم ").bold(baseId == null ? "" : names.baseLabel(baseId));
            return new Answer(Reply.of(p.add(baseId == null ? "" : ".").build()), baseId, null, null, List.of());
        }
        List<Reply.Block> blocks = new ArrayList<>();
        Para intro = Para.text("عن سبب الانسحاب");
        if (baseId != null) {
            intro.add(" من ").bold(names.baseLabel(baseId));
        }
        blocks.add(intro.add(":").build());
        quotes.forEach(q -> blocks.add(sentences.quotation(q, EventSentences.QUOTE_ALONE)));
        List<Source> sources = EventQueries.sourcesOfQuotes(quotes);
        blocks.add(sentences.sourceLine(sources));
        return new Answer(withButtons(blocks, baseId), baseId, null, quotes.get(0).speakerId(), sources);
    }

    /**
     * The announced next steps: as plans, with the words that announced them, and, only when an event reports
     * it, that the step was then carried out.
     */
    Answer nextStep(String baseId) {
        List<Event> plans = relevantPlans(baseId);
        if (plans.isEmpty()) {
            Para p = Para.text("لا تذكر مصادري خطوة تالية معلنة");
            if (baseId != null) {
                p.add(" بعد ").bold(names.baseLabel(baseId));
            }
            return new Answer(Reply.of(p.add(".").build()), baseId, null, null, List.of());
        }
        List<Reply.Block> blocks = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        String person = null;
        for (Event plan : plans) {
            List<Quote> naming = queries.withTopic(queries.quotesConcerning(plan.baseId()), "next_step").stream()
                    .filter(q -> queries.basesNamed(q.text()).contains(plan.baseId())).toList();
            blocks.add(sentences.plan(plan, sentences.speakerOf(plan, naming)).build());
            naming.forEach(q -> blocks.add(sentences.quotation(q, EventSentences.QUOTE_ALONE)));
            if (person == null && !naming.isEmpty()) {
                person = naming.get(0).speakerId();
            }
            blocks.add(sentences.sourceLine(plan.sources()));
            addAll(sources, plan.sources());
            Optional<Event> done = queries.linked(plan).filter(EventQueries::isDoneHandover);
            if (done.isPresent()) {
                Para p = Para.text("ثم نُفّذت هذه الخطوة: ");
                blocks.add(append(p, sentences.handover(done.get())).build());
                blocks.add(sentences.sourceLine(done.get().sources()));
                addAll(sources, done.get().sources());
            } else {
                blocks.add(Para.text("ولا تذكر مصادري حتى الآن أنها نُفّذت.").build());
            }
        }
        Long eventId = plans.get(0).id();
        return new Answer(withButtons(blocks, plans.get(0).baseId()), baseId != null ? baseId : plans.get(0).baseId(),
                eventId, person, sources);
    }

    /** Plans for the base itself, or announced in the same articles as the base's handover; all plans if no base. */
    private List<Event> relevantPlans(String baseId) {
        List<Event> plans = queries.plans();
        if (baseId == null) {
            return plans;
        }
        List<Long> articles = queries.about(baseId).stream().flatMap(e -> e.sources().stream())
                .map(Source::articleId).filter(a -> a != null).toList();
        return plans.stream().filter(p -> baseId.equals(p.baseId())
                || p.sources().stream().anyMatch(s -> s.articleId() != null && articles.contains(s.articleId()))).toList();
    }

    /**
     * What a party announced (every party when null) about a base (every base when null): the announcement
     * events, told with the words they were read from.
     */
    Answer announcements(String partyId, String baseId) {
        List<Event> told = queries.events().stream().filter(e -> e.kind() == EventKind.ANNOUNCEMENT)
                .filter(e -> partyId == null || partyId.equals(e.fromParty()))
                .filter(e -> baseId == null || baseId.equals(e.baseId())).toList();
        String party = partyId == null ? "none" : names.name(partyId).orElse("none");
        String base = baseId == null ? "none" : names.baseLabel(baseId);
        if (told.isEmpty()) {
            return new Answer(Reply.of(SAY.paragraph("dialogue.announcements.none", "party", party, "base", base)),
                    baseId, null, null, List.of());
        }
        List<Reply.Block> blocks = new ArrayList<>();
        blocks.add(SAY.paragraph("dialogue.announcements", "party", party, "base", base));
        for (Event e : told) {
            blocks.addAll(sentences.listBlocks(e));
            sentences.verbatim(e).ifPresent(blocks::add);
        }
        List<Source> sources = EventQueries.sourcesOf(told);
        blocks.add(sentences.sourceLine(sources));
        return new Answer(withButtons(blocks, baseId), baseId != null ? baseId : told.get(0).baseId(), told.get(0).id(),
                null, sources);
    }

    /** Quotes on a topic (capability: "هل قوات التحالف قوات قتالية؟"), verbatim. */
    Answer onTopic(String topic) {
        List<Quote> quotes = queries.withTopic(queries.quotes(), topic);
        if (quotes.isEmpty()) {
            return Answer.of(Reply.of(SAY.paragraph("dialogue.topic.none")));
        }
        List<Reply.Block> blocks = new ArrayList<>();
        blocks.add(SAY.paragraph("dialogue.topic"));
        quotes.forEach(q -> blocks.add(sentences.quotation(q, EventSentences.QUOTE_ALONE)));
        List<Source> sources = EventQueries.sourcesOfQuotes(quotes);
        blocks.add(sentences.sourceLine(sources));
        return new Answer(withButtons(blocks, null), null, null, quotes.get(0).speakerId(), sources);
    }

    private Answer quotePage(Para intro, List<Quote> quotes, int page, Intent more, String moreSubject,
                             String baseId, String personId) {
        int pages = (quotes.size() + PAGE - 1) / PAGE;
        int shown = Math.max(0, Math.min(page, pages - 1));
        List<Quote> slice = quotes.subList(shown * PAGE, Math.min(quotes.size(), shown * PAGE + PAGE));
        List<Reply.Block> blocks = new ArrayList<>();
        blocks.add(intro.build());
        slice.forEach(q -> blocks.add(sentences.quotation(q, EventSentences.QUOTE_IN_LIST)));
        List<Source> sources = EventQueries.sourcesOfQuotes(slice);
        blocks.add(sentences.sourceLine(sources));
        List<Reply.Button> buttons = new ArrayList<>();
        if (shown + 1 < pages && (moreSubject == null || ButtonCodes.fits(moreSubject))) {
            buttons.add(new Reply.Button("تصريحات أخرى (" + (shown + 2) + " من " + pages + ")",
                    ButtonCodes.encode(more, moreSubject, shown + 1)));
        }
        if (personId == null) {
            speakersButtons(quotes).forEach(buttons::add);
        }
        buttons.add(new Reply.Button("كل عمليات التسليم", ButtonCodes.encode(Intent.TIMELINE, null)));
        return new Answer(new Reply(blocks, buttons), baseId, null,
                personId != null ? personId : slice.get(0).speakerId(), sources);
    }

    /** One button a named speaker, to read what they said. */
    private List<Reply.Button> speakersButtons(List<Quote> quotes) {
        Map<String, String> speakers = new LinkedHashMap<>();
        quotes.stream().filter(q -> ButtonCodes.fits(q.speakerId()))
                .forEach(q -> speakers.putIfAbsent(q.speakerId(), names.name(q.speakerId()).orElse(q.speakerName())));
        List<Reply.Button> buttons = new ArrayList<>();
        speakers.entrySet().stream().limit(3).forEach(e ->
                buttons.add(new Reply.Button("ماذا قال " + e.getValue() + "؟", ButtonCodes.encode(Intent.STATEMENT, e.getKey()))));
        return buttons;
    }

    private Reply withButtons(List<Reply.Block> blocks, String baseId) {
        List<Reply.Button> buttons = new ArrayList<>();
        if (baseId != null && ButtonCodes.fits(baseId)) {
            buttons.add(new Reply.Button("المصدر والرابط", ButtonCodes.encode(Intent.SOURCE, baseId)));
        }
        buttons.add(new Reply.Button("كل عمليات التسليم", ButtonCodes.encode(Intent.TIMELINE, null)));
        return new Reply(blocks, buttons);
    }

    private static Para append(Para p, Para more) {
        more.build().spans().forEach(s -> {
            if (s.bold()) {
                p.bold(s.text());
            } else {
                p.add(s.text());
            }
        });
        return p;
    }

    private static void addAll(List<Source> into, List<Source> more) {
        more.stream().filter(s -> !into.contains(s)).forEach(into::add);
    }
}
