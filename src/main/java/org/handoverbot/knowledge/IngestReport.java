package org.handoverbot.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * What ingesting one file did: the events it added, the known events it gave one more source, the quotes it
 * stored; alreadyKnown when the same article text (or every record) was stored before and nothing changed.
 */
public record IngestReport(String name, boolean alreadyKnown, List<Event> added, List<Event> gainedSources,
                           List<Quote> quotes, List<Event> held) {

    public IngestReport {
        added = List.copyOf(added);
        gainedSources = List.copyOf(gainedSources);
        quotes = List.copyOf(quotes);
        held = List.copyOf(held);
    }

    public IngestReport(String name, boolean alreadyKnown, List<Event> added, List<Event> gainedSources,
                        List<Quote> quotes) {
        this(name, alreadyKnown, added, gainedSources, quotes, List.of());
    }

    /** The same report with the new events held for an operator's review (not told, not alerted). */
    IngestReport withHeld(List<Event> toReview) {
        return new IngestReport(name, alreadyKnown, added, gainedSources, quotes, toReview);
    }

    /** Plain lines for the operator, one fact a line. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        if (alreadyKnown) {
            out.add(name + ": already known, nothing added");
            return out;
        }
        out.add(name + ": " + added.size() + " new event(s), " + gainedSources.size()
                + " known event(s) with a new source, " + quotes.size() + " quote(s)");
        for (Event e : added) {
            out.add("  new    " + describe(e));
        }
        for (Event e : gainedSources) {
            out.add("  known  " + describe(e) + " (+source)");
        }
        for (Event e : held) {
            out.add("  review " + describe(e) + " (held for review: `review list`)");
        }
        for (Quote q : quotes) {
            out.add("  quote  " + (q.speakerName() == null ? "?" : q.speakerName()) + ": «" + shorten(q.text()) + "»");
        }
        return out;
    }

    static String describe(Event e) {
        return "#" + e.id() + " " + e.kind() + " " + e.status() + " " + (e.baseId() == null ? "-" : e.baseId())
                + " " + (e.date() == null ? "date unknown" : e.date().toString())
                + (e.fromParty() != null || e.toParty() != null ? " " + e.fromParty() + " -> " + e.toParty() : "")
                + " [" + e.sources().size() + " source(s)]";
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
}
