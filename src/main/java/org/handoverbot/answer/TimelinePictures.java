package org.handoverbot.answer;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.handoverbot.knowledge.Event;
import org.handoverbot.knowledge.KnowledgeBase;
import org.handoverbot.nlp.Intent;

/**
 * The /timeline picture as it goes to Telegram: the PNG, a caption naming the sources of every handover drawn
 * (Telegram HTML, within the 1024 characters a caption may have), and the button that shows the same list as
 * text. Drawn once and kept until the knowledge changes: the events it was drawn from are the key (the same
 * list for one in-memory model, so checking costs nothing), so an ingest, seen as a refreshed model, redraws it
 * at the next request and nothing else does.
 */
public final class TimelinePictures {

    /** Telegram's limit for a photo caption, after entity parsing; the raw HTML is kept under it too. */
    public static final int MAX_CAPTION = 1024;

    private static final System.Logger LOG = System.getLogger(TimelinePictures.class.getName());

    /** A picture ready to send: PNG bytes, caption (Telegram HTML) and buttons under it. */
    public record Picture(byte[] png, String captionHtml, List<Reply.Button> buttons) {
        public Picture {
            buttons = List.copyOf(buttons);
        }
    }

    private final Supplier<KnowledgeBase> knowledge;
    private final Names names;
    private final TimelinePicture renderer;
    private final ReplyCatalogue replies = ReplyCatalogue.arabic();
    private final Object lock = new Object();
    private List<Event> drawnFrom; // guarded by lock
    private Optional<Picture> drawn = Optional.empty(); // guarded by lock
    private int renderings; // guarded by lock

    public TimelinePictures(KnowledgeBase knowledge, Names names) {
        this(() -> knowledge, names);
    }

    /** From the knowledge current at each request (e.g. the live in-memory model, replaced as the store changes). */
    public TimelinePictures(Supplier<? extends KnowledgeBase> knowledge, Names names) {
        this.knowledge = knowledge::get;
        this.names = names;
        this.renderer = new TimelinePicture(names);
    }

    /**
     * The picture of what the knowledge holds now; empty when there is nothing to draw (no dated handover) or it
     * cannot be drawn here (no font with Arabic letters): the caller then sends the text list. Never throws.
     */
    public Optional<Picture> current() {
        List<Event> events;
        try {
            events = knowledge.get().events();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot read the events for the timeline picture: " + e);
            return Optional.empty();
        }
        synchronized (lock) {
            if (events.equals(drawnFrom)) {
                return drawn;
            }
            drawn = draw(events);
            drawnFrom = events;
            renderings++;
            return drawn;
        }
    }

    /** How many times the picture was drawn (not served from the cache); for tests and figures. */
    public int renderings() {
        synchronized (lock) {
            return renderings;
        }
    }

    private Optional<Picture> draw(List<Event> events) {
        if (!TimelinePicture.drawable(events)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Picture(renderer.png(events), caption(TimelinePicture.handovers(events)),
                    List.of(new Reply.Button(replies.text("timeline.picture.as_text"), ButtonCodes.encode(Intent.TIMELINE, null)))));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot draw the timeline picture: " + e);
            return Optional.empty();
        }
    }

    /**
     * "Handovers (n bases) — sources:" then one line per base naming its publishers. When that is too long for
     * a caption, the publishers once each; when even that is, as many as fit and a pointer to the text list.
     */
    String caption(List<Event> handovers) {
        String head = "<b>" + TelegramHtmlRenderer.escape(replies.format("timeline.picture.caption",
                "bases", ArabicCounts.bases(handovers.size(), ArabicCounts.Case.NOMINATIVE)))
                + "</b>";
        List<String> lines = new ArrayList<>();
        for (Event e : handovers) {
            lines.add(TelegramHtmlRenderer.escape(replies.format("timeline.picture.caption_line", "base", names.base(e.baseId()),
                    "publishers", EventQueries.publishers(e.sources()))));
        }
        String perBase = head + "\n" + String.join("\n", lines);
        if (perBase.length() <= MAX_CAPTION) {
            return perBase;
        }
        String all = head + "\n" + TelegramHtmlRenderer.escape(replies.format("timeline.picture.caption_all",
                "publishers", EventQueries.publishers(EventQueries.sourcesOf(handovers))));
        if (all.length() <= MAX_CAPTION) {
            return all;
        }
        String more = "\n" + TelegramHtmlRenderer.escape(replies.text("timeline.picture.caption_more"));
        StringBuilder fitting = new StringBuilder(head);
        for (String line : lines) {
            if (fitting.length() + 1 + line.length() + more.length() > MAX_CAPTION) {
                break;
            }
            fitting.append('\n').append(line);
        }
        return fitting.append(more).toString();
    }
}
