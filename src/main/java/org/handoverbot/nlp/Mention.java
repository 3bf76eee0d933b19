package org.handoverbot.nlp;

/** A gazetteer entry found in a token list: tokens [start, end) of the normalised words. */
public record Mention(GazetteerEntry entry, int start, int end) {
}
