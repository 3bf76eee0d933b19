package org.handoverbot.alerts;

import java.util.Optional;

/** The alert for an event as Telegram HTML, one message; empty when the event is no longer known. */
@FunctionalInterface
public interface AlertTexts {

    Optional<String> htmlFor(long eventId);
}
