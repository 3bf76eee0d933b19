package org.handoverbot.nlp;

import java.util.Locale;

/** How the asked-about event stands to the anchor (a base's handover, or a date range for BETWEEN). */
public enum Relation {
    BEFORE, AFTER, RIGHT_BEFORE, RIGHT_AFTER, BETWEEN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the relations that look later in time. */
    public boolean later() {
        return this == AFTER || this == RIGHT_AFTER;
    }

    /** True for "right after / right before": one step, not every event on that side. */
    public boolean adjacent() {
        return this == RIGHT_AFTER || this == RIGHT_BEFORE;
    }
}
