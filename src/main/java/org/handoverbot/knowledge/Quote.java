package org.handoverbot.knowledge;

import java.util.List;
import java.util.Set;

/**
 * Words between «» in an article, verbatim, with the speaker and title as the article gives them.
 * speakerId is a gazetteer id where the speaker is known there (null for "مصدر مسؤول").
 * topics are tags the extractor read from the words (reason, next_step, equipment, handover, ...);
 * baseIds are the bases the quote's sentence names; when it names none, the bases whose handover the article
 * reports as done (else every base its events concern). Topics in use: handover, status, reason, capability,
 * next_step, equipment, attacks, talks.
 */
public record Quote(long id, long articleId, String speakerId, String speakerName, String speakerTitle,
                    String text, Set<String> topics, List<String> baseIds, Source source) {

    public Quote {
        topics = Set.copyOf(topics);
        baseIds = List.copyOf(baseIds);
    }
}
