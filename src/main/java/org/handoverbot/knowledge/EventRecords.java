package org.handoverbot.knowledge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The structured records format (seeds/timeline.json and operators' files): facts with citations, no report
 * text. {"format": "handover-bot/events", "version": 1, "events": [{kind, status, base, date, from, to, complete,
 * ordinal, summary, figures: [{kind, amount, note}], sources: [{publisher, published, url, cites}]}]}.
 */
final class EventRecords {

    static final String FORMAT = "handover-bot/events";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> EVENT_FIELDS = Set.of("kind", "status", "base", "date", "from", "to", "complete",
            "ordinal", "summary", "figures", "sources", "note");
    private static final Set<String> SOURCE_FIELDS = Set.of("publisher", "published", "url", "cites");
    private static final Set<String> FIGURE_FIELDS = Set.of("kind", "amount", "note");

    private EventRecords() {
    }

    static RecordsInput parse(String name, byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(InputFiles.utf8(name, bytes));
        } catch (JsonProcessingException e) {
            throw new BadInputException(name, InputFiles.jsonProblem(e));
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw new BadInputException(name, "not a records file (expected \"format\": \"" + FORMAT
                    + "\"; an article's metadata is read beside its .txt, ingest the .txt)");
        }
        if (!root.path("version").canConvertToInt() || root.path("version").asInt() < 1) {
            throw new BadInputException(name, "missing 'version' (a whole number from 1)");
        }
        JsonNode events = root.path("events");
        if (!events.isArray() || events.isEmpty()) {
            throw new BadInputException(name, "'events' must be a non-empty list");
        }
        List<EventDraft> drafts = new ArrayList<>();
        int n = 0;
        for (JsonNode e : events) {
            n++;
            drafts.add(event(name + " event " + n, e));
        }
        return new RecordsInput(name, root.path("version").asInt(), drafts);
    }

    private static EventDraft event(String where, JsonNode e) {
        onlyFields(where, e, EVENT_FIELDS);
        EventKind kind = enumValue(where, e, "kind", EventKind.class, null);
        EventStatus status = enumValue(where, e, "status", EventStatus.class, EventStatus.DONE);
        String base = InputFiles.optionalText(where, e, "base");
        LocalDate date = InputFiles.date(where, e.get("date"), "date");
        if (kind == EventKind.HANDOVER && status == EventStatus.DONE && (base == null || date == null)) {
            throw new BadInputException(where, "a done handover needs 'base' and 'date'");
        }
        JsonNode complete = e.get("complete");
        if (complete != null && !complete.isNull() && !complete.isBoolean()) {
            throw new BadInputException(where, "'complete' must be true, false or null");
        }
        JsonNode ordinal = e.get("ordinal");
        if (ordinal != null && !ordinal.isNull() && !(ordinal.isInt() && ordinal.asInt() > 0)) {
            throw new BadInputException(where, "'ordinal' must be a whole number from 1, or null");
        }
        List<Figure> figures = new ArrayList<>();
        for (JsonNode f : e.path("figures")) {
            onlyFields(where + " figure", f, FIGURE_FIELDS);
            figures.add(new Figure(InputFiles.requiredText(where + " figure", f, "kind"),
                    InputFiles.requiredText(where + " figure", f, "amount"),
                    InputFiles.optionalText(where + " figure", f, "note")));
        }
        List<SourceDraft> sources = new ArrayList<>();
        for (JsonNode s : e.path("sources")) {
            String at = where + " source";
            onlyFields(at, s, SOURCE_FIELDS);
            String url = InputFiles.optionalText(at, s, "url");
            if (url != null) {
                InputFiles.checkUrl(at, url);
            }
            sources.add(new SourceDraft(InputFiles.requiredText(at, s, "publisher"),
                    InputFiles.date(at, s.get("published"), "published"), url,
                    InputFiles.optionalText(at, s, "cites"), null, null));
        }
        if (sources.isEmpty()) {
            throw new BadInputException(where, "no 'sources': every fact needs at least one");
        }
        return new EventDraft(kind, status, base, InputFiles.optionalText(where, e, "from"),
                InputFiles.optionalText(where, e, "to"), date,
                complete == null || complete.isNull() ? null : complete.asBoolean(),
                ordinal == null || ordinal.isNull() ? null : ordinal.asInt(), figures,
                InputFiles.optionalText(where, e, "summary"), sources);
    }

    private static <E extends Enum<E>> E enumValue(String where, JsonNode node, String field, Class<E> type,
                                                   E fallback) {
        String v = InputFiles.optionalText(where, node, field);
        if (v == null) {
            if (fallback == null) {
                throw new BadInputException(where, "missing '" + field + "'");
            }
            return fallback;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw new BadInputException(where, "unknown " + field + " '" + v + "'");
        }
    }

    private static void onlyFields(String where, JsonNode node, Set<String> allowed) {
        if (!node.isObject()) {
            throw new BadInputException(where, "must be a JSON object");
        }
        for (String f : InputFiles.fields(node)) {
            if (!allowed.contains(f)) {
                throw new BadInputException(where, "unknown field '" + f + "'");
            }
        }
    }
}
