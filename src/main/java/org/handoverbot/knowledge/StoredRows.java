package org.handoverbot.knowledge;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads stored events (with figures and sources) and quotes (with their source) on one connection. */
final class StoredRows {

    private static final String EVENT_COLUMNS = "e.id, e.kind, e.status, e.base_id, e.from_party, e.to_party, "
            + "e.event_date, e.complete, e.ordinal, e.summary, e.linked_event_id";
    private static final String EVENT_ORDER = " ORDER BY e.event_date NULLS LAST, e.id";
    private static final String SOURCE_COLUMNS = "s.id, s.publisher, s.published, s.url, s.cited_source, "
            + "s.cited_speaker, s.evidence, s.article_id";

    private StoredRows() {
    }

    static List<Event> events(Connection c, String where, Object... params) throws SQLException {
        Map<Long, Object[]> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + EVENT_COLUMNS + " FROM event e "
                + (where.isEmpty() ? "" : "WHERE " + where) + EVENT_ORDER)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    rows.put(id, new Object[] {
                            EventKind.valueOf(rs.getString(2)), EventStatus.valueOf(rs.getString(3)), rs.getString(4),
                            rs.getString(5), rs.getString(6), localDate(rs.getDate(7)),
                            (Boolean) rs.getObject(8), (Integer) rs.getObject(9), rs.getString(10),
                            rs.getObject(11) == null ? null : rs.getLong(11)});
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        // figures and sources of all the events in two queries, not two per event
        Map<Long, List<Figure>> figures = new HashMap<>();
        Map<Long, List<Source>> sources = new HashMap<>();
        String ids = rows.keySet().stream().map(String::valueOf).collect(Collectors.joining(","));
        try (PreparedStatement ps = c.prepareStatement("SELECT event_id, kind, amount, note FROM figure "
                + "WHERE event_id IN (" + ids + ") ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                figures.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Figure(rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT es.event_id, " + SOURCE_COLUMNS
                + " FROM source s JOIN event_source es ON es.source_id = s.id WHERE es.event_id IN (" + ids
                + ") ORDER BY s.id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                sources.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(source(rs, 2));
            }
        }
        List<Event> events = new ArrayList<>();
        for (Map.Entry<Long, Object[]> row : rows.entrySet()) {
            long id = row.getKey();
            Object[] r = row.getValue();
            events.add(new Event(id, (EventKind) r[0], (EventStatus) r[1], (String) r[2], (String) r[3], (String) r[4],
                    (LocalDate) r[5], (Boolean) r[6], (Integer) r[7], figures.getOrDefault(id, List.of()),
                    (String) r[8], (Long) r[9], sources.getOrDefault(id, List.of())));
        }
        return events;
    }

    static List<Quote> quotes(Connection c, String where, Object... params) throws SQLException {
        List<Quote> quotes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT q.id, q.article_id, q.speaker_id, q.speaker_name, "
                + "q.speaker_title, q.text, " + SOURCE_COLUMNS + " FROM quote q JOIN source s ON s.id = q.source_id "
                + (where.isEmpty() ? "" : "WHERE " + where) + " ORDER BY q.article_id, q.position")) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    quotes.add(new Quote(id, rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), Set.of(), List.of(), source(rs, 7)));
                }
            }
        }
        if (quotes.isEmpty()) {
            return List.of();
        }
        String ids = quotes.stream().map(q -> String.valueOf(q.id())).collect(Collectors.joining(","));
        Map<Long, Set<String>> topics = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT quote_id, topic FROM quote_topic WHERE quote_id IN (" + ids + ")");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                topics.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2));
            }
        }
        Map<Long, List<String>> bases = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT quote_id, base_id FROM quote_base WHERE quote_id IN (" + ids + ") ORDER BY quote_id, position");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                bases.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        List<Quote> full = new ArrayList<>();
        for (Quote q : quotes) {
            full.add(new Quote(q.id(), q.articleId(), q.speakerId(), q.speakerName(), q.speakerTitle(), q.text(),
                    topics.getOrDefault(q.id(), Set.of()), bases.getOrDefault(q.id(), List.of()), q.source()));
        }
        return full;
    }

    private static Source source(ResultSet rs, int first) throws SQLException {
        return new Source(rs.getLong(first), rs.getString(first + 1), localDate(rs.getDate(first + 2)),
                rs.getString(first + 3), rs.getString(first + 4), rs.getString(first + 5), rs.getString(first + 6),
                rs.getObject(first + 7) == null ? null : rs.getLong(first + 7));
    }

    static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof LocalDate d) {
                ps.setDate(i + 1, Date.valueOf(d));
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    static LocalDate localDate(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
