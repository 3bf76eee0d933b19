package org.handoverbot.alerts;

import java.time.LocalDate;
import java.util.List;

import org.handoverbot.knowledge.Event;
import org.handoverbot.knowledge.EventKind;
import org.handoverbot.knowledge.EventStatus;
import org.handoverbot.knowledge.Source;

/** Events as ingest reports them to the listener, for tests that drive the outbox writer directly. */
final class Events {

    private Events() {
    }

    static Event handover(long id, String baseId, LocalDate date) {
        return new Event(id, EventKind.HANDOVER, EventStatus.DONE, baseId, "coalition", "iraqi-forces", date, true,
                null, List.of(), "تسليم قاعدة", null, List.of(source(id)));
    }

    static Event planned(long id, String baseId) {
        return new Event(id, EventKind.HANDOVER, EventStatus.PLANNED, baseId, "coalition", "iraqi-forces", null, null,
                null, List.of(), "خطوة مقبلة", null, List.of(source(id)));
    }

    static Event attack(long id) {
        return new Event(id, EventKind.ATTACK, EventStatus.DONE, null, null, null, LocalDate.of(2020, 3, 19), null,
                null, List.of(), "هجوم صاروخي", null, List.of(source(id)));
    }

    static Source source(long id) {
        return new Source(id, "الحل نت", LocalDate.of(2020, 3, 19), null, "وكالة الأنباء العراقية", "مصدر مسؤول",
                "سلم التحالف الدولي قاعدة القائم", 1L);
    }
}
