package org.handoverbot.nlp;

/** A question as the bot understood it: the intent, how sure the classifier is (0..1), and what it names. */
public record Understanding(String question, Intent intent, double confidence, Entities entities) {
}
