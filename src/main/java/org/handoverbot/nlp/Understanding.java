package org.handoverbot.nlp;

/**
 * A question as the bot understood it: the intent, how sure the classifier is (0..1), what it names, and the
 * frame (the act with role-tagged slots) that the answer layer resolves.
 */
public record Understanding(String question, Intent intent, double confidence, Entities entities, Frame frame) {

    public Understanding {
        entities = entities == null ? Entities.NONE : entities;
        frame = frame == null ? Frame.basic(intent, entities) : frame;
    }

    /** An understanding without role rules: its frame is {@link Frame#basic}. */
    public Understanding(String question, Intent intent, double confidence, Entities entities) {
        this(question, intent, confidence, entities, null);
    }
}
