package org.handoverbot.cli;

import org.handoverbot.knowledge.Event;
import org.handoverbot.knowledge.Review;

/** One operator's line for an event held for review (the command line and /review share it). */
public final class ReviewLines {

    private ReviewLines() {
    }

    public static String line(Review.Pending p) {
        Event e = p.event();
        String base = e.baseId() != null ? e.baseId() : p.baseName() != null ? "«" + p.baseName() + "»" : "-";
        String source = e.sources().isEmpty() ? "" : " — " + e.sources().get(0).publisher()
                + (e.sources().get(0).published() == null ? "" : " " + e.sources().get(0).published());
        return "#" + e.id() + " " + e.kind() + " " + e.status() + " " + base + " "
                + (e.date() == null ? "date unknown" : e.date().toString())
                + (e.fromParty() != null || e.toParty() != null ? " " + e.fromParty() + " -> " + e.toParty() : "")
                + " — " + p.reason() + source;
    }
}
