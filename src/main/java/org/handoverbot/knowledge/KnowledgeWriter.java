package org.handoverbot.knowledge;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Writes extracted knowledge inside the caller's transaction, merging with what is stored: an event is the
 * same event when kind, status, base and date agree (a handover told as done without a date joins the base's
 * done handover), and then it only gains the sources, figures and missing details it did not have. A planned
 * handover and the handover of the same base that followed are linked both ways.
 */
final class KnowledgeWriter {

    /** What storing one event did: its id, whether it was new, how many sources it gained, whether it waits for review. */
    record Merged(long eventId, boolean isNew, int sourcesAdded, boolean toReview) {
        Merged(long eventId, boolean isNew, int sourcesAdded) {
            this(eventId, isNew, sourcesAdded, false);
        }
    }

    /** Reports of one handover a day or two apart are one handover ("أمس السبت" in Sunday's paper). */
    static final int SAME_HANDOVER_DAYS = 2;

    Optional<Long> articleWithText(Connection c, String sha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM article WHERE sha256 = ?")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    long insertArticle(Connection c, ArticleMetadata meta, String text, String sha256, String fileName)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO article (sha256, publisher, published, title, url, "
                + "language, body, file_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, sha256);
            ps.setString(2, meta.publisher());
            ps.setDate(3, Date.valueOf(meta.published()));
            ps.setString(4, meta.title());
            ps.setString(5, meta.url());
            ps.setString(6, meta.language());
            ps.setString(7, text);
            ps.setString(8, fileName);
            ps.executeUpdate();
            return generatedId(ps);
        }
    }

    Merged merge(Connection c, EventDraft draft, Long articleId) throws SQLException {
        return merge(c, draft, articleId, null);
    }

    /**
     * Stores the event, or joins it to the same stored one. A new event with a review reason is stored "to review":
     * kept out of the answers and the alerts until an operator approves it. A doubtful date never fills a gap.
     */
    Merged merge(Connection c, EventDraft draft, Long articleId, String reviewReason) throws SQLException {
        Optional<Long> existing = findSame(c, draft, articleId != null);
        if (draft.dateFlag() != null) {
            draft = new EventDraft(draft.kind(), draft.status(), draft.baseId(), draft.fromParty(), draft.toParty(),
                    existing.isPresent() ? null : draft.date(), draft.complete(), draft.ordinal(), draft.figures(),
                    draft.summary(), draft.sources(), draft.dateFlag(), draft.baseName());
        }
        if (existing.isEmpty()) {
            // A new event has no sources or figures stored yet: only the draft's own repeats are left out, found
            // here rather than by a look-up each (a records file of 50,000 events did 100,000 of them).
            long id = insertEvent(c, draft, reviewReason);
            int added = 0;
            Set<List<Object>> cited = new HashSet<>();
            for (SourceDraft s : draft.sources()) {
                if (cited.add(citation(s))) {
                    insertEventSource(c, id, insertSource(c, s, articleId));
                    added++;
                }
            }
            Set<List<String>> counted = new HashSet<>();
            for (Figure f : draft.figures()) {
                if (counted.add(Arrays.asList(f.kind(), f.amount()))) {
                    insertFigure(c, id, f);
                }
            }
            link(c, draft);
            return new Merged(id, true, added, reviewReason != null);
        }
        long id = existing.get();
        fillGaps(c, id, draft);
        addFigures(c, id, draft.figures());
        int added = 0;
        for (SourceDraft s : draft.sources()) {
            added += attachSource(c, id, s, articleId) ? 1 : 0;
        }
        link(c, draft);
        return new Merged(id, false, added);
    }

    void insertQuote(Connection c, QuoteDraft q, long articleId) throws SQLException {
        long sourceId = insertSource(c, q.source(), articleId);
        long quoteId;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO quote (article_id, position, speaker_id, "
                + "speaker_name, speaker_title, text, source_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, articleId);
            ps.setInt(2, q.position());
            ps.setString(3, q.speakerId());
            ps.setString(4, q.speakerName());
            ps.setString(5, q.speakerTitle());
            ps.setString(6, q.text());
            ps.setLong(7, sourceId);
            ps.executeUpdate();
            quoteId = generatedId(ps);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO quote_topic (quote_id, topic) VALUES (?, ?)")) {
            for (String topic : q.topics()) {
                ps.setLong(1, quoteId);
                ps.setString(2, topic);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO quote_base (quote_id, position, base_id) VALUES (?, ?, ?)")) {
            int position = 0;
            for (String base : q.baseIds()) {
                ps.setLong(1, quoteId);
                ps.setInt(2, position++);
                ps.setString(3, base);
                ps.executeUpdate();
            }
        }
    }

    // ------------------------------------------------------------------ identity

    /** Events an operator rejected are no longer anything a report can join. */
    private static final String LIVE = " AND (review_state IS NULL OR review_state = 'to_review')";

    /** reports: an article's draft, whose day may differ from another report's by a day or two; records are exact. */
    private Optional<Long> findSame(Connection c, EventDraft d, boolean reports) throws SQLException {
        if (d.baseId() == null) {
            return Optional.empty();
        }
        if (d.kind() == EventKind.HANDOVER && d.status() != EventStatus.PLANNED) {
            LocalDate day = d.date() != null ? d.date() : d.status() == EventStatus.UNDER_WAY ? published(d) : null;
            List<Object[]> done = doneHandovers(c, d, reports ? day : null);
            for (Object[] row : done) {
                if (Objects.equals(row[1], d.date())) {
                    return Optional.of((Long) row[0]);
                }
            }
            // another report of the same handover: a day or two apart (an under-way report: up to a week before)
            if (!reports) {
                day = null;
            }
            Long closest = null;
            long best = Long.MAX_VALUE;
            for (Object[] row : done) {
                if (row[1] == null || day == null) {
                    continue;
                }
                long gap = java.time.temporal.ChronoUnit.DAYS.between(day, (LocalDate) row[1]);
                boolean near = d.status() == EventStatus.UNDER_WAY ? gap >= -SAME_HANDOVER_DAYS && gap <= 7
                        : Math.abs(gap) <= SAME_HANDOVER_DAYS;
                if (near && Math.abs(gap) < best) {
                    best = Math.abs(gap);
                    closest = (Long) row[0];
                }
            }
            if (closest != null) {
                return Optional.of(closest);
            }
            for (Object[] row : done) {
                if (row[1] == null || d.date() == null && d.status() == EventStatus.DONE) {
                    return Optional.of((Long) row[0]);
                }
            }
            if (d.status() == EventStatus.DONE) {
                return Optional.empty();
            }
        }
        String sql = "SELECT id FROM event WHERE kind = ? AND status = ? AND base_id = ? AND "
                + (d.date() == null ? "event_date IS NULL" : "event_date = ?") + LIVE + " ORDER BY id";
        List<Object[]> rows = d.date() == null
                ? query(c, sql, d.kind().name(), d.status().name(), d.baseId())
                : query(c, sql, d.kind().name(), d.status().name(), d.baseId(), d.date());
        if (rows.isEmpty() && reports && d.kind() == EventKind.HANDOVER && d.status() == EventStatus.PLANNED) {
            return samePlan(c, d);
        }
        return rows.isEmpty() ? Optional.empty() : Optional.of((Long) rows.get(0)[0]);
    }

    /** How long before a plan's day a report may tell the same step without one. */
    static final int SAME_PLAN_DAYS = 31;

    /**
     * The same step told with and without its day: "الخطوة التالية قد تكون القيارة" (no day) and, days later, "غداً
     * الخميس" for the same base are one plan, which the dated report gives its day (fillGaps). Only a report
     * published within a month before that day tells the same step; a plan years apart stays another.
     */
    private Optional<Long> samePlan(Connection c, EventDraft d) throws SQLException {
        String plans = "SELECT DISTINCT e.id, e.event_date FROM event e JOIN event_source es ON es.event_id = e.id "
                + "JOIN source s ON s.id = es.source_id WHERE e.kind = 'HANDOVER' AND e.status = 'PLANNED' "
                + "AND e.base_id = ? AND (e.review_state IS NULL OR e.review_state = 'to_review') AND ";
        List<Object[]> rows;
        if (d.date() != null) {
            rows = query(c, plans + "e.event_date IS NULL AND s.published BETWEEN ? AND ? ORDER BY e.event_date, e.id",
                    d.baseId(), d.date().minusDays(SAME_PLAN_DAYS), d.date());
        } else {
            LocalDate published = published(d);
            if (published == null) {
                return Optional.empty();
            }
            rows = query(c, plans + "e.event_date BETWEEN ? AND ? ORDER BY e.event_date, e.id", d.baseId(),
                    published, published.plusDays(SAME_PLAN_DAYS));
        }
        return rows.isEmpty() ? Optional.empty() : Optional.of((Long) rows.get(0)[0]);
    }

    /**
     * The base's done handovers that the look-up below can choose, in its order (dated ones by day, then the
     * dateless ones): all of them for a dateless done report (it joins the first), else those within a week of
     * the report's days and those without a day. The same rows in the same order as reading all of them, but
     * each part read as a range of the event_identity index (H2 scans the whole base for "date IS NULL OR date
     * BETWEEN", so the two are asked apart): a records file of 50,000 events read every handover of its base
     * for each event, which took minutes.
     */
    private static List<Object[]> doneHandovers(Connection c, EventDraft d, LocalDate near) throws SQLException {
        String all = "SELECT id, event_date FROM event WHERE kind = 'HANDOVER' AND status = 'DONE' AND base_id = ?" + LIVE;
        if (d.date() == null && d.status() == EventStatus.DONE) {
            return query(c, all + " ORDER BY event_date NULLS LAST, id", d.baseId());
        }
        int week = Math.max(7, SAME_HANDOVER_DAYS);
        LocalDate from = null;
        LocalDate to = null;
        for (LocalDate day : Arrays.asList(d.date(), near)) {
            if (day != null) {
                from = from == null || day.minusDays(week).isBefore(from) ? day.minusDays(week) : from;
                to = to == null || day.plusDays(week).isAfter(to) ? day.plusDays(week) : to;
            }
        }
        List<Object[]> rows = new ArrayList<>();
        if (from != null) {
            rows.addAll(query(c, all + " AND event_date BETWEEN ? AND ? ORDER BY event_date, id", d.baseId(), from, to));
        }
        rows.addAll(query(c, all + " AND event_date IS NULL ORDER BY id", d.baseId()));
        return rows;
    }

    private static LocalDate published(EventDraft d) {
        return d.sources().stream().map(SourceDraft::published).filter(Objects::nonNull).min(LocalDate::compareTo)
                .orElse(null);
    }

    private long insertEvent(Connection c, EventDraft d, String reviewReason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO event (kind, status, base_id, from_party, to_party, "
                + "event_date, complete, ordinal, summary, review_state, review_reason, date_flag, base_name) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, d.kind().name());
            ps.setString(2, d.status().name());
            ps.setString(3, d.baseId());
            ps.setString(4, d.fromParty());
            ps.setString(5, d.toParty());
            ps.setDate(6, d.date() == null ? null : Date.valueOf(d.date()));
            ps.setObject(7, d.complete(), Types.BOOLEAN);
            ps.setObject(8, d.ordinal(), Types.INTEGER);
            ps.setString(9, d.summary());
            ps.setString(10, reviewReason == null ? null : "to_review");
            ps.setString(11, reviewReason);
            ps.setString(12, d.dateFlag());
            ps.setString(13, d.baseName());
            ps.executeUpdate();
            return generatedId(ps);
        }
    }

    /** A repeat may know what the first report did not (a date, the parties, an ordinal); it never overwrites. */
    private void fillGaps(Connection c, long id, EventDraft d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE event SET "
                + "from_party = COALESCE(from_party, ?), to_party = COALESCE(to_party, ?), "
                + "event_date = COALESCE(event_date, ?), complete = COALESCE(complete, ?), "
                + "ordinal = COALESCE(ordinal, ?), summary = COALESCE(summary, ?) WHERE id = ?")) {
            ps.setString(1, d.fromParty());
            ps.setString(2, d.toParty());
            ps.setDate(3, d.date() == null ? null : Date.valueOf(d.date()));
            ps.setObject(4, d.complete(), Types.BOOLEAN);
            ps.setObject(5, d.ordinal(), Types.INTEGER);
            ps.setString(6, d.summary());
            ps.setLong(7, id);
            ps.executeUpdate();
        }
    }

    private void addFigures(Connection c, long eventId, List<Figure> figures) throws SQLException {
        for (Figure f : figures) {
            if (!query(c, "SELECT id FROM figure WHERE event_id = ? AND kind = ? AND amount = ?",
                    eventId, f.kind(), f.amount()).isEmpty()) {
                continue;
            }
            insertFigure(c, eventId, f);
        }
    }

    private static void insertFigure(Connection c, long eventId, Figure f) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO figure (event_id, kind, amount, note) VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, eventId);
            ps.setString(2, f.kind());
            ps.setString(3, f.amount());
            ps.setString(4, f.note());
            ps.executeUpdate();
        }
    }

    /** What makes two citations of one event the same (the look-up in {@link #attachSource} compares these). */
    private static List<Object> citation(SourceDraft s) {
        return Arrays.asList(s.publisher(), s.published(), s.url(), s.citedSource(), s.citedSpeaker(), s.citedVia());
    }

    /** Attaches the source unless the event already has the same citation from the same report. */
    private boolean attachSource(Connection c, long eventId, SourceDraft s, Long articleId) throws SQLException {
        List<Object[]> same = query(c, "SELECT s.id FROM source s JOIN event_source es ON es.source_id = s.id "
                + "WHERE es.event_id = ? AND s.publisher = ? "
                + "AND " + nullSafe("s.published", s.published()) + " AND " + nullSafe("s.url", s.url())
                + " AND " + nullSafe("s.cited_source", s.citedSource())
                + " AND " + nullSafe("s.cited_speaker", s.citedSpeaker())
                + " AND " + nullSafe("s.cited_via", s.citedVia())
                + " AND " + nullSafe("s.article_id", articleId),
                params(eventId, s.publisher(), s.published(), s.url(), s.citedSource(), s.citedSpeaker(), s.citedVia(),
                        articleId));
        if (!same.isEmpty()) {
            return false;
        }
        insertEventSource(c, eventId, insertSource(c, s, articleId));
        return true;
    }

    private static void insertEventSource(Connection c, long eventId, long sourceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO event_source (event_id, source_id) VALUES (?, ?)")) {
            ps.setLong(1, eventId);
            ps.setLong(2, sourceId);
            ps.executeUpdate();
        }
    }

    private static String nullSafe(String column, Object value) {
        return value == null ? column + " IS NULL" : column + " = ?";
    }

    /** The bind values for {@link #nullSafe} conditions: a null value has no "?" (IS NULL), so it is left out. */
    private static Object[] params(Object... values) {
        List<Object> out = new ArrayList<>();
        out.add(values[0]);
        out.add(values[1]);
        for (int i = 2; i < values.length; i++) {
            if (values[i] != null) {
                out.add(values[i]);
            }
        }
        return out.toArray();
    }

    private static long insertSource(Connection c, SourceDraft s, Long articleId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO source (article_id, publisher, published, url, "
                + "cited_source, cited_speaker, evidence, cited_via) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setObject(1, articleId, Types.BIGINT);
            ps.setString(2, s.publisher());
            ps.setDate(3, s.published() == null ? null : Date.valueOf(s.published()));
            ps.setString(4, s.url());
            ps.setString(5, s.citedSource());
            ps.setString(6, s.citedSpeaker());
            ps.setString(7, s.evidence());
            ps.setString(8, s.citedVia());
            ps.executeUpdate();
            return generatedId(ps);
        }
    }

    // ------------------------------------------------------------------ planned → done

    /**
     * Ties each unlinked planned handover of the base to the first done handover of that base on or after
     * the day the plan was reported, both ways.
     */
    private void link(Connection c, EventDraft d) throws SQLException {
        if (d.kind() != EventKind.HANDOVER || d.baseId() == null) {
            return;
        }
        List<Object[]> planned = query(c, "SELECT e.id, (SELECT MIN(s.published) FROM source s JOIN event_source es "
                + "ON es.source_id = s.id WHERE es.event_id = e.id) FROM event e WHERE e.kind = 'HANDOVER' "
                + "AND e.status = 'PLANNED' AND e.base_id = ? AND e.linked_event_id IS NULL ORDER BY e.id", d.baseId());
        for (Object[] p : planned) {
            LocalDate announced = (LocalDate) p[1];
            List<Object[]> done = query(c, "SELECT id, event_date FROM event WHERE kind = 'HANDOVER' AND status = 'DONE' "
                    + "AND base_id = ? AND linked_event_id IS NULL AND event_date IS NOT NULL "
                    + "ORDER BY event_date, id", d.baseId());
            for (Object[] e : done) {
                LocalDate day = (LocalDate) e[1];
                if (announced == null || !day.isBefore(announced)) {
                    setLink(c, (Long) p[0], (Long) e[0]);
                    setLink(c, (Long) e[0], (Long) p[0]);
                    break;
                }
            }
        }
    }

    private static void setLink(Connection c, long id, long linked) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE event SET linked_event_id = ? WHERE id = ?")) {
            ps.setLong(1, linked);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    // ------------------------------------------------------------------ plumbing

    private static List<Object[]> query(Connection c, String sql, Object... params) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            StoredRows.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        Object v = rs.getObject(i + 1);
                        row[i] = v instanceof Date date ? date.toLocalDate() : v;
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static long generatedId(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("no generated id");
            }
            return keys.getLong(1);
        }
    }
}
