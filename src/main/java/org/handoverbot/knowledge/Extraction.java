package org.handoverbot.knowledge;

import java.util.List;

/** What one article says, read by {@link ArticleExtractor}: its events (with sources) and its quotes. */
record Extraction(List<EventDraft> events, List<QuoteDraft> quotes) {

    Extraction {
        events = List.copyOf(events);
        quotes = List.copyOf(quotes);
    }
}
