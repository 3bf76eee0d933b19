package org.handoverbot.knowledge;

import java.util.List;
import java.util.Optional;

/** What the bot knows, read side. Backed by H2; every fact carries its sources. Thread-safe. */
public interface KnowledgeBase {

    /** Every event, in date order; events with no date come last. */
    List<Event> events();

    /** Events about one base (gazetteer id), in date order. */
    List<Event> eventsAbout(String baseId);

    Optional<Event> event(long id);

    /** Every quote, in article order. */
    List<Quote> quotes();

    /** Quotes by one speaker (gazetteer id). */
    List<Quote> quotesBy(String speakerId);

    /** Quotes whose {@link Quote#baseIds()} include this base. */
    List<Quote> quotesAbout(String baseId);
}
