package org.handoverbot.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.handoverbot.knowledge.Event;
import org.handoverbot.knowledge.Quote;
import org.handoverbot.nlp.Intent;

/**
 * The replies that are not facts: greeting, help with examples drawn from what the store knows, polite
 * refusals, clarifying questions, subscriptions, and the answers to bad input. Wording is the catalogue's
 * service.* keys; which examples to offer stays here.
 */
final class ServiceReplies {

    private static final ReplyCatalogue SAY = ReplyCatalogue.arabic();

    private final EventQueries queries;
    private final Names names;
    private final Optional<SubscriptionDesk> desk;

    ServiceReplies(EventQueries queries, Names names, Optional<SubscriptionDesk> desk) {
        this.queries = queries;
        this.names = names;
        this.desk = desk;
    }

    Answer greeting() {
        return Answer.of(new Reply(List.of(SAY.paragraph("service.greeting", "about", SAY.text("service.about")),
                SAY.paragraph("service.greeting.ask")),
                List.of(button("service.button.examples", Intent.HELP), button("dialogue.button.timeline", Intent.TIMELINE))));
    }

    /** What to ask, with examples built from the bases, people and dates the store holds. */
    Answer help() {
        List<Reply.Block> blocks = new ArrayList<>();
        blocks.add(SAY.paragraph("service.about"));
        blocks.add(SAY.paragraph("service.help.examples"));
        for (String example : examples(8)) {
            blocks.add(SAY.paragraph("service.list_item", "item", example));
        }
        blocks.add(SAY.paragraph("service.help.commands"));
        return Answer.of(new Reply(blocks, List.of(button("dialogue.button.timeline", Intent.TIMELINE))));
    }

    Answer outOfScope() {
        List<Reply.Block> blocks = new ArrayList<>();
        blocks.add(SAY.paragraph("service.out_of_scope", "about", SAY.text("service.about")));
        List<String> examples = examples(3);
        if (!examples.isEmpty()) {
            blocks.add(SAY.paragraph("service.out_of_scope.try", "examples", SAY.orList(examples)));
        }
        return Answer.of(new Reply(blocks, List.of(button("service.button.examples", Intent.HELP))));
    }

    /** A low-confidence question: a short "did you mean" with two or three questions as buttons. */
    Answer clarify(String baseId) {
        List<Reply.Block> blocks = new ArrayList<>();
        blocks.add(SAY.paragraph("service.clarify"));
        List<Reply.Button> buttons = new ArrayList<>();
        String base = baseId != null ? baseId : queries.doneHandovers().stream().map(Event::baseId)
                .filter(ButtonCodes::fits).findFirst().orElse(null);
        if (base != null && ButtonCodes.fits(base)) {
            String label = names.baseLabel(base);
            addSuggestion(blocks, buttons, SAY.format("service.example.event_date", "base", label), Intent.EVENT_DATE, base);
            addSuggestion(blocks, buttons, SAY.format("service.example.source", "base", label), Intent.SOURCE, base);
        }
        addSuggestion(blocks, buttons, SAY.text("service.example.timeline_order"), Intent.TIMELINE, null);
        return new Answer(new Reply(blocks, buttons), baseId, null, null, List.of());
    }

    /** A question about a base that names none, with no base in the conversation: which one? */
    Answer whichBase(Intent intent) {
        List<String> bases = queries.basesKnown();
        List<Reply.Block> blocks = new ArrayList<>();
        blocks.add(SAY.paragraph("service.which_base"));
        if (bases.isEmpty()) {
            blocks.add(SAY.paragraph("service.which_base.none"));
            return Answer.of(new Reply(blocks, List.of()));
        }
        blocks.add(SAY.paragraph("service.which_base.known", "bases", SAY.list(bases.stream().map(names::base).toList())));
        List<Reply.Button> buttons = new ArrayList<>();
        Intent asked = intent == null ? Intent.EVENT_DATE : intent;
        bases.stream().filter(ButtonCodes::fits).limit(8)
                .forEach(b -> buttons.add(new Reply.Button(names.base(b), ButtonCodes.encode(codeable(asked), b))));
        return Answer.of(new Reply(blocks, buttons));
    }

    /** "What is your source?" with nothing before it: the publishers the bot draws on, and bases to ask about. */
    Answer sourcesOverview(List<org.handoverbot.knowledge.Source> sources) {
        if (sources.isEmpty()) {
            return Answer.of(Reply.of(SAY.paragraph("service.sources.none")));
        }
        List<Reply.Block> blocks = new ArrayList<>();
        blocks.add(SAY.paragraph("service.sources.overview", "publishers", EventQueries.publishers(sources)));
        String base = queries.doneHandovers().stream().findFirst().map(e -> names.baseLabel(e.baseId()))
                .orElse(SAY.text("service.sources.any_base"));
        blocks.add(SAY.paragraph("service.sources.ask", "example", SAY.format("service.example.source", "base", base)));
        List<Reply.Button> buttons = new ArrayList<>();
        queries.basesKnown().stream().filter(ButtonCodes::fits).limit(6)
                .forEach(b -> buttons.add(new Reply.Button(SAY.format("service.button.source", "base", names.base(b)),
                        ButtonCodes.encode(Intent.SOURCE, b))));
        return Answer.of(new Reply(blocks, buttons));
    }

    /** A place the question names that no gazetteer or store knows: no information about that very place. */
    Answer unknownPlace(String place) {
        return Answer.of(new Reply(List.of(SAY.paragraph("service.unknown_place", "place", place),
                SAY.paragraph("service.unknown_place.offer")),
                List.of(button("dialogue.button.timeline", Intent.TIMELINE))));
    }

    Answer subscribe(long chatId, String baseId) {
        String what = baseId == null ? SAY.text("service.subscribe.any_handover")
                : SAY.format("service.subscribe.base", "base", names.baseLabel(baseId));
        if (desk.isEmpty()) {
            return Answer.of(Reply.of(SAY.paragraph("service.subscribe.off", "what", what)));
        }
        SubscriptionDesk.Change change = desk.get().subscribe(chatId, Optional.ofNullable(baseId));
        String key = change.changed() ? "service.subscribe.done" : "service.subscribe.already";
        return new Answer(Reply.of(SAY.paragraph(key, "what", what, "following", following(change))),
                baseId, null, null, List.of());
    }

    Answer unsubscribe(long chatId) {
        if (desk.isEmpty()) {
            return Answer.of(Reply.of(SAY.paragraph("service.unsubscribe.off")));
        }
        SubscriptionDesk.Change change = desk.get().unsubscribe(chatId);
        return Answer.of(Reply.of(SAY.paragraph(change.changed()
                ? "service.unsubscribe.done" : "service.unsubscribe.not_subscribed")));
    }

    Answer subscribeUnknownBase(String argument) {
        return Answer.of(Reply.of(SAY.paragraph("service.subscribe.unknown_base", "name", shortened(argument),
                "example", exampleBase())));
    }

    Answer noLastAnswer() {
        return Answer.of(Reply.of(SAY.paragraph("service.no_last_answer")));
    }

    Answer empty() {
        return Answer.of(Reply.of(SAY.paragraph("service.empty", "example", firstExample())));
    }

    Answer noWords() {
        return Answer.of(Reply.of(SAY.paragraph("service.no_words", "example", firstExample())));
    }

    /** The reply to an over-long message; the Telegram side says the same (one key) before the dialogue sees it. */
    Answer tooLong(int max) {
        return Answer.of(Reply.of(SAY.paragraph("service.too_long", "max", max, "example", firstExample())));
    }

    Answer oldButton() {
        return Answer.of(new Reply(List.of(SAY.paragraph("service.old_button")),
                List.of(button("service.button.examples", Intent.HELP))));
    }

    /** A command the bot does not have; the Telegram side says the same (one key) for commands outside its menu. */
    Answer unknownCommand(String command) {
        return Answer.of(Reply.of(SAY.paragraph("service.unknown_command", "command", shortened(command))));
    }

    Answer failure() {
        return Answer.of(Reply.of(SAY.paragraph("service.failure")));
    }

    private List<String> examples(int max) {
        List<String> out = new ArrayList<>();
        List<Event> done = queries.doneHandovers();
        if (!done.isEmpty()) {
            Event first = done.get(0);
            Event last = done.get(done.size() - 1);
            String a = names.baseLabel(first.baseId());
            out.add(SAY.format("service.example.event_date", "base", a));
            out.add(SAY.format("service.example.parties", "base", a));
            out.add(SAY.format("service.example.source", "base", a));
            if (done.size() >= 3) {
                out.add(SAY.text("service.example.ordinal"));
            }
            if (first.date() != null) {
                String year = Integer.toString(first.date().getYear());
                out.add(SAY.format("service.example.count", "year", year));
                out.add(SAY.format("service.example.month", "month", ArabicDates.levantMonth(first.date().getMonth()),
                        "year", year));
            }
            if (!first.baseId().equals(last.baseId())) {
                out.add(SAY.format("service.example.compare", "first", names.base(first.baseId()),
                        "last", names.base(last.baseId())));
            }
        }
        queries.quotes().stream().map(Quote::speakerId).filter(id -> id != null).findFirst()
                .flatMap(names::name).ifPresent(person -> out.add(SAY.format("service.example.statement", "person", person)));
        if (!queries.plans().isEmpty()) {
            out.add(SAY.text("service.example.next_step"));
        }
        out.add(SAY.text("service.example.timeline"));
        return out.stream().limit(max).toList();
    }

    private String firstExample() {
        List<String> examples = examples(1);
        return examples.isEmpty() ? SAY.text("service.example.timeline") : examples.get(0);
    }

    private String exampleBase() {
        return queries.basesKnown().stream().findFirst().map(names::base)
                .orElse(SAY.text("service.subscribe.unknown_base.example"));
    }

    private String following(SubscriptionDesk.Change change) {
        if (change.allBases()) {
            return SAY.text("service.subscribe.all_bases");
        }
        if (change.baseIds().isEmpty()) {
            return "";
        }
        return SAY.format("service.subscribe.following", "bases", SAY.list(change.baseIds().stream().map(names::base).toList()));
    }

    private static void addSuggestion(List<Reply.Block> blocks, List<Reply.Button> buttons, String question, Intent intent,
                                      String subject) {
        blocks.add(SAY.paragraph("service.list_item", "item", question));
        buttons.add(new Reply.Button(question, ButtonCodes.encode(intent, subject)));
    }

    private static Intent codeable(Intent intent) {
        return switch (intent) {
            case EVENT_DATE, PARTIES, STATUS, SOURCE, STATEMENT, REASON, NEXT_STEP, EQUIPMENT, ATTACKS, LOCATION -> intent;
            default -> Intent.EVENT_DATE;
        };
    }

    private static Reply.Button button(String labelKey, Intent intent) {
        return new Reply.Button(SAY.text(labelKey), ButtonCodes.encode(intent, null));
    }

    private static String shortened(String text) {
        String t = text.strip();
        return t.codePointCount(0, t.length()) > 40 ? t.substring(0, t.offsetByCodePoints(0, 40)) + "…" : t;
    }
}
