package org.handoverbot.knowledge;

import java.time.LocalDate;
import java.util.List;

/**
 * An event as read from one article or one structured record, before it is merged with what is stored.
 * Identity in the store is kind, status, base and date (see {@link KnowledgeWriter}). dateFlag says why the
 * date is doubtful (its weekday disagrees), null when it is not; baseName is the base as written when the
 * gazetteer does not know it (baseId is then null). Both send the event to an operator's review.
 */
record EventDraft(EventKind kind, EventStatus status, String baseId, String fromParty, String toParty,
                  LocalDate date, Boolean complete, Integer ordinal, List<Figure> figures, String summary,
                  List<SourceDraft> sources, String dateFlag, String baseName) {

    EventDraft {
        figures = List.copyOf(figures);
        sources = List.copyOf(sources);
    }

    EventDraft(EventKind kind, EventStatus status, String baseId, String fromParty, String toParty,
               LocalDate date, Boolean complete, Integer ordinal, List<Figure> figures, String summary,
               List<SourceDraft> sources) {
        this(kind, status, baseId, fromParty, toParty, date, complete, ordinal, figures, summary, sources, null, null);
    }
}
