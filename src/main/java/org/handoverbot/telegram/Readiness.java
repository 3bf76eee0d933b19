package org.handoverbot.telegram;

import java.util.Optional;

/**
 * Whether this instance should be sent updates now (GET /health beside the webhook: 200 when ready, 503 with the
 * reason when not), e.g. the database answers and the knowledge model and the intent model are loaded. A proxy
 * or load balancer in front of several instances takes a not-ready one out of the rotation.
 */
@FunctionalInterface
public interface Readiness {

    Readiness ALWAYS = () -> Optional.empty();

    /** Empty when ready; otherwise one line saying what is missing. */
    Optional<String> notReadyBecause();
}
