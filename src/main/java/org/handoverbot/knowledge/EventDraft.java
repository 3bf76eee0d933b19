package org.handoverbot.knowledge;

import java.time.LocalDate;
import java.util.List;

/**
 * An event as read from one article or one structured record, before it is merged with what is stored.
 * Identity in the store is kind, status, base and date (see {@link KnowledgeWriter}).
 */
record EventDraft(EventKind kind, EventStatus status, String baseId, String fromParty, String toParty,
                  LocalDate date, Boolean complete, Integer ordinal, List<Figure> figures, String summary,
                  List<SourceDraft> sources) {

    EventDraft {
        figures = List.copyOf(figures);
        sources = List.copyOf(sources);
    }
}
