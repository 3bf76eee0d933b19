package org.handoverbot.knowledge;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** How an extraction is laid beside a fixture's expected file: the fields the newsroom's text decides. */
final class FixtureViews {

    private FixtureViews() {
    }

    static Map<String, Object> row(EventDraft e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
        m.put("status", e.status().name().toLowerCase(Locale.ROOT));
        m.put("base", e.baseId());
        m.put("date", e.date() == null ? null : e.date().toString());
        m.put("from", e.fromParty());
        m.put("to", e.toParty());
        m.put("dateFlag", e.dateFlag() != null);
        m.put("baseName", e.baseName());
        return m;
    }

    static String via(QuoteDraft q) {
        return q.source() == null ? null : q.source().citedVia();
    }
}
