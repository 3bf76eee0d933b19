package org.handoverbot.telegram.fake;

import java.util.Optional;

/**
 * Decides, before the fake server does a sending method (sendMessage, editMessageText, sendChatAction...),
 * whether to refuse it. Gates are asked in the order they were added; the first failure wins.
 * This is the hook for scripted faults and for rate-limit enforcement (e.g. 30 messages/s overall,
 * 1 per second per chat) in load benchmarks. Implementations must be thread-safe: calls arrive in parallel.
 */
@FunctionalInterface
public interface SendGate {

    Optional<ApiFailure> check(ApiCall call);
}
