package org.handoverbot.knowledge;

import java.time.LocalDate;

/**
 * Where one fact comes from: the report that carries it (publisher, date, url) and, where the report cites
 * someone, who (citedSource: "وكالة الأنباء العراقية"; citedSpeaker: "مصدر مسؤول"). evidence is the sentence
 * the fact was read from, verbatim, for article texts; null for structured records. articleId is null for
 * structured records. citedVia is the cited voice's own channel ("بيان"، "تغريدة على حسابه في تويتر"), kept apart
 * from citedSource, the intermediary that carried the words; null when the text names none.
 */
public record Source(long id, String publisher, LocalDate published, String url, String citedSource,
                     String citedSpeaker, String evidence, Long articleId, String citedVia) {

    public Source(long id, String publisher, LocalDate published, String url, String citedSource,
                  String citedSpeaker, String evidence, Long articleId) {
        this(id, publisher, published, url, citedSource, citedSpeaker, evidence, articleId, null);
    }
}
