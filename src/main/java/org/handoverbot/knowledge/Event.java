package org.handoverbot.knowledge;

import java.time.LocalDate;
import java.util.List;

/**
 * Something that happened or was announced, with every source that reports it.
 * baseId is a gazetteer id (null for an attack on an unnamed base); fromParty/toParty are gazetteer ids;
 * date is null when no source gives it (never guessed); complete is null when not said.
 * ordinal is the sources' own count of handovers ("the third"), null when none; linkedEventId ties a planned
 * step to the handover that fulfilled it (and back).
 */
public record Event(long id, EventKind kind, EventStatus status, String baseId, String fromParty, String toParty,
                    LocalDate date, Boolean complete, Integer ordinal, List<Figure> figures, String summary,
                    Long linkedEventId, List<Source> sources) {

    public Event {
        figures = List.copyOf(figures);
        sources = List.copyOf(sources);
    }
}
