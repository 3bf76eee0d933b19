package org.handoverbot.knowledge;

public enum EventKind {
    /** A base handed over (or to be handed over, when status is PLANNED). */
    HANDOVER,
    /** Talks or an intention announced ("كشف التحالف الدولي عن بدء الحوار"; a US statement). */
    ANNOUNCEMENT,
    /** A rocket or other attack. */
    ATTACK
}
