package org.handoverbot.alerts;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.handoverbot.answer.Reply;
import org.handoverbot.answer.TelegramHtmlRenderer;
import org.handoverbot.knowledge.Event;
import org.handoverbot.knowledge.EventStatus;
import org.handoverbot.knowledge.KnowledgeBase;
import org.handoverbot.knowledge.Quote;
import org.handoverbot.knowledge.Source;

/**
 * Alerts as Telegram HTML, read from the knowledge base and kept per event, so a broadcast to thousands of
 * chats composes each alert once. An alert is one message: if the quote would make it longer than Telegram
 * takes, the quote is left out rather than cut.
 */
public final class AlertMessages implements AlertTexts {

    private static final int KEEP = 256;

    private final KnowledgeBase knowledge;
    private final AlertComposer composer;
    private final TelegramHtmlRenderer renderer;
    private final Map<Long, String> composed = new ConcurrentHashMap<>();
    private final Optional<AlertDigests> digests;
    private final Optional<AlertDigestComposer> digestComposer;
    private final Map<Long, Optional<String>> composedDigests = new ConcurrentHashMap<>();

    public AlertMessages(KnowledgeBase knowledge, AlertComposer composer, TelegramHtmlRenderer renderer) {
        this(knowledge, composer, renderer, Optional.empty(), Optional.empty());
    }

    /** With digests: a row standing for many events of one ingest gets one alert listing them. */
    public AlertMessages(KnowledgeBase knowledge, AlertComposer composer, TelegramHtmlRenderer renderer,
                         AlertDigests digests, AlertDigestComposer digestComposer) {
        this(knowledge, composer, renderer, Optional.of(digests), Optional.of(digestComposer));
    }

    private AlertMessages(KnowledgeBase knowledge, AlertComposer composer, TelegramHtmlRenderer renderer,
                          Optional<AlertDigests> digests, Optional<AlertDigestComposer> digestComposer) {
        this.knowledge = knowledge;
        this.composer = composer;
        this.renderer = renderer;
        this.digests = digests;
        this.digestComposer = digestComposer;
    }

    @Override
    public Optional<String> htmlFor(OutboxRow row) {
        if (row.digestId() == null || digests.isEmpty() || digestComposer.isEmpty()) {
            return htmlFor(row.eventId());
        }
        if (composedDigests.size() >= KEEP) {
            composedDigests.clear();
        }
        return composedDigests.computeIfAbsent(row.digestId(), id -> digests.get().digest(id).flatMap(d -> {
            List<Event> events = d.eventIds().stream().map(knowledge::event).flatMap(Optional::stream).toList();
            return events.isEmpty() ? Optional.empty()
                    : Optional.of(renderer.render(digestComposer.get().compose(events, d.baseId())).get(0));
        }));
    }

    @Override
    public Optional<String> htmlFor(long eventId) {
        String html = composed.get(eventId);
        if (html != null) {
            return Optional.of(html);
        }
        Optional<Event> event = knowledge.event(eventId);
        if (event.isEmpty()) {
            return Optional.empty();
        }
        List<String> messages = renderer.render(composer.compose(event.get(), quoteFor(event.get())));
        if (messages.size() > 1) {
            messages = renderer.render(composer.compose(event.get(), Optional.empty()));
        }
        html = messages.get(0);
        if (composed.size() >= KEEP) {
            composed.clear();
        }
        composed.put(eventId, html);
        return Optional.of(html);
    }

    /** The alert as a Reply, for front ends that show it themselves (the terminal chat). */
    public Optional<Reply> replyFor(long eventId) {
        return knowledge.event(eventId).map(e -> composer.compose(e, quoteFor(e)));
    }

    /**
     * One quote from an article that reports the event: on the handover itself first (or on the next step,
     * for a plan), else the first in article order. None when no reporting article quotes anyone.
     */
    Optional<Quote> quoteFor(Event event) {
        Set<Long> articles = event.sources().stream().map(Source::articleId).filter(a -> a != null)
                .collect(Collectors.toSet());
        if (articles.isEmpty()) {
            return Optional.empty();
        }
        List<Quote> candidates = (event.baseId() == null ? knowledge.quotes() : knowledge.quotesAbout(event.baseId()))
                .stream().filter(q -> articles.contains(q.articleId())).toList();
        String topic = event.status() == EventStatus.PLANNED ? "next_step" : "handover";
        return candidates.stream()
                .min(Comparator.comparingInt((Quote q) -> q.topics().contains(topic) ? 0 : 1));
    }
}
