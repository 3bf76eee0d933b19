package org.handoverbot.nlp;

import java.util.List;

/**
 * What a question names. Bases, people and organisations are gazetteer ids, in the order named.
 * ordinal: a position in the handover timeline (1 = first); {@link #LAST} for "the latest"; null when none.
 */
public record Entities(List<String> bases, List<String> people, List<String> organisations, DateMention date,
                       Integer ordinal) {

    public static final int LAST = -1;

    public static final Entities NONE = new Entities(List.of(), List.of(), List.of(), null, null);

    public Entities {
        bases = List.copyOf(bases);
        people = List.copyOf(people);
        organisations = List.copyOf(organisations);
    }

    public boolean namesNoBase() {
        return bases.isEmpty();
    }
}
