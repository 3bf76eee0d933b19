package org.handoverbot.knowledge;

import java.util.List;

/** A structured records file, parsed and checked: its events with their sources (no evidence sentences). */
public record RecordsInput(String name, int version, List<EventDraft> events) {

    public RecordsInput {
        events = List.copyOf(events);
    }
}
