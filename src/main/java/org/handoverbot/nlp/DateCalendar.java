package org.handoverbot.nlp;

import java.util.Locale;

/** The calendar a reply should write dates in ("بالهجري" asks for the Hijri one beside the Gregorian). */
public enum DateCalendar {
    GREGORIAN, HIJRI;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
