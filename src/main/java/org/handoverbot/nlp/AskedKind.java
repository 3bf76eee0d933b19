package org.handoverbot.nlp;

import java.util.Locale;

/** The kind of event a question is about; none named means a handover. */
public enum AskedKind {
    HANDOVER, PLANNED, ANNOUNCEMENT, ATTACK, STATEMENT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
