package org.handoverbot.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.handoverbot.nlp.EntityKind;
import org.handoverbot.nlp.Entities;
import org.handoverbot.nlp.Intent;
import org.handoverbot.nlp.Understanding;

/**
 * Answers to share in any chat (Telegram's inline mode: "@bot القائم", "@bot متى سلموا التاجي"): the answer to
 * the question, and for each base it names the base's handover card (date, parties, sources), all from the same
 * understanding and knowledge as chat answers, each on its own (no conversation is read or remembered). A query
 * that is empty, or that the bot cannot take as a question, still gets something useful: the timeline and a
 * note on how to ask. Never throws.
 */
public final class InlineAnswers {

    /** At most this many results for one query; Telegram shows a short list above the keyboard. */
    public static final int MAX_RESULTS = 5;
    /** Telegram sends at most 256 characters of query. */
    public static final int MAX_QUERY = 256;
    private static final int DESCRIPTION = 110;

    /**
     * One shareable result: an id unique within the query's results (at most 64 bytes), its title and one line
     * of description for the list, the reply posted when chosen, and the base it is about (for "ask more").
     */
    public record Result(String id, String title, String description, Reply reply, Optional<String> baseId) {
    }

    private final AnswerDialogue dialogue;
    private final Function<String, Understanding> understander;
    private final Names names;
    private final double minConfidence;
    private final ReplyCatalogue replies = ReplyCatalogue.arabic();
    private final PlainTextRenderer plain = new PlainTextRenderer();

    public InlineAnswers(AnswerDialogue dialogue, Function<String, Understanding> understander, Names names) {
        this(dialogue, understander, names, AnswerDialogue.DEFAULT_MIN_CONFIDENCE);
    }

    InlineAnswers(AnswerDialogue dialogue, Function<String, Understanding> understander, Names names, double minConfidence) {
        this.dialogue = dialogue;
        this.understander = understander;
        this.names = names;
        this.minConfidence = minConfidence;
    }

    /** The results for what the user typed after the bot's name; never empty. */
    public List<Result> answer(String query) {
        String q = query == null ? "" : query.strip().replaceAll("\\s+", " ");
        if (q.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return List.of(timeline(), help());
        }
        if (q.length() > MAX_QUERY) {
            q = q.substring(0, MAX_QUERY);
        }
        List<Result> results = new ArrayList<>();
        try {
            Understanding u = understander.apply(q);
            List<String> bases = u.entities() == null ? List.of() : u.entities().bases().stream()
                    .filter(this::isBase).distinct().limit(AnswerDialogue.MAX_BASES).toList();
            // A bare base name ("القائم") is not a question the classifier is sure of; its card is the answer.
            boolean sure = u.confidence() >= minConfidence;
            if (sure || bases.isEmpty()) {
                Reply reply = dialogue.answerAlone(u);
                results.add(result("answer", replies.format("telegram.inline.answer_title", "question", q), reply,
                        bases.size() == 1 ? Optional.of(bases.get(0)) : Optional.empty()));
            }
            for (String base : bases) {
                Reply card = dialogue.answerAlone(new Understanding(q, Intent.EVENT_DATE, 1.0,
                        new Entities(List.of(base), List.of(), List.of(), null, null)));
                if (results.stream().noneMatch(r -> r.reply().equals(card))) {
                    results.add(result("card:" + base, replies.format("telegram.inline.card_title", "base",
                            names.baseLabel(base)), card, Optional.of(base)));
                }
            }
            // Nothing concrete asked (off the subject, or not understood): the timeline is worth sharing instead.
            if (bases.isEmpty() && (!sure || u.intent() == Intent.OUT_OF_SCOPE)) {
                results.add(timeline());
            }
        } catch (RuntimeException e) {
            // answerAlone never throws; the understander might. A shared answer is not worth an error.
            System.getLogger(InlineAnswers.class.getName()).log(System.Logger.Level.WARNING,
                    "inline query not answered: " + e);
        }
        if (results.isEmpty()) {
            return List.of(timeline(), help());
        }
        return results.stream().limit(MAX_RESULTS).toList();
    }

    private Result timeline() {
        String title = replies.text("telegram.inline.timeline_title");
        return result("timeline", title, dialogue.answerAlone(new Understanding(title, Intent.TIMELINE, 1.0, Entities.NONE)),
                Optional.empty());
    }

    private Result help() {
        return result("help", replies.text("telegram.inline.help_title"),
                Reply.of(Reply.Paragraph.plain(replies.text("telegram.inline.help_text"))), Optional.empty());
    }

    private Result result(String id, String title, Reply reply, Optional<String> baseId) {
        return new Result(id, title, description(reply), reply, baseId);
    }

    /** The reply's opening words, on one line, for the list Telegram shows. */
    private String description(Reply reply) {
        String text = plain.render(reply).replaceAll("\\s+", " ").strip();
        if (text.length() <= DESCRIPTION) {
            return text;
        }
        int cut = text.lastIndexOf(' ', DESCRIPTION);
        return text.substring(0, cut > DESCRIPTION / 2 ? cut : DESCRIPTION) + "…";
    }

    private boolean isBase(String id) {
        return names.gazetteer().byId(id).map(e -> e.kind() == EntityKind.BASE).orElse(false);
    }
}
