package org.handoverbot.knowledge;

import java.time.LocalDate;

/**
 * Where one fact comes from: the report that carries it (publisher, date, url) and, where the report cites
 * someone, who (citedSource: "وكالة الأنباء العراقية"; citedSpeaker: "مصدر مسؤول"). evidence is the sentence
 * the fact was read from, verbatim, for article texts; null for structured records. articleId is null for
 * structured records.
 */
public record Source(long id, String publisher, LocalDate published, String url, String citedSource,
                     String citedSpeaker, String evidence, Long articleId) {
}
