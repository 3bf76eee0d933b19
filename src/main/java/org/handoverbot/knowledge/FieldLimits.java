package org.handoverbot.knowledge;

import java.util.Locale;

/**
 * The longest text each stored field may hold (the column widths of V1-V5), checked before anything is
 * written: a field too long is one line naming the file, the field and both lengths, never the database's
 * "Value too long for column". Nothing is cut: a cut quote or evidence sentence would no longer be verbatim.
 */
final class FieldLimits {

    /** What one value is, in an operator's words, and how long it may be. */
    record Limit(String what, int max) {
    }

    static final Limit PUBLISHER = new Limit("'publisher'", 300);
    static final Limit TITLE = new Limit("'title'", 2000);
    static final Limit URL = new Limit("'url'", 2000);
    static final Limit LANGUAGE = new Limit("'language'", 20);
    static final Limit FILE_NAME = new Limit("the file's name", 1000);
    static final Limit ID = new Limit("an id", 100);
    static final Limit SENTENCE = new Limit("a sentence reporting an event (split it at its full stops)", 4000);
    static final Limit SUMMARY = new Limit("'summary'", 4000);
    static final Limit FIGURE_KIND = new Limit("a figure's 'kind'", 100);
    static final Limit FIGURE_AMOUNT = new Limit("a figure's 'amount'", 100);
    static final Limit FIGURE_NOTE = new Limit("a figure's 'note'", 1000);
    static final Limit CITED = new Limit("a cited source or speaker", 500);
    static final Limit SPEAKER_TITLE = new Limit("a speaker's title", 1000);
    static final Limit TOPIC = new Limit("a quote topic", 50);
    static final Limit EVIDENCE = new Limit("a sentence", 1_000_000);
    static final Limit QUOTE = new Limit("a quote", 1_000_000);

    private FieldLimits() {
    }

    /** A value within its limit passes; null passes. */
    static void check(String file, Limit limit, String value) {
        if (value != null && value.length() > limit.max()) {
            throw new BadInputException(file, tooLong(limit, value.length()));
        }
    }

    static String tooLong(Limit limit, int length) {
        return limit.what() + " is " + String.format(Locale.ROOT, "%,d", length) + " characters long (at most "
                + String.format(Locale.ROOT, "%,d", limit.max()) + ")";
    }

    /** The metadata beside an article. */
    static void check(String file, ArticleMetadata meta) {
        check(file, PUBLISHER, meta.publisher());
        check(file, TITLE, meta.title());
        check(file, URL, meta.url());
        check(file, LANGUAGE, meta.language());
    }

    /** What was read from an article, before it is written. */
    static void check(String file, Extraction extraction) {
        for (EventDraft e : extraction.events()) {
            check(file, e, SENTENCE);
        }
        for (QuoteDraft q : extraction.quotes()) {
            check(file, ID, q.speakerId());
            check(file, CITED, q.speakerName());
            check(file, SPEAKER_TITLE, q.speakerTitle());
            check(file, QUOTE, q.text());
            q.topics().forEach(t -> check(file, TOPIC, t));
            q.baseIds().forEach(b -> check(file, ID, b));
            check(file, q.source());
        }
    }

    /** One event draft; summary: how its summary is named (an article's sentence, or a record's field). */
    static void check(String file, EventDraft e, Limit summary) {
        check(file, ID, e.baseId());
        check(file, ID, e.fromParty());
        check(file, ID, e.toParty());
        check(file, summary, e.summary());
        for (Figure f : e.figures()) {
            check(file, FIGURE_KIND, f.kind());
            check(file, FIGURE_AMOUNT, f.amount());
            check(file, FIGURE_NOTE, f.note());
        }
        for (SourceDraft s : e.sources()) {
            check(file, s);
        }
    }

    static void check(String file, SourceDraft s) {
        check(file, PUBLISHER, s.publisher());
        check(file, URL, s.url());
        check(file, CITED, s.citedSource());
        check(file, CITED, s.citedSpeaker());
        check(file, EVIDENCE, s.evidence());
    }
}
