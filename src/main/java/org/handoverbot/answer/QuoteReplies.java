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
        String person = names.name(personId).orElseGet(() -> SAY.text("quote.unknown_person"));
        if (baseId != null) {
            List<Quote> concerning = queries.quotesConcerning(baseId);
            quotes = quotes.stream().filter(concerning::contains).toList();
        }
        String base = baseId == null ? "none" : names.baseLabel(baseId);
        if (quotes.isEmpty()) {
            // "للواء تحسين الخفاجي", never "لـاللواء" (SourceLine.to)
            return new Answer(Reply.of(SAY.paragraph("quote.said_by.none", "to_person", SourceLine.to(person), "base", base)),
                    baseId, null, personId, List.of());
        }
        return quotePage(SAY.paragraph("quote.said_by", "person", person, "base", base), quotes, page, Intent.STATEMENT,
                personId, baseId, personId);
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
        String organisation = names.name(organisationId).orElseGet(() -> SAY.text("quote.unknown_organisation"));
        if (quotes.isEmpty()) {
            List<Reply.Block> blocks = new ArrayList<>();
            blocks.add(SAY.paragraph("quote.cited.none", "organisation", organisation,
                    "base", baseId == null ? "none" : names.baseLabel(baseId)));
            List<Reply.Button> buttons = speakersButtons(queries.quotes());
            if (!buttons.isEmpty()) {
                blocks.add(SAY.paragraph("quote.cited.others"));
            }
            return new Answer(new Reply(blocks, buttons), null, null, null, List.of());
        }
        Reply.Paragraph intro = SAY.paragraph("quote.cited", "organisation", organisation,
                "base", baseId == null ? "none" : names.baseLabel(baseId));
        return quotePage(intro, quotes, page, Intent.STATEMENT, organisationId, baseId, null);
    }

    /** A speaker no source quotes: says so for that very person, and offers the speakers it does quote. */
    Answer unknownSpeaker(String speaker) {
        return unknownSpeaker(speaker, null);
    }

    /** The same, about a base when the question names one ("ماذا قال وزير الدفاع الأمريكي عن القائم؟"). */
    Answer unknownSpeaker(String speaker, String baseId) {
        // a voice the gazetteer does not know may still speak in a stored report under a name that holds the words
        // asked ("اللجنة العسكرية العليا" in "اللجنة العسكرية العليا لإنهاء مهمة التحالف الدولي في العراق")
        List<Quote> held = UnknownVoices.quotesOf(speaker, baseId == null ? queries.quotes()
                : queries.quotesConcerning(baseId));
        if (!held.isEmpty()) {
            String base = baseId == null ? "none" : names.baseLabel(baseId);
            return quotePage(SAY.paragraph("quote.said_by", "person", held.get(0).speakerName(), "base", base), held, 0,
                    Intent.STATEMENT, baseId, baseId, null);
        }
        List<Reply.Block> blocks = new ArrayList<>();
        blocks.add(SAY.paragraph("dialogue.unknown_speaker", "speaker", speaker, "base",
                baseId == null ? "none" : names.baseLabel(baseId)));
        Map<String, String> speakers = speakers(queries.quotes());
        if (!speakers.isEmpty()) {
            blocks.add(SAY.paragraph("quote.speakers", "speakers", String.join("، ", speakers.values())));
        }
        return new Answer(new Reply(blocks, speakersButtons(speakers)), null, null, null, List.of());
    }

    private boolean names(String text, String id) {
        return text != null && names.gazetteer().find(text).stream().anyMatch(m -> m.entry().id().equals(id));
    }

    /** What was said about a base; every speaker, when no base is named. */
    Answer saidAbout(String baseId, int page) {
        List<Quote> quotes = baseId == null ? queries.quotes() : queries.quotesConcerning(baseId);
        String base = baseId == null ? "none" : names.baseLabel(baseId);
        if (quotes.isEmpty()) {
            return new Answer(Reply.of(SAY.paragraph("quote.said_about.none", "base", base)), baseId, null, null, List.of());
        }
        return quotePage(SAY.paragraph("quote.said_about", "base", base), quotes, page, Intent.STATEMENT, baseId, baseId, null);
    }

    /** Why the forces left, in the words of whoever said it. */
    Answer reason(String baseId) {
        return reason(baseId, null);
    }

    /** Why the forces left, in the words of one speaker when the question names one ("حسب الخفاجي"). */
    Answer reason(String baseId, String speakerId) {
        List<Quote> quotes = queries.withTopic(baseId == null ? queries.quotes() : queries.quotesConcerning(baseId), "reason")
                .stream().filter(q -> speakerId == null || speakerId.equals(q.speakerId())).toList();
        String base = baseId == null ? "none" : names.baseLabel(baseId);
        if (quotes.isEmpty()) {
            return new Answer(Reply.of(SAY.paragraph("quote.reason.none", "base", base)), baseId, null, null, List.of());
        }
        List<Reply.Block> blocks = new ArrayList<>();
        blocks.add(SAY.paragraph("quote.reason", "base", base));
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
        return steps(baseId, relevantPlans(baseId));
    }

    /**
     * The steps announced for the base itself ("متى راح يسلمون فكتوري؟"): its own plans only, not another base's
     * told in the same report; when it has none, the steps told beside it, as {@link #nextStep}.
     */
    Answer stepsOf(String baseId) {
        List<Event> own = baseId == null ? List.of()
                : queries.plans().stream().filter(p -> baseId.equals(p.baseId())).toList();
        if (own.isEmpty() && baseId != null && relevantPlans(baseId).isEmpty()) {
            // asked about the base's own step ("متى راح يطلعون الامريكان من حرير؟"): say so of it, not "after" it
            return new Answer(Reply.of(SAY.paragraph("quote.steps_of.none", "base", names.baseLabel(baseId))),
                    baseId, null, null, List.of());
        }
        return own.isEmpty() ? nextStep(baseId) : steps(baseId, own);
    }

    private Answer steps(String baseId, List<Event> plans) {
        if (plans.isEmpty()) {
            return new Answer(Reply.of(SAY.paragraph("quote.next_step.none", "base", baseId == null ? "none" : names.baseLabel(baseId))),
                    baseId, null, null, List.of());
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
                // the catalogue's lead-in, then the handover told in its own sentence (bold kept)
                Para p = Para.spans(SAY.spans("quote.next_step.done")).add(" ");
                blocks.add(append(p, sentences.handover(done.get())).build());
                blocks.add(sentences.sourceLine(done.get().sources()));
                addAll(sources, done.get().sources());
            } else {
                blocks.add(SAY.paragraph("quote.next_step.not_done"));
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
        // the steps after the base first: its own plan, told in the same reports, comes last ("ما الخطوة التالية بعد
        // الحبانية؟" is about what follows it)
        return plans.stream().filter(p -> baseId.equals(p.baseId())
                || p.sources().stream().anyMatch(s -> s.articleId() != null && articles.contains(s.articleId())))
                .sorted(java.util.Comparator.comparing(p -> baseId.equals(p.baseId()))).toList();
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

    private Answer quotePage(Reply.Paragraph intro, List<Quote> quotes, int page, Intent more, String moreSubject,
                             String baseId, String personId) {
        int pages = (quotes.size() + PAGE - 1) / PAGE;
        int shown = Math.max(0, Math.min(page, pages - 1));
        List<Quote> slice = quotes.subList(shown * PAGE, Math.min(quotes.size(), shown * PAGE + PAGE));
        List<Reply.Block> blocks = new ArrayList<>();
        blocks.add(intro);
        slice.forEach(q -> blocks.add(sentences.quotation(q, EventSentences.QUOTE_IN_LIST)));
        List<Source> sources = EventQueries.sourcesOfQuotes(slice);
        blocks.add(sentences.sourceLine(sources));
        List<Reply.Button> buttons = new ArrayList<>();
        if (shown + 1 < pages && (moreSubject == null || ButtonCodes.fits(moreSubject))) {
            buttons.add(new Reply.Button(SAY.format("quote.button.more", "page", String.valueOf(shown + 2), "pages", String.valueOf(pages)),
                    ButtonCodes.encode(more, moreSubject, shown + 1)));
        }
        if (personId == null) {
            speakersButtons(quotes).forEach(buttons::add);
        }
        buttons.add(new Reply.Button(SAY.text("dialogue.button.timeline"), ButtonCodes.encode(Intent.TIMELINE, null)));
        return new Answer(new Reply(blocks, buttons), baseId, null,
                personId != null ? personId : slice.get(0).speakerId(), sources);
    }

    /** One button a named speaker, to read what they said. */
    private List<Reply.Button> speakersButtons(List<Quote> quotes) {
        return speakersButtons(speakers(quotes));
    }

    private static List<Reply.Button> speakersButtons(Map<String, String> speakers) {
        List<Reply.Button> buttons = new ArrayList<>();
        speakers.forEach((id, name) ->
                buttons.add(new Reply.Button(SAY.format("quote.button.said", "speaker", name), ButtonCodes.encode(Intent.STATEMENT, id))));
        return buttons;
    }

    /** The first three speakers a button can name, by id, each with the name replies use. */
    private Map<String, String> speakers(List<Quote> quotes) {
        Map<String, String> speakers = new LinkedHashMap<>();
        quotes.stream().filter(q -> ButtonCodes.fits(q.speakerId()))
                .forEach(q -> speakers.putIfAbsent(q.speakerId(), names.name(q.speakerId()).orElse(q.speakerName())));
        Map<String, String> first = new LinkedHashMap<>();
        speakers.entrySet().stream().limit(3).forEach(e -> first.put(e.getKey(), e.getValue()));
        return first;
    }

    private Reply withButtons(List<Reply.Block> blocks, String baseId) {
        List<Reply.Button> buttons = new ArrayList<>();
        if (baseId != null && ButtonCodes.fits(baseId)) {
            buttons.add(new Reply.Button(SAY.text("dialogue.button.source"), ButtonCodes.encode(Intent.SOURCE, baseId)));
        }
        buttons.add(new Reply.Button(SAY.text("dialogue.button.timeline"), ButtonCodes.encode(Intent.TIMELINE, null)));
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
