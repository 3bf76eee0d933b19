package org.handoverbot.alerts;

import java.util.ArrayList;
import java.util.List;

import org.handoverbot.answer.ArabicDates;
import org.handoverbot.answer.Reply;
import org.handoverbot.answer.Reply.Paragraph;
import org.handoverbot.answer.Reply.Span;
import org.handoverbot.answer.ReplyCatalogue;
import org.handoverbot.knowledge.Event;
import org.handoverbot.knowledge.EventKind;
import org.handoverbot.knowledge.EventStatus;
import org.handoverbot.nlp.Gazetteer;
import org.handoverbot.nlp.GazetteerEntry;

/**
 * One alert for many new events (a bulk ingest): how many, the first few as one line each (what, where, the
 * day where the sources give one), how many more, and where to read them all. Wording: alert.digest.*.
 */
public final class AlertDigestComposer {

    /** Events listed by name; the rest are counted. */
    static final int LISTED = 5;

    private final Gazetteer gazetteer;
    private final ReplyCatalogue replies = ReplyCatalogue.arabic();

    public AlertDigestComposer(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** events: the digest's events still known, in order; baseId: the base its recipients follow, or null. */
    public Reply compose(List<Event> events, String baseId) {
        List<Reply.Block> blocks = new ArrayList<>();
        List<Span> headline = new ArrayList<>(replies.spans("alert.headline"));
        headline.add(new Span(" ", false));
        headline.add(new Span(baseId == null
                ? replies.format("alert.digest.title", "count", events.size())
                : replies.format("alert.digest.title.base", "count", events.size(), "base", name(baseId)), false));
        blocks.add(new Paragraph(headline));
        List<String> lines = new ArrayList<>();
        for (Event e : events.subList(0, Math.min(LISTED, events.size()))) {
            lines.add(line(e));
        }
        if (events.size() > LISTED) {
            lines.add(replies.format("alert.digest.more", "count", events.size() - LISTED));
        }
        blocks.add(Paragraph.plain(String.join("\n", lines)));
        blocks.add(replies.paragraph("alert.digest.read"));
        blocks.add(replies.paragraph("alert.unsubscribe"));
        return new Reply(blocks, List.of());
    }

    private String line(Event e) {
        String kind = e.kind() == EventKind.HANDOVER
                ? (e.status() == EventStatus.DONE ? "alert.digest.line.handover" : "alert.digest.line.planned")
                : "alert.digest.line.announcement";
        String place = e.baseId() == null ? replies.text("alert.digest.no-base") : name(e.baseId());
        String line = replies.format(kind, "base", place);
        return e.date() == null ? line : replies.format("alert.digest.line.dated", "line", line,
                "date", ArabicDates.format(e.date()));
    }

    private String name(String baseId) {
        return gazetteer.byId(baseId).map(GazetteerEntry::name).orElse(baseId);
    }
}
