package org.handoverbot.answer;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.handoverbot.knowledge.KnowledgeBase;
import org.handoverbot.nlp.Act;
import org.handoverbot.nlp.EntityKind;
import org.handoverbot.nlp.Frame;
import org.handoverbot.nlp.Gazetteer;
import org.handoverbot.nlp.GazetteerEntry;
import org.handoverbot.nlp.Intent;
import org.handoverbot.nlp.Mention;
import org.handoverbot.nlp.Understanding;

/**
 * The bot's side of every conversation: understands a message as a frame, resolves it against the chat's state
 * ({@link FrameResolver}), and lets the composer of its act write the reply from the knowledge ({@link FrameAnswers},
 * one dispatch table). Buttons carry frames and take the same way. Never throws: bad input and failures become
 * polite replies.
 */
public final class AnswerDialogue implements Dialogue {

    /** Below this classifier confidence the bot asks back instead of guessing (the understander's own threshold). */
    public static final double DEFAULT_MIN_CONFIDENCE = org.handoverbot.nlp.QuestionUnderstander.CONFIDENCE_THRESHOLD;
    /** Longer messages are not questions; they get a polite request for a short one. */
    public static final int MAX_QUESTION = 1000;
    /** At most this many bases are answered from one question. */
    static final int MAX_BASES = FrameAnswers.MAX_BASES;

    private static final System.Logger LOG = System.getLogger(AnswerDialogue.class.getName());

    private final Function<String, Understanding> understander;
    private final Gazetteer gazetteer;
    private final ConversationMemory memory;
    private final double minConfidence;
    private final Supplier<KnowledgeBase> knowledge;
    private final Optional<SubscriptionDesk> desk;
    private final EventSentences sentences;
    private final Names names;
    private final FrameResolver resolver = new FrameResolver();
    private final FrameAnswers answers;
    /** The composers over the last model seen: rebuilt (cheaply) only when the model was replaced. */
    private volatile Composers latest;

    /** One message's outcome: the answer and the frame it answered (null for commands), for the chat's state. */
    private record Turn(Answer answer, Frame frame) {
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
        this.answers = new FrameAnswers(names);
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
        return guarded(chatId, c -> badInput(c, text).map(a -> new Turn(a, null)).orElseGet(() ->
                respond(c, chatId, memory.recall(chatId), understander.apply(text.strip()))));
    }

    /**
     * Answers an understanding already made (as `ask --json` reports it) on its own: no conversation is read
     * or remembered. Never throws.
     */
    public Reply answerAlone(Understanding understanding) {
        Composers c = composers();
        try {
            return badInput(c, understanding.question())
                    .orElseGet(() -> respond(c, 0, ChatContext.EMPTY, understanding).answer()).reply();
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
        if (!hasLetterOrDigit(text)) {
            return Optional.of(c.service().noWords());
        }
        return Optional.empty();
    }

    /** What {@code text.codePoints().anyMatch(Character::isLetterOrDigit)} says, without a stream. */
    private static boolean hasLetterOrDigit(String text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (Character.isLetterOrDigit(codePoint)) {
                return true;
            }
            i += Character.charCount(codePoint);
        }
        return false;
    }

    /** A message: its frame resolved against the chat's state, then the composer of its act. */
    private Turn respond(Composers c, long chatId, ChatContext state, Understanding u) {
        Frame frame = u.frame();
        // greetings and help need no confidence: a wrong one costs nothing
        if (u.intent() == Intent.GREETING || u.intent() == Intent.HELP) {
            return new Turn(answers.answer(c, new FrameAnswers.Ask(frame, chatId, state), false), frame);
        }
        FrameResolver.Resolution resolved = resolver.resolve(frame, state, u.confidence() >= minConfidence);
        if (resolved.unclear()) {
            String base = frame.subject() != null ? frame.subject() : state.baseId();
            return new Turn(c.service().clarify(isBase(base) ? base : null), null);
        }
        Answer answer = answers.answer(c, new FrameAnswers.Ask(resolved.frame(), chatId, state), resolved.fromContext());
        // "بالهجري": the Hijri date beside the Gregorian one, whatever the act
        return new Turn(sentences.inCalendar(answer, resolved.frame().calendar(), c.queries()), resolved.frame());
    }

    @Override
    public Reply onButton(long chatId, String callbackData) {
        return guarded(chatId, c -> {
            Optional<ButtonCodes.Pressed> pressed = ButtonCodes.decode(callbackData);
            if (pressed.isEmpty() || !knows(pressed.get().frame())) {
                return new Turn(c.service().oldButton(), null);
            }
            Frame frame = pressed.get().frame();
            int page = pressed.get().page();
            if (frame.act() == Act.QUOTE && page > 0) {
                return new Turn(quotePage(c, frame, page), frame);
            }
            return new Turn(answers.answer(c, new FrameAnswers.Ask(frame, chatId, memory.recall(chatId)), false), frame);
        });
    }

    /** A further page of quotes: by a person, from an organisation, or about a base. */
    private Answer quotePage(Composers c, Frame frame, int page) {
        String id = frame.speaker() != null ? frame.speaker() : frame.subject();
        Optional<GazetteerEntry> entry = id == null ? Optional.empty() : gazetteer.byId(id);
        EntityKind kind = entry.map(GazetteerEntry::kind).orElse(null);
        if (kind == EntityKind.PERSON) {
            return c.quotes().saidBy(id, null, page);
        }
        if (kind == EntityKind.ORGANISATION) {
            return c.quotes().citedFrom(id, page);
        }
        return c.quotes().saidAbout(kind == EntityKind.BASE ? id : null, page);
    }

    /** Every id a button names must still be in the gazetteer; else it is an old button. */
    private boolean knows(Frame frame) {
        List<String> ids = new ArrayList<>(frame.subjects());
        ids.addAll(frame.anchors());
        if (frame.speaker() != null) {
            ids.add(frame.speaker());
        }
        return ids.stream().allMatch(id -> gazetteer.byId(id).isPresent());
    }

    @Override
    public Reply onCommand(long chatId, String command, String argument) {
        return guarded(chatId, c -> {
            String name = command == null ? "" : command.strip().replaceFirst("^/", "").replaceFirst("@.*$", "")
                    .toLowerCase(Locale.ROOT);
            String arg = argument == null ? "" : argument.strip();
            return new Turn(switch (name) {
                case "start" -> {
                    // A deep link (t.me/<bot>?start=<base id>, from an alert or an inline answer) opens on that base.
                    if (isBase(arg)) {
                        yield answers.forBase(c, Act.DATE, arg);
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
            }, null);
        });
    }

    private Answer lastSources(Composers c, long chatId) {
        ChatContext state = memory.recall(chatId);
        return answers.sources(c, c.queries().sourcesWithIds(state.sourceIds()), state.baseId());
    }

    private Answer subscribe(Composers c, long chatId, String argument) {
        if (argument.isEmpty()) {
            return c.service().subscribe(chatId, null);
        }
        Optional<String> base = gazetteer.find(argument).stream().map(Mention::entry)
                .filter(e -> e.kind() == EntityKind.BASE).map(GazetteerEntry::id).findFirst();
        return base.map(b -> c.service().subscribe(chatId, b)).orElseGet(() -> c.service().subscribeUnknownBase(argument));
    }

    private boolean isBase(String id) {
        return id != null && gazetteer.byId(id).map(e -> e.kind() == EntityKind.BASE).orElse(false);
    }

    private Reply guarded(long chatId, Function<Composers, Turn> work) {
        Composers c = composers();
        try {
            Turn turn = work.apply(c);
            memory.remember(chatId, turn.frame(), turn.answer());
            return turn.answer().reply();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not answer chat " + chatId + ": " + e);
            return c.service().failure().reply();
        }
    }
}
