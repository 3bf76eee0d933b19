package org.handoverbot.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.handoverbot.answer.AnswerDialogue;
import org.handoverbot.answer.PlainTextRenderer;
import org.handoverbot.nlp.DateMention;
import org.handoverbot.nlp.Entities;
import org.handoverbot.nlp.Frame;
import org.handoverbot.nlp.QuestionUnderstander;
import org.handoverbot.nlp.Understanding;

/**
 * `ask --json`: one question a line in, one JSON object a line out (question, intent, confidence, entities,
 * frame, reply), each line answered on its own. A blank line is answered too, so output lines match input lines.
 */
final class JsonAnswers {

    private final QuestionUnderstander understander;
    private final AnswerDialogue dialogue;
    private final ObjectMapper json = new ObjectMapper();
    private final PlainTextRenderer renderer = new PlainTextRenderer();

    JsonAnswers(QuestionUnderstander understander, AnswerDialogue dialogue) {
        this.understander = understander;
        this.dialogue = dialogue;
    }

    /** Lines answered together at most: what is waiting in the input, up to this many. */
    static final int BATCH = 512;

    /**
     * Answers every line; returns how many. The lines already waiting in the input (up to {@link #BATCH}) are
     * answered together on every core (each line on its own, so they may run in any order) and printed in input
     * order with one write; a line typed alone is answered at once, as before.
     */
    long run(BufferedReader in, PrintStream out) throws IOException {
        long count = 0;
        List<String> batch = new ArrayList<>(BATCH);
        boolean more = true;
        while (more) {
            String line = in.readLine();
            if (line == null) {
                break;
            }
            batch.add(line);
            while (batch.size() < BATCH && in.ready()) {
                line = in.readLine();
                if (line == null) {
                    more = false;
                    break;
                }
                batch.add(line);
            }
            StringBuilder answers = new StringBuilder();
            for (String answer : (batch.size() == 1 ? batch.stream() : batch.parallelStream()).map(this::answer).toList()) {
                answers.append(answer).append(System.lineSeparator());
            }
            out.print(answers);
            out.flush();
            count += batch.size();
            batch.clear();
        }
        return count;
    }

    String answer(String question) {
        Understanding u = understander.understand(question);
        ObjectNode node = json.createObjectNode();
        node.put("question", question);
        node.put("intent", u.intent().label());
        node.put("confidence", BigDecimal.valueOf(u.confidence()).setScale(3, RoundingMode.HALF_UP));
        node.set("entities", entities(u.entities() == null ? Entities.NONE : u.entities()));
        node.set("frame", frame(u.frame()));
        node.put("reply", renderer.render(dialogue.answerAlone(u)));
        try {
            return json.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** The frame: its act, each slot with its role, and whether it is a follow-up that only names slots. */
    private ObjectNode frame(Frame frame) {
        ObjectNode node = json.createObjectNode();
        node.put("act", frame.act().label());
        ArrayNode slots = node.putArray("slots");
        for (Frame.Slot slot : frame.slots()) {
            slots.addObject().put("role", slot.role()).put("value", slot.value());
        }
        node.put("elliptic", frame.elliptic());
        return node;
    }

    private ObjectNode entities(Entities entities) {
        ObjectNode node = json.createObjectNode();
        ArrayNode bases = node.putArray("bases");
        entities.bases().forEach(bases::add);
        ArrayNode people = node.putArray("people");
        entities.people().forEach(people::add);
        ArrayNode organisations = node.putArray("organisations");
        entities.organisations().forEach(organisations::add);
        DateMention date = entities.date();
        if (date == null) {
            node.putNull("date");
        } else {
            ObjectNode d = node.putObject("date");
            putOrNull(d, "year", date.year());
            putOrNull(d, "month", date.month());
            putOrNull(d, "day", date.day());
        }
        putOrNull(node, "ordinal", entities.ordinal());
        return node;
    }

    private static void putOrNull(ObjectNode node, String field, Integer value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
