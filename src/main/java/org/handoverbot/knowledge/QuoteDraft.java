package org.handoverbot.knowledge;

import java.util.List;
import java.util.Set;

/** A «…» quote read from an article, before it is stored: see {@link Quote}. */
record QuoteDraft(int position, String speakerId, String speakerName, String speakerTitle, String text,
                  Set<String> topics, List<String> baseIds, SourceDraft source) {

    QuoteDraft {
        topics = Set.copyOf(topics);
        baseIds = List.copyOf(baseIds);
    }
}
