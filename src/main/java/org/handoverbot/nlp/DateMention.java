package org.handoverbot.nlp;

/** A date or part of one named in a question ("نيسان 2020", "2020", "19 آذار"); absent parts are null. */
public record DateMention(Integer year, Integer month, Integer day) {
}
