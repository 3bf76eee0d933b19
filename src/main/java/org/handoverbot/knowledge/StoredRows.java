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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads stored events (with figures and sources) and quotes (with their source) through a fixed set of
 * statements: the SQL text never changes with the ids asked for, so the database parses and plans each once
 * per connection. {@link #all} reads the whole knowledge (eight statements, whatever its size); the others
 * read what one ingest just wrote, inside its transaction.
 */
final class StoredRows {

    private static final String EVENT_COLUMNS = "e.id, e.kind, e.status, e.base_id, e.from_party, e.to_party, "
            + "e.event_date, e.complete, e.ordinal, e.summary, e.linked_event_id";
    private static final String SOURCE_COLUMNS = "s.id, s.publisher, s.published, s.url, s.cited_source, "
            + "s.cited_speaker, s.evidence, s.article_id, s.cited_via";
    private static final String QUOTE_COLUMNS = "q.id, q.article_id, q.speaker_id, q.speaker_name, q.speaker_title, "
            + "q.text, q.source_id";

    /** Only what the bot tells as fact: events waiting for review or rejected stay out of the answers. */
    private static final String ALL_EVENTS = "SELECT " + EVENT_COLUMNS + " FROM event e WHERE e.review_state IS NULL "
            + "ORDER BY e.id";
    private static final String ALL_FIGURES = "SELECT event_id, kind, amount, note FROM figure ORDER BY id";
    private static final String ALL_SOURCES = "SELECT " + SOURCE_COLUMNS + " FROM source s ORDER BY s.id";
    private static final String ALL_EVENT_SOURCES = "SELECT event_id, source_id FROM event_source ORDER BY source_id";
    private static final String ALL_QUOTES = "SELECT " + QUOTE_COLUMNS + " FROM quote q ORDER BY q.article_id, q.position";
    private static final String ALL_TOPICS = "SELECT quote_id, topic FROM quote_topic";
    private static final String ALL_QUOTE_BASES = "SELECT quote_id, base_id FROM quote_base ORDER BY quote_id, position";

    private static final String ONE_EVENT = "SELECT " + EVENT_COLUMNS + " FROM event e WHERE e.id = ?";
    private static final String EVENT_FIGURES = "SELECT event_id, kind, amount, note FROM figure WHERE event_id = ? ORDER BY id";
    private static final String EVENT_SOURCES = "SELECT " + SOURCE_COLUMNS + " FROM source s "
            + "JOIN event_source es ON es.source_id = s.id WHERE es.event_id = ? ORDER BY s.id";
    private static final String RANGE_EVENTS = "SELECT " + EVENT_COLUMNS + " FROM event e WHERE e.id BETWEEN ? AND ? ORDER BY e.id";
    private static final String RANGE_FIGURES = "SELECT event_id, kind, amount, note FROM figure WHERE event_id BETWEEN ? AND ?"
            + " ORDER BY id";
    private static final String RANGE_SOURCES = "SELECT es.event_id, " + SOURCE_COLUMNS + " FROM source s "
            + "JOIN event_source es ON es.source_id = s.id WHERE es.event_id BETWEEN ? AND ? ORDER BY s.id";
    private static final String ARTICLE_QUOTES = "SELECT " + QUOTE_COLUMNS + " FROM quote q WHERE q.article_id = ? "
            + "ORDER BY q.position";
    private static final String ARTICLE_SOURCES = "SELECT " + SOURCE_COLUMNS + " FROM source s "
            + "WHERE s.id IN (SELECT source_id FROM quote WHERE article_id = ?)";
    private static final String ARTICLE_TOPICS = "SELECT t.quote_id, t.topic FROM quote_topic t "
            + "JOIN quote q ON q.id = t.quote_id WHERE q.article_id = ?";
    private static final String ARTICLE_QUOTE_BASES = "SELECT b.quote_id, b.base_id FROM quote_base b "
            + "JOIN quote q ON q.id = b.quote_id WHERE q.article_id = ? ORDER BY b.quote_id, b.position";

    private StoredRows() {
    }

    /** Every event and quote as stored (the caller makes the reads one consistent view). */
    static KnowledgeModel all(Connection c, long version) throws SQLException {
        Map<Long, Source> sources = new HashMap<>();
        query(c, ALL_SOURCES, rs -> sources.put(rs.getLong(1), source(rs, 1)));
        Map<Long, List<Figure>> figures = new HashMap<>();
        query(c, ALL_FIGURES, rs -> figures.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(figure(rs)));
        Map<Long, List<Source>> eventSources = new HashMap<>();
        query(c, ALL_EVENT_SOURCES, rs -> eventSources.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                .add(sources.get(rs.getLong(2))));
        List<Event> events = new ArrayList<>();
        query(c, ALL_EVENTS, rs -> events.add(event(rs, figures, eventSources)));
        List<Quote> quotes = quotes(c, ALL_QUOTES, ALL_TOPICS, ALL_QUOTE_BASES, sources, null);
        return new KnowledgeModel(version, events, quotes);
    }

    /** One event with its figures and sources. */
    static Optional<Event> event(Connection c, long id) throws SQLException {
        Map<Long, List<Figure>> figures = new HashMap<>();
        query(c, EVENT_FIGURES, rs -> figures.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(figure(rs)), id);
        Map<Long, List<Source>> sources = Map.of(id, new ArrayList<>());
        query(c, EVENT_SOURCES, rs -> sources.get(id).add(source(rs, 1)), id);
        List<Event> found = new ArrayList<>();
        query(c, ONE_EVENT, rs -> found.add(event(rs, figures, sources)), id);
        return found.stream().findFirst();
    }

    /**
     * The events with these ids, in the order asked, each as {@link #event} reads it; many at once are read as
     * one range of ids (three statements instead of three an event: a records file of 50,000 new events read
     * them back one by one).
     */
    static List<Event> events(Connection c, List<Long> ids) throws SQLException {
        if (ids.size() < 32) {
            List<Event> events = new ArrayList<>();
            for (long id : ids) {
                event(c, id).ifPresent(events::add);
            }
            return events;
        }
        long from = ids.stream().mapToLong(Long::longValue).min().orElseThrow();
        long to = ids.stream().mapToLong(Long::longValue).max().orElseThrow();
        Set<Long> wanted = new HashSet<>(ids);
        Map<Long, List<Figure>> figures = new HashMap<>();
        query(c, RANGE_FIGURES, rs -> {
            if (wanted.contains(rs.getLong(1))) {
                figures.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(figure(rs));
            }
        }, from, to);
        Map<Long, List<Source>> sources = new HashMap<>();
        query(c, RANGE_SOURCES, rs -> {
            if (wanted.contains(rs.getLong(1))) {
                sources.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(source(rs, 2));
            }
        }, from, to);
        Map<Long, Event> found = new HashMap<>();
        query(c, RANGE_EVENTS, rs -> {
            if (wanted.contains(rs.getLong(1))) {
                found.put(rs.getLong(1), event(rs, figures, sources));
            }
        }, from, to);
        List<Event> events = new ArrayList<>();
        for (long id : ids) {
            Event e = found.get(id);
            if (e != null) {
                events.add(e);
            }
        }
        return events;
    }

    /** The quotes of one article, in article order. */
    static List<Quote> quotesOfArticle(Connection c, long articleId) throws SQLException {
        Map<Long, Source> sources = new HashMap<>();
        query(c, ARTICLE_SOURCES, rs -> sources.put(rs.getLong(1), source(rs, 1)), articleId);
        return quotes(c, ARTICLE_QUOTES, ARTICLE_TOPICS, ARTICLE_QUOTE_BASES, sources, articleId);
    }

    private static List<Quote> quotes(Connection c, String quoteSql, String topicSql, String baseSql,
                                      Map<Long, Source> sources, Long param) throws SQLException {
        Object[] params = param == null ? new Object[0] : new Object[] {param};
        Map<Long, Set<String>> topics = new HashMap<>();
        query(c, topicSql, rs -> topics.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2)), params);
        Map<Long, List<String>> bases = new HashMap<>();
        query(c, baseSql, rs -> bases.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)), params);
        List<Quote> quotes = new ArrayList<>();
        query(c, quoteSql, rs -> {
            long id = rs.getLong(1);
            quotes.add(new Quote(id, rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), topics.getOrDefault(id, Set.of()), bases.getOrDefault(id, List.of()),
                    sources.get(rs.getLong(7))));
        }, params);
        return quotes;
    }

    private static Event event(ResultSet rs, Map<Long, List<Figure>> figures, Map<Long, List<Source>> sources)
            throws SQLException {
        long id = rs.getLong(1);
        return new Event(id, EventKind.valueOf(rs.getString(2)), EventStatus.valueOf(rs.getString(3)),
                rs.getString(4), rs.getString(5), rs.getString(6), localDate(rs.getDate(7)),
                (Boolean) rs.getObject(8), (Integer) rs.getObject(9), figures.getOrDefault(id, List.of()),
                rs.getString(10), rs.getObject(11) == null ? null : rs.getLong(11), sources.getOrDefault(id, List.of()));
    }

    private static Figure figure(ResultSet rs) throws SQLException {
        return new Figure(rs.getString(2), rs.getString(3), rs.getString(4));
    }

    private static Source source(ResultSet rs, int first) throws SQLException {
        return new Source(rs.getLong(first), rs.getString(first + 1), localDate(rs.getDate(first + 2)),
                rs.getString(first + 3), rs.getString(first + 4), rs.getString(first + 5), rs.getString(first + 6),
                rs.getObject(first + 7) == null ? null : rs.getLong(first + 7), rs.getString(first + 8));
    }

    private static void query(Connection c, String sql, RowReader reader, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
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
