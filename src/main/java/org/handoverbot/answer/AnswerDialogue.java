package org.handoverbot.answer;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.handoverbot.knowledge.KnowledgeBase;
import org.handoverbot.knowledge.Source;
import org.handoverbot.nlp.EntityKind;
import org.handoverbot.nlp.Entities;
import org.handoverbot.nlp.Gazetteer;
import org.handoverbot.nlp.GazetteerEntry;
import org.handoverbot.nlp.Intent;
import org.handoverbot.nlp.Mention;
import org.handoverbot.nlp.Understanding;

/**
 * The bot's side of every conversation: understands a message, resolves what it is about (named in the
 * question, else remembered from the chat), and composes the reply for its intent from the knowledge base.
 * Never throws: bad input and failures become polite replies.
 */
public final class AnswerDialogue implements Dialogue {

    /** Below this classifier confidence the bot asks back instead of guessing (the understander's own threshold). */
    public static final double DEFAULT_MIN_CONFIDENCE = org.handoverbot.nlp.QuestionUnderstander.CONFIDENCE_THRESHOLD;
    /** Longer messages are not questions; they get a polite request for a short one. */
    public static final int MAX_QUESTION = 1000;
    /** At most this many bases are answered from one question. */
    static final int MAX_BASES = 3;

    private static final System.Logger LOG = System.getLogger(AnswerDialogue.class.getName());

    private final Function<String, Understanding> understander;
    private final Gazetteer gazetteer;
    private final ConversationMemory memory;
    private final double minConfidence;
    private final Supplier<KnowledgeBase> knowledge;
    private final Optional<SubscriptionDesk> desk;
    private final EventSentences sentences;
    private final UnknownPlaces unknownPlaces;
    private final UnknownSpeakers unknownSpeakers;
    private final Names names;
    /** The composers over the last model seen: rebuilt (cheaply) only when the model was replaced. */
    private volatile Composers latest;

    /**
     * The composers over one model. Each message takes the model once and answers wholly from it, so an
     * answer in flight when the knowledge is replaced finishes on the model it started with.
     */
    private record Composers(KnowledgeBase model, EventQueries queries, FactReplies facts, QuoteReplies quotes,
                             TimelineReplies timeline, ServiceReplies service) {
    }

    /** Over fixed knowledge (tests, one-off answers). */
    public AnswerDialogue(KnowledgeBase knowledge, Gazetteer gazetteer, Function<String, Understanding> understander,
                          Optional<SubscriptionDesk> desk) {
        this(knowledge, gazetteer, understander, desk, new ConversationMemory(), DEFAULT_MIN_CONFIDENCE);
    }

    public AnswerDialogue(KnowledgeBase knowledge, Gazetteer gazetteer, Function<String, Understanding> understander,
                          Optional<SubscriptionDesk> desk, ConversationMemory memory, double minConfidence) {
        this(() -> knowledge, gazetteer, understander, desk, memory, minConfidence);
    }

    /**
     * Over knowledge that changes (the bot: {@code LiveKnowledge}): the supplier is asked once per message and
     * that model answers the whole message.
     */
    public AnswerDialogue(Supplier<KnowledgeBase> knowledge, Gazetteer gazetteer,
                          Function<String, Understanding> understander, Optional<SubscriptionDesk> desk,
                          ConversationMemory memory, double minConfidence) {
        this.knowledge = knowledge;
        this.understander = understander;
        this.gazetteer = gazetteer;
        this.memory = memory;
        this.minConfidence = minConfidence;
        this.desk = desk;
        this.names = new Names(gazetteer);
        this.sentences = new EventSentences(names);
        this.unknownPlaces = new UnknownPlaces(gazetteer);
        this.unknownSpeakers = new UnknownSpeakers(gazetteer);
    }

    /** The composers over the model of this moment; called once per message. */
    private Composers composers() {
        KnowledgeBase model = knowledge.get();
        Composers c = latest;
        if (c == null || c.model() != model) {
            EventQueries queries = new EventQueries(model, names);
            FactReplies facts = new FactReplies(queries, sentences);
            c = new Composers(model, queries, facts, new QuoteReplies(queries, sentences),
                    new TimelineReplies(queries, sentences, facts), new ServiceReplies(queries, names, desk));
            latest = c;
        }
        return c;
    }

    @Override
    public Reply onText(long chatId, String text) {
        return guarded(chatId, c -> badInput(c, text).orElseGet(() ->
                answer(c, chatId, memory.recall(chatId), understander.apply(text.strip()))));
    }

    /**
     * Answers an understanding already made (as `ask --json` reports it) on its own: no conversation is read
     * or remembered. Never throws.
     */
    public Reply answerAlone(Understanding understanding) {
        Composers c = composers();
        try {
            return badInput(c, understanding.question())
                    .orElseGet(() -> answer(c, 0, ChatContext.EMPTY, understanding)).reply();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not answer: " + e);
            return c.service().failure().reply();
        }
    }

    /** Empty, over-long or wordless messages get their own polite reply before any understanding. */
    private Optional<Answer> badInput(Composers c, String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(c.service().empty());
        }
        if (text.length() > MAX_QUESTION) {
            return Optional.of(c.service().tooLong(MAX_QUESTION));
        }
        if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return Optional.of(c.service().noWords());
        }
        return Optional.empty();
    }

    @Override
    public Reply onButton(long chatId, String callbackData) {
        return guarded(chatId, c -> {
            Optional<ButtonCodes.Pressed> pressed = ButtonCodes.decode(callbackData);
            if (pressed.isEmpty()) {
                return c.service().oldButton();
            }
            ButtonCodes.Pressed p = pressed.get();
            Optional<GazetteerEntry> subject = p.subject() == null ? Optional.empty() : gazetteer.byId(p.subject());
            if (p.subject() != null && subject.isEmpty()) {
                return c.service().oldButton();
            }
            String base = subject.filter(e -> e.kind() == EntityKind.BASE).map(GazetteerEntry::id).orElse(null);
            String person = subject.filter(e -> e.kind() == EntityKind.PERSON).map(GazetteerEntry::id).orElse(null);
            return switch (p.intent()) {
                case TIMELINE -> c.timeline().timeline();
                case HELP -> c.service().help();
                case SUBSCRIBE -> c.service().subscribe(chatId, base);
                case STATEMENT -> person != null ? c.quotes().saidBy(person, null, p.page())
                        : base != null || subject.isEmpty() ? c.quotes().saidAbout(base, p.page())
                        : c.quotes().citedFrom(subject.get().id(), p.page());
                default -> base == null ? c.service().oldButton() : aboutBase(c, p.intent(), base);
            };
        });
    }

    @Override
    public Reply onCommand(long chatId, String command, String argument) {
        return guarded(chatId, c -> {
            String name = command == null ? "" : command.strip().replaceFirst("^/", "").replaceFirst("@.*$", "")
                    .toLowerCase(Locale.ROOT);
            String arg = argument == null ? "" : argument.strip();
            return switch (name) {
                case "start" -> {
                    // A deep link (t.me/<bot>?start=<base id>, from an alert or an inline answer) opens on that base.
                    if (isBase(arg)) {
                        yield aboutBase(c, Intent.EVENT_DATE, arg);
                    }
                    Answer hello = c.service().greeting();
                    Answer help = c.service().help();
                    List<Reply.Block> blocks = new ArrayList<>(hello.reply().blocks().subList(0, 1));
                    blocks.addAll(help.reply().blocks().subList(1, help.reply().blocks().size()));
                    yield Answer.of(new Reply(blocks, help.reply().buttons()));
                }
                case "help" -> c.service().help();
                case "timeline", "bases" -> c.timeline().timeline();
                case "source", "sources" -> lastSources(c, chatId);
                case "subscribe" -> subscribe(c, chatId, arg);
                case "unsubscribe", "stop" -> c.service().unsubscribe(chatId);
                default -> c.service().unknownCommand(name);
            };
        });
    }

    private Answer answer(Composers c, long chatId, ChatContext context, Understanding u) {
        return sentences.inCalendar(answerAsked(c, chatId, context, u), u.frame().calendar(), c.queries());
    }

    private Answer answerAsked(Composers c, long chatId, ChatContext context, Understanding u) {
        Intent intent = u.intent();
        Entities entities = u.entities() == null ? Entities.NONE : u.entities();
        List<String> bases = entities.bases().stream().filter(this::isBase).distinct().limit(MAX_BASES).toList();
        String person = entities.people().stream().findFirst().orElse(null);
        if (intent == Intent.GREETING) {
            return c.service().greeting();
        }
        if (intent == Intent.HELP) {
            return c.service().help();
        }
        if (intent == Intent.THANKS && u.confidence() >= minConfidence) {
            return Answer.of(Reply.of(Para.text(ReplyCatalogue.arabic().text("dialogue.thanks")).build()));
        }
        if (u.confidence() < minConfidence) {
            return c.service().clarify(bases.isEmpty() ? context.baseId() : bases.get(0));
        }
        switch (intent) {
            case OUT_OF_SCOPE:
                return c.service().outOfScope();
            case SUBSCRIBE:
                return c.service().subscribe(chatId, bases.isEmpty() ? null : bases.get(0));
            case UNSUBSCRIBE:
                return c.service().unsubscribe(chatId);
            case TIMELINE:
                return entities.date() != null ? c.timeline().period(entities.date()) : c.timeline().timeline();
            case COUNT:
                return c.timeline().count(entities.date());
            case ORDINAL:
                if (entities.ordinal() != null) {
                    return c.timeline().ordinal(entities.ordinal());
                }
                return bases.isEmpty() ? c.timeline().timeline() : aboutBases(c, Intent.EVENT_DATE, bases);
            case COMPARE:
                return compare(c, u.question(), bases, context);
            default:
                break;
        }
        if (!bases.isEmpty()) {
            if (intent == Intent.STATEMENT && person != null) {
                return c.quotes().saidBy(person, bases.get(0), 0);
            }
            return aboutBases(c, intent, bases);
        }
        Optional<String> unknown = unknownPlaces.in(u.question());
        if (unknown.isPresent()) {
            return c.service().unknownPlace(unknown.get());
        }
        if (intent == Intent.STATEMENT && person != null) {
            return c.quotes().saidBy(person, null, 0);
        }
        Optional<String> organisation = entities.organisations().stream().filter(this::isQuotedOrganisation).findFirst();
        if (intent == Intent.STATEMENT && organisation.isPresent()) {
            return c.quotes().citedFrom(organisation.get(), 0);
        }
        Optional<String> speaker = intent == Intent.STATEMENT ? unknownSpeakers.in(u.question()) : Optional.empty();
        if (speaker.isPresent()) {
            return c.quotes().unknownSpeaker(speaker.get());
        }
        if (entities.date() != null && intent != Intent.SOURCE) {
            return c.timeline().period(entities.date());
        }
        if (intent == Intent.SOURCE && !context.sources().isEmpty()) {
            return sourcesAnswer(c, context.sources(), context.baseId());
        }
        if (context.baseId() != null) {
            if (intent == Intent.STATEMENT && context.personId() != null) {
                return c.quotes().saidBy(context.personId(), null, 0);
            }
            return fromContext(aboutBase(c, intent, context.baseId()), context.baseId());
        }
        if (context.eventId() != null && (intent == Intent.EVENT_DATE || intent == Intent.STATUS
                || intent == Intent.LOCATION || intent == Intent.PARTIES)) {
            Optional<Answer> followUp = c.queries().event(context.eventId()).map(c.facts()::event);
            if (followUp.isPresent()) {
                return followUp.get();
            }
        }
        return switch (intent) {
            case STATEMENT -> context.personId() != null ? c.quotes().saidBy(context.personId(), null, 0) : c.quotes().saidAbout(null, 0);
            case REASON -> c.quotes().reason(null);
            case NEXT_STEP -> c.quotes().nextStep(null);
            case ATTACKS -> c.facts().attacks(null);
            case SOURCE -> c.service().sourcesOverview(EventQueries.sourcesOf(c.queries().events()));
            default -> c.service().whichBase(intent);
        };
    }

    private Answer aboutBases(Composers c, Intent intent, List<String> bases) {
        if (bases.size() == 1) {
            return aboutBase(c, intent, bases.get(0));
        }
        List<Reply.Block> blocks = new ArrayList<>();
        List<Reply.Button> buttons = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        Answer last = null;
        for (String base : bases) {
            last = aboutBase(c, intent, base);
            blocks.addAll(last.reply().blocks());
            last.reply().buttons().stream().filter(b -> !buttons.contains(b)).forEach(buttons::add);
            last.sources().stream().filter(s -> !sources.contains(s)).forEach(sources::add);
        }
        return new Answer(new Reply(blocks, buttons.stream().limit(6).toList()), last.baseId(), last.eventId(),
                last.personId(), sources);
    }

    private Answer aboutBase(Composers c, Intent intent, String base) {
        return switch (intent) {
            case PARTIES -> c.facts().parties(base);
            case STATUS -> c.facts().status(base);
            case LOCATION -> c.facts().location(base);
            case EQUIPMENT -> c.facts().equipment(base);
            case ATTACKS -> c.facts().attacks(base);
            case SOURCE -> c.facts().source(base);
            case STATEMENT -> c.quotes().saidAbout(base, 0);
            case REASON -> c.quotes().reason(base);
            case NEXT_STEP -> c.quotes().nextStep(base);
            case TIMELINE -> c.timeline().timeline();
            default -> c.facts().eventDate(base);
        };
    }

    /**
     * A reply about the conversation's base says which base it took, so a follow-up that meant a place the
     * bot does not know is never silently answered with another base's c.facts().
     */
    private Answer fromContext(Answer answer, String baseId) {
        List<Reply.Block> blocks = new ArrayList<>();
        blocks.add(new Reply.Paragraph(List.of(new Reply.Span("(عن " + names.baseLabel(baseId)
                + "، كما في سؤالك السابق)", false))));
        blocks.addAll(answer.reply().blocks());
        return new Answer(new Reply(blocks, answer.reply().buttons()), answer.baseId(), answer.eventId(),
                answer.personId(), answer.sources());
    }

    private Answer compare(Composers c, String question, List<String> bases, ChatContext context) {
        List<String> pair = new ArrayList<>(bases);
        if (pair.size() == 1 && context.baseId() != null && !context.baseId().equals(pair.get(0))) {
            pair.add(0, context.baseId());
        }
        if (pair.size() < 2) {
            Optional<String> unknown = unknownPlaces.in(question);
            if (unknown.isPresent()) {
                return c.service().unknownPlace(unknown.get());
            }
            return pair.isEmpty() ? c.service().whichBase(Intent.EVENT_DATE) : aboutBase(c, Intent.EVENT_DATE, pair.get(0));
        }
        return c.timeline().compare(pair.get(0), pair.get(1));
    }

    private Answer lastSources(Composers c, long chatId) {
        ChatContext context = memory.recall(chatId);
        if (context.sources().isEmpty()) {
            return c.service().noLastAnswer();
        }
        return sourcesAnswer(c, context.sources(), context.baseId());
    }

    private Answer sourcesAnswer(Composers c, List<Source> sources, String baseId) {
        if (sources.isEmpty()) {
            return Answer.of(Reply.of(Para.text("لا تضم مصادري أي خبر بعد.").build()));
        }
        List<Reply.Block> blocks = new ArrayList<>();
        blocks.add(Para.text("مصادر الجواب:").build());
        blocks.addAll(c.facts().sourceDetails(sources));
        return new Answer(new Reply(blocks, List.of()), baseId, null, null, sources);
    }

    private Answer subscribe(Composers c, long chatId, String argument) {
        if (argument.isEmpty()) {
            return c.service().subscribe(chatId, null);
        }
        Optional<String> base = gazetteer.find(argument).stream().map(Mention::entry)
                .filter(e -> e.kind() == EntityKind.BASE).map(GazetteerEntry::id).findFirst();
        return base.map(b -> c.service().subscribe(chatId, b)).orElseGet(() -> c.service().subscribeUnknownBase(argument));
    }

    private boolean isQuotedOrganisation(String id) {
        return gazetteer.byId(id).map(e -> e.kind() == EntityKind.ORGANISATION).orElse(false);
    }

    private boolean isBase(String id) {
        return gazetteer.byId(id).map(e -> e.kind() == EntityKind.BASE).orElse(false);
    }

    private Reply guarded(long chatId, Function<Composers, Answer> work) {
        Composers c = composers();
        try {
            Answer answer = work.apply(c);
            memory.remember(chatId, answer);
            return answer.reply();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not answer chat " + chatId + ": " + e);
            return c.service().failure().reply();
        }
    }
}
