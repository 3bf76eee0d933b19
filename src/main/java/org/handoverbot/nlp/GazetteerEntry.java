package org.handoverbot.nlp;

import java.util.List;

/** One named thing: a base, person, organisation or province, with every written form people use. */
public record GazetteerEntry(String id, EntityKind kind, String name, String english, List<String> aliases,
                             String province, String title) {

    public GazetteerEntry {
        aliases = List.copyOf(aliases);
    }
}
