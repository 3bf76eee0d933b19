package org.handoverbot.knowledge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.handoverbot.nlp.EntityKind;
import org.handoverbot.nlp.Gazetteer;
import org.handoverbot.nlp.GazetteerEntry;
import org.handoverbot.nlp.Mention;

/**
 * The events of an article, read sentence by sentence by rule and merged within the article. The words that
 * tell a handover are data (models/extraction/transfer-verbs.txt: giving, receiving, taking control, nouns,
 * passives, under way, planned). A sentence may tell several things; the rules claim its bases in this order:
 * an attack on a named base ("هاجموا معسكر التاجي"), an announcement of talks or intentions, a planned step
 * (bases after "الخطوة التالية / قد تكون / ستسلم / خلال الساعات المقبلة"), a handover under way ("بدأت ...
 * بتسليم"), and last a handover told as done (a past verb, "تم تسليم", "أعلن ... تسليم", "انسحاب كلي"). A
 * sentence that tells a handover of "القاعدة" without naming it speaks of the base the article last named.
 * A base named as where the leaving forces go ("نحو قاعدة عين الأسد") or where something lies ("جنوب الموصل")
 * is not the base handed over. "قاعدة/معسكر X" with X unknown to the gazetteer is kept by its name as written,
 * for an operator to review. Who stands behind each event is the voice of the quote its base is named in, else
 * the publisher (and the body it reports, "أكدت قيادة ...").
 */
final class EventRules {

    /** The parties a handover is between; other organisations (agencies, sites, commands) are voices. */
    static final Set<String> PARTIES = Set.of("coalition", "us", "iraqi-forces", "iraqi-army");

    private static final String VERBS = "transfer-verbs";
    private static final Lexicon ATTACK = Lexicon.data("events", "attack");
    private static final Lexicon ATTACK_VERB = Lexicon.data("events", "attack-verb");
    private static final Lexicon ATTACK_NOUN = Lexicon.data("events", "attack-noun");
    private static final Lexicon ANNOUNCE = Lexicon.data("events", "announce");
    private static final Lexicon ATTACKED = Lexicon.data("events", "attacked");
    private static final Lexicon TALKS = Lexicon.data("events", "talks");
    private static final Lexicon PLAN_WORDS = Lexicon.data(VERBS, "plan", "receive-ahead");
    private static final Lexicon MAY = Lexicon.data(VERBS, "may");
    private static final Lexicon BE = Lexicon.data(VERBS, "be");
    private static final Lexicon RECEIVE = Lexicon.data(VERBS, "receive");
    /** Receiving told as done or still to come ("سيتسلّم الجيش"): who receives, whether it happened or not. */
    private static final Lexicon RECEIVING = Lexicon.data(VERBS, "receive", "receive-ahead", "receive-present");
    private static final Lexicon SUBJUNCTIVE = Lexicon.data(VERBS, "subjunctive");
    /** How many words a base may stand before the step to come it is the subject of. */
    private static final int PLAN_AFTER_BASE = 6;
    /** The prefix of the Arabic future ("ستغادر"، "سيكون"). */
    private static final String FUTURE = "س";
    private static final Lexicon HAND_OVER_AFTER = Lexicon.data(VERBS, "hand-over-after");
    private static final Lexicon GIVE = Lexicon.data(VERBS, "give");
    private static final Lexicon GIVE_TWO = Lexicon.data(VERBS, "give-two");
    private static final Lexicon CONTROL = Lexicon.data(VERBS, "control");
    /** How far after the giver a second, unmarked party may stand and still be the verb's second object. */
    private static final int SECOND_OBJECT = 4;
    private static final Lexicon DONE_PASSIVE = Lexicon.data(VERBS, "passive");
    private static final Lexicon HANDOVER_NOUN = Lexicon.data(VERBS, "noun");
    private static final Lexicon UNDER_WAY = Lexicon.data(VERBS, "under-way");
    private static final Lexicon PRESENT = Lexicon.data(VERBS, "present");
    private static final Lexicon COMPLETE = Lexicon.data("events", "complete");
    private static final Lexicon PARTIAL = Lexicon.data("events", "partial");
    private static final Lexicon TO_MARK = Lexicon.data(VERBS, "to-mark");
    private static final Lexicon FROM_MARK = Lexicon.data(VERBS, "from-mark");
    private static final Lexicon AFFILIATION = Lexicon.data(VERBS, "affiliation");
    private static final Lexicon REPORTING = Lexicon.data("events", "reporting");
    private static final Lexicon TWO_BASES = Lexicon.of("قاعدتين");
    private static final Lexicon LOCATING = Lexicon.data("places", "locating");
    private static final Lexicon DESTINATION = Lexicon.data("places", "destination");
    private static final Lexicon NEAR = Lexicon.data("places", "near");
    private static final Lexicon DAY_WORDS = Lexicon.data("events", "day-word");
    private static final Lexicon PLACE_WORD = Lexicon.of(
            org.handoverbot.text.WordLists.words("place-words").toArray(String[]::new));
    private static final Lexicon THIS_PLACE = Lexicon.data("places", "this-place");
    private static final Lexicon OTHER = Lexicon.data("places", "other");
    private static final Lexicon NOT_NAME = Lexicon.data("places", "not-name");
    private static final Lexicon SEGMENT_BREAKS = Lexicon.data("events", "segment-break");

    /** The sides a handover is given by: named in the sentence before, they are its giver when it names none. */
    private static final Set<String> GIVERS = Set.of("coalition", "us");
    private static final Lexicon OWN_ARMY = Lexicon.data(VERBS, "own-army");
    private static final Lexicon IRAQ_SIDE = Lexicon.data(VERBS, "iraq-side");
    private static final Predicate<String> RECEIVE_VERB = RECEIVE::isConjoined;
    private static final Predicate<String> GIVE_VERB = GIVE::isConjoined;

    private final Gazetteer gazetteer;

    EventRules(Gazetteer gazetteer) {
        this.gazetteer = Objects.requireNonNull(gazetteer);
    }

    /** An event read from one sentence, before the sentences of the article are merged. */
    private record Reading(EventKind kind, EventStatus status, String subtype, String baseId, String from, String to,
                           LocalDate date, Boolean complete, List<Figure> figures, String summary,
                           SourceDraft source, String dateFlag, String baseName) {
        Reading(EventKind kind, EventStatus status, String subtype, String baseId, String from, String to,
                LocalDate date, Boolean complete, List<Figure> figures, String summary, SourceDraft source) {
            this(kind, status, subtype, baseId, from, to, date, complete, figures, summary, source, null, null);
        }
    }

    /** One event per kind, status and base (and kind of announcement), with each voice once among its sources. */
    List<EventDraft> events(List<Sentence> sentences, List<List<Mention>> mentions,
                            List<List<QuoteVoices.QuoteSpan>> quotes, ArticleMetadata meta) {
        List<Reading> readings = new ArrayList<>();
        String lastBase = null;
        String giverBefore = null;
        Boolean iraqBefore = null;
        Set<String> planned = new HashSet<>();
        for (Sentence s : sentences) {
            List<Mention> named = withOwnArmy(s, mentions.get(s.index()), iraqBefore);
            List<Reading> read = read(s, named, quotes.get(s.index()), meta, lastBase, giverBefore, planned);
            readings.addAll(read);
            read.stream().filter(r -> r.status() == EventStatus.PLANNED && r.baseId() != null)
                    .forEach(r -> planned.add(r.baseId()));
            // a sentence that tells no event of its own may name who leaves ("غادر آخر مستشاري التحالف ...")
            giverBefore = null;
            for (Mention m : read.isEmpty() ? named : List.<Mention>of()) {
                giverBefore = GIVERS.contains(m.entry().id()) ? m.entry().id() : giverBefore;
            }
            iraqBefore = lastState(s, named, s.words().size(), iraqBefore);
            List<String> w = s.words();
            for (Mention m : mentions.get(s.index())) {
                if (m.entry().kind() == EntityKind.BASE && !before(w, m.start(), LOCATING)
                        && !before(w, m.start(), DESTINATION) && !before(w, m.start(), NEAR)) {
                    lastBase = m.entry().id();
                }
            }
        }
        return merge(readings);
    }

    /**
     * "أعلن العراق أن جيشه سيتسلّم القاعدة": "its army" is Iraq's army when the state named last before it (in the
     * sentence, else in the one before) is Iraq; the coalition is no state with an army ("الحكومة العراقية ... قوات
     * التحالف ... وأن جيشها"). Any other state's army stays unnamed.
     */
    private List<Mention> withOwnArmy(Sentence s, List<Mention> mentions, Boolean iraqBefore) {
        List<String> w = s.words();
        List<Mention> out = null;
        for (int i = 0; i < w.size(); i++) {
            if (OWN_ARMY.test(w.get(i)) && Boolean.TRUE.equals(lastState(s, mentions, i, iraqBefore))) {
                out = out == null ? new ArrayList<>(mentions) : out;
                GazetteerEntry army = gazetteer.byId("iraqi-army").orElseThrow();
                out.add(new Mention(army, i, i + 1));
            }
        }
        if (out == null) {
            return mentions;
        }
        out.sort(java.util.Comparator.comparingInt(Mention::start));
        return out;
    }

    /** Whether the last state named before word {@code end} is Iraq (true), the United States (false), or none. */
    private static Boolean lastState(Sentence s, List<Mention> mentions, int end, Boolean before) {
        Boolean iraq = before;
        for (int i = 0; i < end; i++) {
            final int at = i;
            if (IRAQ_SIDE.test(s.words().get(i))) {
                iraq = Boolean.TRUE;
            } else if (mentions.stream().anyMatch(m -> m.start() == at && m.entry().id().equals("us"))) {
                iraq = Boolean.FALSE;
            }
        }
        return iraq;
    }

    private List<Reading> read(Sentence s, List<Mention> mentions, List<QuoteVoices.QuoteSpan> quotes,
                               ArticleMetadata meta, String lastBase, String giverBefore, Set<String> plannedBefore) {
        List<String> w = s.words();
        List<Reading> out = new ArrayList<>();
        // "جنوب الموصل", "قضاء القائم": a place named to say where; "نحو قاعدة عين الأسد": where forces go
        List<Mention> named = mentions.stream().filter(m -> m.entry().kind() == EntityKind.BASE)
                .filter(m -> !before(w, m.start(), LOCATING) && !before(w, m.start(), DESTINATION)).toList();
        // "لا تزال القوات الأمريكية متمركزة في قاعدة حرير، بعد أن أكملت انسحابها من عين الأسد": where forces stay
        // is no base handed over
        List<Mention> bases = named.stream().filter(m -> !before(w, m.start(), NEAR))
                .filter(m -> !stayedAt(s, m)).toList();
        Set<Mention> claimed = new HashSet<>();
        List<ArticleDates.Found> allDates = ArticleDates.all(w, meta.published());
        int[] segment = segments(w);
        // what an article tells as done cannot have happened after it was published: such a day is misread
        List<ArticleDates.Found> dates = allDates.stream()
                .filter(d -> d.date() == null || !d.date().isAfter(meta.published())).toList();
        LocalDate date = dates.stream().map(ArticleDates.Found::date).filter(Objects::nonNull).findFirst().orElse(null);

        // an attack on a named base: the base right after the attack word
        boolean attack = false;
        for (int i = 0; i < w.size(); i++) {
            if (!ATTACK.test(w.get(i))) {
                continue;
            }
            attack = true;
            // "سقط صاروخان في محيط قاعدة بلد": near the base is at the base, for an attack
            for (Mention b : named) {
                // "تعرّض معسكر بسماية (جنوب شرقي بغداد) لهجوم": the base after "تعرّض", a few words before the attack word
                boolean suffered = b.end() <= i && b.end() >= i - 4 && sameClause(s, b.end(), i) && b.start() > 0 && ATTACKED.test(w.get(b.start() - 1));
                if ((suffered || b.start() > i && b.start() <= i + 6 && sameClause(s, i, b.start())) && claimed.add(b)) {
                    out.add(new Reading(EventKind.ATTACK, EventStatus.DONE, null, b.entry().id(), null, null, date,
                            null, attackFigures(s), s.text(), sourceAt(s, b.start(), quotes, meta)));
                }
            }
        }
        if (attack && out.isEmpty() && (s.has(ATTACK_VERB) || !attackFigures(s).isEmpty())) {
            // an attack on a base the text does not name ("قاعدة عراقية تنتشر فيها قوات أجنبية"), or names again by
            // its place word alone, right after the attack ("سقط صاروخ قرب المعسكر"): the base the article last named
            int at = s.find(0, ATTACK).orElse(0);
            Optional<Integer> again = s.find(at, THIS_PLACE).filter(i -> i <= at + 6 && sameClause(s, at, i)
                    && (i + 1 >= w.size() || !OTHER.test(w.get(i + 1))));
            String base = again.isPresent() ? lastBase : null;
            out.add(new Reading(EventKind.ATTACK, EventStatus.DONE, null, base, null, null, date, null,
                    attackFigures(s), s.text(), sourceAt(s, at, quotes, meta)));
        }

        // "أعلن الجيش العراقي، صباح اليوم، بسط سيطرته على القاعدة": the party announces the control it holds; the day
        // it was handed over is another sentence's ("قد أكملت أمس الجمعة انسحابها")
        boolean controlAnnounced = controlAnnounced(s);
        boolean doneVerb = !controlAnnounced && (s.has(RECEIVE_VERB) || s.has(GIVE_VERB) || passiveHandover(w));
        // "أعلنت القيادة أن التحالف سلّم القاعدة" reports a handover; only talks or intentions are announcements
        boolean talks = s.has(TALKS) && !doneVerb;
        boolean handoverWords = s.has(HANDOVER_NOUN) || s.has(GIVE) || s.has(RECEIVE) || s.has(PLAN_WORDS);
        int plan = planMarker(w);
        // a party announces its own intention ("أعلنت أميركا أن قواتها ستنسحب من القائم خلال أسابيع"), and a step with
        // a day too ("أعلن التحالف أنه سيسلم معسكر بسماية ...، السبت"); a voice that is no party ("كشف مصدر"، "أعلنت
        // الحكومة العراقية") telling a step to come tells only the planned handover, which it is the source of
        boolean planShape = plan >= 0 && handoverWords && !talks;
        boolean planTold = planShape && announcer(s, mentions) == null;
        boolean announces = controlAnnounced
                || s.has(ANNOUNCE) && (talks || (s.has(PLAN_WORDS) && !doneVerb && !planTold));
        if (announces || talks) {
            String subtype = talks ? "talks" : "statement";
            List<Figure> figures = announces && !talks ? statementFigures(s) : List.of();
            for (Mention b : bases) {
                if (planShape && b.start() > plan ? !claimed.contains(b) : claimed.add(b)) {
                    String[] parties = parties(s, mentions, true);
                    // talks are between two sides; a statement is one side's: the party the verb names as its
                    // subject ("أعلنت أميركا"), never merely the first one named ("أعلن العراق أن ... التحالف")
                    out.add(new Reading(EventKind.ANNOUNCEMENT, EventStatus.DONE, subtype, b.entry().id(),
                            talks ? parties[2] : announcer(s, mentions), talks ? parties[3] : null, date, null,
                            figures, s.text(),
                            sourceAt(s, b.start(), quotes, meta)));
                }
            }
        }

        if (plan >= 0 && handoverWords) {
            List<Mention> planned = bases.stream().filter(b -> b.start() > plan && !claimed.contains(b)).toList();
            for (int k = 0; k < planned.size(); k++) {
                Mention b = planned.get(k);
                claimed.add(b);
                String[] parties = withGiverBefore(parties(s, mentions, false), giverBefore);
                int next = k + 1 < planned.size() ? planned.get(k + 1).start() : w.size();
                ArticleDates.Found day = planDay(s, allDates, plan, b.start(), next, k == 0, meta.published());
                if (announces && !planTold && day == null) {
                    continue;   // the party's announcement tells it
                }
                out.add(new Reading(EventKind.HANDOVER, EventStatus.PLANNED, null, b.entry().id(), parties[0],
                        parties[1], day == null ? null : day.date(), null, List.of(), clause(s, plan),
                        sourceAt(s, b.start(), quotes, meta), day == null ? null : day.flag(), null));
            }
        }

        // "انسحبت من عين الأسد في التاسع عشر ...، فيما تم تسليم التاجي يوم 23 آب": each part keeps its own
        // verb, parties, completeness and day; nothing is lent across "فيما/بينما/في حين".
        for (Mention b : bases) {
            if (plan >= 0 && b.start() >= plan || claimed.contains(b)) {
                continue;
            }
            int from = segmentStart(segment, b.start());
            int to = segmentEnd(segment, b.start());
            EventStatus status = told(s, from, to);
            if (status == null) {
                continue;
            }
            claimed.add(b);
            out.add(handover(s, mentions, dates, meta, quotes, status, b.entry().id(), null, b.start(), from, to,
                    giverBefore));
        }

        // "القوة الفرنسية في معسكر أبو غريب ستغادر موقعها الأسبوع المقبل", "«انسحاب قوات التحالف من عين الأسد سيكون
        // يوم 15 أيلول المقبل»": a base no other rule took, the subject of a step to come later in its clause
        if (handoverWords) {
            List<Mention> subjects = bases.stream().filter(b -> !claimed.contains(b)).toList();
            for (int k = 0; k < subjects.size(); k++) {
                Mention b = subjects.get(k);
                // a verb in the future ("ستغادر"، "سيكون"), not an adverb: "اليوم عين الأسد وغداً حرير" plans no Ain al-Asad
                Optional<Integer> marker = s.find(b.end(), x -> PLAN_WORDS.isConjoined(x) && x.startsWith(FUTURE))
                        .filter(p -> p - b.end() <= PLAN_AFTER_BASE && sameClause(s, b.end(), p));
                if (marker.isEmpty()) {
                    continue;
                }
                claimed.add(b);
                int next = k + 1 < subjects.size() ? subjects.get(k + 1).start() : w.size();
                String[] parties = withGiverBefore(parties(s, mentions, false), giverBefore);
                ArticleDates.Found day = planDay(s, allDates, marker.get(), marker.get(), next, true, meta.published());
                out.add(new Reading(EventKind.HANDOVER, EventStatus.PLANNED, null, b.entry().id(), parties[0],
                        parties[1], day == null ? null : day.date(), null, List.of(), clause(s, marker.get()),
                        sourceAt(s, b.start(), quotes, meta), day == null ? null : day.flag(), null));
            }
        }

        // "وكان التحالف قد سلّم القاعدة أمس": the base the article last named; "معسكر الغزلاني": one it does not know
        if (bases.isEmpty() && plan < 0 && (s.has(GIVE_VERB) || s.has(RECEIVE_VERB) || passiveHandover(w))) {
            Optional<Integer> place = s.find(0, THIS_PLACE).filter(i -> i + 1 >= w.size() || !OTHER.test(w.get(i + 1)));
            Optional<Integer> unknown = unknownBase(s);
            if (unknown.isPresent()) {
                int u = unknown.get();
                String name = ArticleSpeakers.clean(s.raw(u, u + 2));
                out.add(handover(s, mentions, dates, meta, quotes, told(s, 0, w.size()), null, name, u, 0, w.size(),
                        giverBefore));
            } else if (place.isPresent() && lastBase != null) {
                EventStatus status = told(s, 0, w.size());
                if (status == EventStatus.DONE) {
                    out.add(handover(s, mentions, dates, meta, quotes, status, lastBase, null, place.get(), 0,
                            w.size(), giverBefore));
                }
            }
        }

        // "«القاعدة ستصبح بعهدة القوات العراقية»" after a plan for the base last named: who it will go to
        if (bases.isEmpty() && plan >= 0 && lastBase != null && plannedBefore.contains(lastBase)) {
            Optional<Integer> place = s.find(0, THIS_PLACE).filter(i -> i + 1 >= w.size() || !OTHER.test(w.get(i + 1)));
            String[] parties = parties(s, mentions, false);
            if (place.isPresent() && parties[1] != null) {
                out.add(new Reading(EventKind.HANDOVER, EventStatus.PLANNED, null, lastBase, parties[0], parties[1],
                        null, null, List.of(), clause(s, plan), sourceAt(s, place.get(), quotes, meta)));
            }
        }
        return out;
    }

    private Reading handover(Sentence s, List<Mention> mentions, List<ArticleDates.Found> dates, ArticleMetadata meta,
                             List<QuoteVoices.QuoteSpan> quotes, EventStatus status, String baseId, String baseName,
                             int at, int from, int to, String giverBefore) {
        String[] parties = withGiverBefore(parties(s, mentions, false, from, to), giverBefore);
        Boolean complete = s.has(from, to, COMPLETE) ? Boolean.TRUE : s.has(from, to, PARTIAL) ? Boolean.FALSE : null;
        ArticleDates.Found day = dateIn(dates, from, to);
        return new Reading(EventKind.HANDOVER, status, null, baseId, parties[0], parties[1],
                day == null ? null : day.date(), complete,
                handoverFigures(s, from, to), s.text(), sourceAt(s, at, quotes, meta),
                day == null ? null : day.flag(), baseName);
    }

    /**
     * "غادر آخر مستشاري التحالف الدولي ... . وتسلّم الجيش العراقي القاعدة": a handover whose sentence names no giver
     * is given by the coalition or the United States when the sentence before names it (the last one it names), unless
     * that side is the receiver.
     */
    private static String[] withGiverBefore(String[] parties, String giverBefore) {
        if (parties[0] != null || giverBefore == null || giverBefore.equals(parties[1])
                || parties[1] != null && GIVERS.contains(parties[1])) {
            return parties;
        }
        String[] out = parties.clone();
        out[0] = giverBefore;
        return out;
    }

    /**
     * The party that announces: named within two words after a verb of announcing ("أعلنت أميركا"، "كشف التحالف
     * الدولي، الثلاثاء"), else null: a statement by a voice that is no party (a ministry, "العراق") is told
     * without a party rather than lent the first party the sentence happens to name.
     */
    private static String announcer(Sentence s, List<Mention> mentions) {
        Optional<Integer> verb = s.find(0, ANNOUNCE);
        if (verb.isEmpty()) {
            return null;
        }
        for (Mention m : mentions) {
            if (PARTIES.contains(m.entry().id()) && m.start() > verb.get() && m.start() <= verb.get() + 2) {
                return m.entry().id();
            }
        }
        return null;
    }

    /** Whether a word of staying stands a few words before the base, in its clause ("متمركزة في قاعدة حرير"). */
    private static boolean stayedAt(Sentence s, Mention base) {
        for (int i = Math.max(0, base.start() - STAY_BEFORE); i < base.start(); i++) {
            if (STAY.test(s.words().get(i)) && sameClause(s, i, base.start())) {
                return true;
            }
        }
        return false;
    }

    private static final Lexicon STAY = Lexicon.data(VERBS, "stay");
    /** How far before a base a word of staying may stand. */
    private static final int STAY_BEFORE = 4;

    /**
     * A verb of announcing whose object is a word of control with no "أن" between ("أعلن الجيش العراقي، صباح اليوم،
     * بسط سيطرته"): a noun there, not the past verb "بسط" of "بسطت القوات سيطرتها".
     */
    private static boolean controlAnnounced(Sentence s) {
        Optional<Integer> verb = s.find(0, ANNOUNCE::isConjoined);
        if (verb.isEmpty()) {
            return false;
        }
        for (int i = verb.get() + 1; i < Math.min(s.words().size(), verb.get() + 8); i++) {
            String word = s.words().get(i);
            if (THAT.test(word)) {
                return false;
            }
            if (CONTROL.isBare(word)) {
                return true;
            }
        }
        return false;
    }

    private static final Lexicon THAT = Lexicon.data("quote-verbs", "that");

    /** How the part of the sentence tells a handover: done, under way, or not at all (null). */
    private static EventStatus told(Sentence s, int from, int to) {
        List<String> w = s.words();
        boolean noun = s.has(from, to, HANDOVER_NOUN);
        if (s.has(from, to, UNDER_WAY) && noun && !passiveHandover(w.subList(from, to))) {
            return EventStatus.UNDER_WAY;
        }
        if (s.has(from, to, RECEIVE_VERB) || s.has(from, to, GIVE_VERB) || passiveHandover(w.subList(from, to))
                || (noun && s.has(from, to, COMPLETE))
                || (noun && s.has(from, to, ANNOUNCE) && !s.has(from, to, TALKS))) {
            return EventStatus.DONE;
        }
        // a statement's present tense ("يغادر التحالف قاعدة التقدم") inside its quote; a headline's is no report
        Optional<Integer> present = s.find(from, PRESENT).filter(i -> i < to && s.isQuoted(i));
        if (present.isPresent()) {
            return EventStatus.UNDER_WAY;
        }
        return null;
    }

    /** "قاعدة/معسكر X" where X is a name the gazetteer does not know: where in the words, or empty. */
    private Optional<Integer> unknownBase(Sentence s) {
        List<String> w = s.words();
        for (int i = 0; i + 1 < w.size(); i++) {
            if (PLACE_WORD.isBare(w.get(i)) || (PLACE_WORD.test(w.get(i)) && w.get(i).length() > 4
                    && "بفول".indexOf(w.get(i).charAt(0)) >= 0 && PLACE_WORD.isBare(w.get(i).substring(1)))) {
                String next = w.get(i + 1);
                if (next.startsWith("ال") && next.length() > 3 && !NOT_NAME.test(next) && !s.isQuoted(i + 1)
                        && gazetteer.findInWords(w.subList(i + 1, i + 2)).isEmpty()
                        && !s.rawToken(i).endsWith("،")) {
                    return Optional.of(i);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean before(List<String> w, int at, Lexicon lexicon) {
        if (at > 0 && lexicon.test(w.get(at - 1))) {
            return true;
        }
        // "نحو قاعدة عين الأسد": one place word between
        return at > 1 && PLACE_WORD.test(w.get(at - 1)) && lexicon.test(w.get(at - 2));
    }

    private static boolean sameClause(Sentence s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (ArticleSpeakers.endsClause(s.rawToken(i))) {
                return false;
            }
        }
        return true;
    }

    /** For each word, the number of the part of the sentence it is in (parts split at فيما/بينما/في حين). */
    private static int[] segments(List<String> w) {
        int[] part = new int[w.size()];
        int current = 0;
        for (int i = 0; i < w.size(); i++) {
            if (SEGMENT_BREAKS.test(w.get(i))) {
                current++;
            }
            part[i] = current;
        }
        return part;
    }

    private static int segmentStart(int[] part, int word) {
        int i = word;
        while (i > 0 && part[i - 1] == part[word]) {
            i--;
        }
        return i;
    }

    private static int segmentEnd(int[] part, int word) {
        int i = word;
        while (i < part.length && part[i] == part[word]) {
            i++;
        }
        return i;
    }

    private static ArticleDates.Found dateIn(List<ArticleDates.Found> dates, int from, int to) {
        for (ArticleDates.Found d : dates) {
            if (d.start() >= from && d.start() < to && d.date() != null) {
                return d;
            }
        }
        return null;
    }

    /**
     * The day a planned step is set for: a day the plan's words name ahead of publication ("غداً الخميس", "يوم الأحد
     * المقبل", "بعد غدٍ الأحد", "يوم 15 أيلول المقبل"), after the base and before the next planned one, else (for the
     * first base) between the plan's first word and the base ("غداً ستسلم القوات القيارة"). A day before the plan's
     * words is when it was said ("قال أمس الأربعاء إن ..."); a time that names no day ("الأسبوع المقبل") gives none.
     */
    private static ArticleDates.Found planDay(Sentence s, List<ArticleDates.Found> dates, int plan, int base, int next,
                                              boolean first, LocalDate published) {
        ArticleDates.Found before = null;
        for (ArticleDates.Found d : dates) {
            // a bare "غداً" in a speaker's words is his tomorrow, maybe not the report's, maybe a figure of speech
            // ("الآن من القائم وغداً القيارة"); the reporter's own, or one a weekday pins, is the day after publication
            if (d.date() == null || d.start() < plan || d.bare() && s.isQuoted(d.start())) {
                continue;
            }
            // a bare weekday in a step to come ("سيسلم المعسكر ...، السبت.") is the coming one, not the last
            if (d.bare() && d.date().isBefore(published)) {
                d = new ArticleDates.Found(d.start(), d.end(),
                        published.with(java.time.temporal.TemporalAdjusters.nextOrSame(d.date().getDayOfWeek())), d.flag(),
                        true);
            }
            if (d.date().isBefore(published)) {
                continue;
            }
            if (d.start() > base && d.start() < next) {
                return d;
            }
            if (first && d.start() < base && before == null) {
                before = d;
            }
        }
        return before;
    }

    private static boolean passiveHandover(List<String> w) {
        for (int i = 0; i + 1 < w.size(); i++) {
            if (!DONE_PASSIVE.test(w.get(i))) {
                continue;
            }
            // "جرت اليوم الاثنين إعادة الموقع": the day may stand between
            int j = i + 1;
            while (j < w.size() && j - i <= 3 && DAY_WORDS.test(w.get(j))) {
                j++;
            }
            if (j < w.size() && HANDOVER_NOUN.test(w.get(j))) {
                return true;
            }
        }
        return false;
    }

    /** Index of the first word that turns the rest of the sentence into a plan, or -1. */
    private static int planMarker(List<String> w) {
        for (int i = 0; i < w.size(); i++) {
            if (PLAN_WORDS.test(w.get(i))) {
                // "الخطوة التالية": the plan starts at "الخطوة"
                return i > 0 && (w.get(i - 1).endsWith("خطوه") || w.get(i - 1).endsWith("مرحله")) ? i - 1 : i;
            }
            if (MAY.test(w.get(i)) && i + 1 < w.size() && BE.test(w.get(i + 1))) {
                return i > 1 && w.get(i - 2).endsWith("خطوه") ? i - 2 : i;
            }
        }
        return -1;
    }

    /** The words from the plan marker to the end of its quote or sentence, as written ("بحسب جدولٍ زمني" kept). */
    private static String clause(Sentence s, int from) {
        int end = from;
        boolean quoted = s.isQuoted(from);
        while (end < s.words().size() && s.isQuoted(end) == quoted && !s.rawToken(end).contains("»")) {
            end++;
        }
        if (end < s.words().size() && s.rawToken(end).contains("»")) {
            end++;
        }
        return ArticleSpeakers.clean(s.raw(from, end)).replace("«", "").replace("»", "");
    }

    /**
     * [from, to, announcer, other side] among the parties the sentence names. The receiver follows "إلى"/"لل",
     * or is the subject of تسلّم/تولى (the party right after the verb, else the first unmarked one); the giver
     * follows "انسحاب"/"من"/"تابعة لـ", or is the subject of سلّم/انسحب, or any other unmarked party.
     */
    private static String[] parties(Sentence s, List<Mention> mentions, boolean announcement) {
        return parties(s, mentions, announcement, 0, s.words().size());
    }

    private static String[] parties(Sentence s, List<Mention> mentions, boolean announcement, int from0, int to0) {
        String from = null;
        String to = null;
        String first = null;
        String second = null;
        // "أن تسلّم قوات التحالف القاعدة": after أن the same letters hand over ("tusallim"), they do not receive
        Optional<Integer> receiveAt = Optional.empty();
        for (int i = Math.max(0, from0); i < Math.min(to0, s.words().size()) && receiveAt.isEmpty(); i++) {
            String word = s.words().get(i);
            boolean handsOver = i > 0 && SUBJUNCTIVE.isBare(s.words().get(i - 1)) && HAND_OVER_AFTER.isBare(word);
            if (RECEIVING.test(word) && !handsOver) {
                receiveAt = Optional.of(i);
            }
        }
        boolean receives = receiveAt.isPresent();
        String receiverAfterVerb = null;
        if (receives) {
            int v = receiveAt.get();
            // the subject after the verb ("تسلّمت القوات"), else right before it ("وأن جيشها سيتسلّم القاعدة");
            // never a party marked as the giver's ("لتسلّم مقر التحالف")
            for (Mention m : mentions) {
                if (PARTIES.contains(m.entry().id()) && m.start() > v && m.start() <= v + 3 && m.start() < to0
                        && !givingMarked(s, m)) {
                    receiverAfterVerb = m.entry().id();
                    break;
                }
            }
            for (Mention m : mentions) {
                if (receiverAfterVerb == null && PARTIES.contains(m.entry().id()) && m.end() <= v && m.end() >= v - 1
                        && m.start() >= from0 && !givingMarked(s, m)) {
                    receiverAfterVerb = m.entry().id();
                }
            }
        }
        for (Mention m : mentions) {
            if (!PARTIES.contains(m.entry().id()) || m.start() < from0 || m.start() >= to0) {
                continue;
            }
            String id = m.entry().id();
            if (first == null) {
                first = id;
            } else if (second == null && !id.equals(first)) {
                second = id;
            }
            String word = s.words().get(m.start());
            String before = m.start() > 0 ? s.words().get(m.start() - 1) : "";
            boolean affiliated = AFFILIATION.test(before);
            boolean toMarked = !affiliated && (TO_MARK.test(before) || word.startsWith("لل") || word.startsWith("ولل"));
            boolean fromMarked = affiliated || FROM_MARK.test(before);
            if (toMarked) {
                to = to == null ? id : to;
            } else if (fromMarked) {
                from = from == null ? id : from;
            } else if (receives && (receiverAfterVerb == null ? to == null : id.equals(receiverAfterVerb))) {
                to = to == null ? id : to;
            } else if (!receives && to == null && from != null && !id.equals(from) && secondObject(s, m, mentions)) {
                to = id;
            } else {
                from = from == null ? id : from;
            }
        }
        if (Objects.equals(from, to)) {
            to = announcement ? to : null;
        }
        return new String[] {from, to, first, second};
    }

    /**
     * "سلّم التحالف الدولي، الثلاثاء، القوات العراقية الموقع": after a giving verb with two objects and its subject
     * party, a second party a few words on, with no preposition, is the one given to.
     */
    private static boolean secondObject(Sentence s, Mention second, List<Mention> mentions) {
        Mention subject = null;
        for (Mention m : mentions) {
            if (PARTIES.contains(m.entry().id()) && m.end() <= second.start()) {
                subject = m;
                break;
            }
        }
        if (subject == null || second.start() - subject.end() > SECOND_OBJECT || subject.start() == 0
                || !GIVE_TWO.isConjoined(s.words().get(subject.start() - 1))) {
            return false;
        }
        for (int i = subject.end(); i < second.start(); i++) {
            if (!DAY_WORDS.test(s.words().get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the words before the party mark it as the giving side ("مقر التحالف", "من القوات الأمريكية"). */
    private static boolean givingMarked(Sentence s, Mention m) {
        String before = m.start() > 0 ? s.words().get(m.start() - 1) : "";
        return AFFILIATION.test(before) || FROM_MARK.test(before);
    }

    private static final Lexicon DOLLAR = Lexicon.of("دولار", "دولاراً");
    private static final Map<String, Long> SCALE = Map.of("الف", 1_000L, "مليون", 1_000_000L, "مليار", 1_000_000_000L);
    private static final Lexicon EQUIPMENT = Lexicon.of("معدات", "المعدات", "ممتلكات", "تجهيزات", "أسلحة");
    private static final Lexicon TROOPS = Lexicon.of("جندي", "عسكري", "جنود", "عنصر", "مقاتل");
    private static final Lexicon QUALIFIER = Lexicon.of("نحو", "حوالي", "قرابة", "زهاء");

    /** Money and troop numbers told with a handover ("بقيمة 347 مليون دولار", "نحو 300 عسكري"), as digits. */
    private static List<Figure> handoverFigures(Sentence s, int from, int to) {
        List<String> w = s.words();
        List<Figure> figures = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (DOLLAR.test(w.get(i)) && i > from) {
                int n = i - 1;
                long scale = 1;
                if (SCALE.containsKey(w.get(n))) {
                    scale = SCALE.get(w.get(n));
                    n--;
                }
                long amount;
                if (n >= from && w.get(n).matches("\\d{1,9}")) {
                    amount = Long.parseLong(w.get(n)) * scale;
                } else if (scale > 1) {
                    amount = scale;     // "مليون دولار": one million
                    n++;
                } else {
                    continue;
                }
                figures.add(new Figure(s.has(from, to, EQUIPMENT) ? "equipment_value_usd" : "value_usd",
                        Long.toString(amount), qualifier(w, n, from)));
            } else if (TROOPS.test(w.get(i)) && i > from && w.get(i - 1).matches("\\d{1,6}")) {
                figures.add(new Figure(s.has(from, to, GIVE) ? "troops_left" : "troops", w.get(i - 1),
                        qualifier(w, i - 1, from)));
            }
        }
        return figures;
    }

    private static String qualifier(List<String> w, int number, int from) {
        return number - 1 >= from && QUALIFIER.test(w.get(number - 1)) ? w.get(number - 1) : null;
    }

    private static List<Figure> attackFigures(Sentence s) {
        List<String> w = s.words();
        for (int i = 0; i < w.size(); i++) {
            if (!ATTACK_NOUN.test(w.get(i))) {
                continue;
            }
            for (int j = i + 1; j <= Math.min(i + 4, w.size() - 1); j++) {
                if (w.get(j).matches("\\d+")) {
                    String note = null;
                    Optional<Integer> within = s.find(j + 1, x -> x.equals("خلال"));
                    if (within.isPresent()) {
                        note = ArticleSpeakers.clean(s.raw(within.get(), w.size()));
                    }
                    return List.of(new Figure("attack_count", w.get(j), note));
                }
            }
        }
        return List.of();
    }

    private static List<Figure> statementFigures(Sentence s) {
        Optional<Integer> two = s.find(0, TWO_BASES);
        if (two.isEmpty()) {
            return List.of();
        }
        int end = two.get() + 1;
        while (end < s.words().size() && !s.rawToken(end - 1).endsWith("،") && !s.rawToken(end - 1).endsWith(".")
                && end - two.get() < 6) {
            end++;
        }
        return List.of(new Figure("other_bases", "2", ArticleSpeakers.clean(s.raw(two.get(), end))));
    }

    /** Who stands behind the word at this index: the voice of the «…» it sits in, else the publisher. */
    private SourceDraft sourceAt(Sentence s, int word, List<QuoteVoices.QuoteSpan> quotes, ArticleMetadata meta) {
        int offset = s.offset(word);
        for (QuoteVoices.QuoteSpan q : quotes) {
            if (offset >= q.open() && offset <= q.close()) {
                return QuoteVoices.source(meta, q.voice(), s.text());
            }
        }
        return new SourceDraft(meta.publisher(), meta.published(), meta.url(), reportedBy(s), null, s.text());
    }

    /** "أكدت قيادة العمليات المشتركة أن ...": the body the article's own sentence reports, else null. */
    private String reportedBy(Sentence s) {
        Optional<Integer> verb = s.find(0, REPORTING);
        if (verb.isEmpty()) {
            return null;
        }
        for (Mention m : gazetteer.findInWords(s.words())) {
            if (m.entry().kind() == EntityKind.ORGANISATION && !PARTIES.contains(m.entry().id())
                    && m.start() > verb.get() && m.start() <= verb.get() + 3) {
                return ArticleSpeakers.clean(s.raw(m.start(), m.end()));
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- merging within the article

    /** One event per kind, status, base (and kind of announcement) in an article; each voice once. */
    private static List<EventDraft> merge(List<Reading> all) {
        // "يغادر التحالف قاعدة التقدم" in a report that tells the handover as done: the same handover
        Set<String> doneBases = new HashSet<>();
        for (Reading r : all) {
            if (r.kind() == EventKind.HANDOVER && r.status() == EventStatus.DONE && r.baseId() != null) {
                doneBases.add(r.baseId());
            }
        }
        List<Reading> readings = new ArrayList<>();
        for (Reading r : all) {
            boolean fold = r.kind() == EventKind.HANDOVER && r.status() == EventStatus.UNDER_WAY
                    && doneBases.contains(r.baseId());
            readings.add(fold ? new Reading(r.kind(), EventStatus.DONE, r.subtype(), r.baseId(), r.from(), r.to(),
                    r.date(), r.complete(), r.figures(), r.summary(), r.source(), r.dateFlag(), r.baseName()) : r);
        }
        Map<List<Object>, List<Reading>> groups = new LinkedHashMap<>();
        for (Reading r : readings) {
            List<Object> key = new ArrayList<>();
            key.add(r.kind());
            key.add(r.status());
            key.add(r.subtype());
            key.add(r.baseId());
            key.add(r.baseName());
            if (r.kind() == EventKind.ATTACK && r.baseId() == null) {
                key.add(r.summary());
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<EventDraft> events = new ArrayList<>();
        for (List<Reading> group : groups.values()) {
            Reading first = group.get(0);
            LocalDate date = null;
            String dateFlag = null;
            String from = null;
            String to = null;
            Boolean complete = null;
            List<Figure> figures = new ArrayList<>();
            List<SourceDraft> sources = new ArrayList<>();
            for (Reading r : group) {
                if (date == null && r.date() != null) {
                    date = r.date();
                    dateFlag = r.dateFlag();
                }
                from = from != null ? from : r.from();
                to = to != null ? to : r.to();
                if (r.complete() != null) {
                    complete = Boolean.TRUE.equals(complete) || r.complete();
                }
                for (Figure f : r.figures()) {
                    if (!figures.contains(f)) {
                        figures.add(f);
                    }
                }
                if (sources.stream().noneMatch(x -> x.sameCitation(r.source()))) {
                    sources.add(r.source());
                }
            }
            events.add(new EventDraft(first.kind(), first.status(), first.baseId(), from, to, date, complete, null,
                    figures, first.summary(), sources, dateFlag, first.baseName()));
        }
        return events;
    }
}
