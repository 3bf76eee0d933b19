package org.handoverbot.knowledge;

import java.util.List;
import java.util.Optional;

import org.handoverbot.nlp.EntityKind;
import org.handoverbot.nlp.Gazetteer;
import org.handoverbot.nlp.GazetteerEntry;
import org.handoverbot.nlp.Mention;
import org.handoverbot.text.Clitics;

/**
 * How one article names and titles the people it quotes: the fullest form of the name it uses (with rank),
 * and the title it gives them ("المتحدث باسم التحالف الدولي في العراق الكولونيل ..." or
 * "اللواء ...، المتحدث الرسمي ..."), falling back to the gazetteer's title only when the article gives none.
 */
final class ArticleSpeakers {

    static final Lexicon RANKS = Lexicon.data("titles", "rank");
    static final Lexicon RANK_TAIL = Lexicon.data("titles", "rank-tail");
    static final Lexicon TITLE_HEADS = Lexicon.data("titles", "title-head");
    static final Lexicon NAME_STOPS = Lexicon.data("quote-verbs", "name-stop", "that", "statement", "tweet",
            "platform", "media", "agency");
    static final Lexicon UNNAMED = Lexicon.data("quote-verbs", "unnamed");
    static final Lexicon UNNAMED_STOPS = Lexicon.data("quote-verbs", "unnamed-stop", "that", "statement", "tweet",
            "platform", "speech", "agency");
    /** "في العراق" at a clause's end belongs to an institution's name; "في بيان" does not. */
    private static final Lexicon NAME_IN_PLACE = Lexicon.data("quote-verbs", "name-in-place");
    /** "في" of "في العراق" (the list QuoteVoices reads "وجاء في البيان" with). */
    private static final Lexicon IN = Lexicon.data("quote-verbs", "in");
    /** The longest an institution's name runs ("اللجنة العسكرية العليا لإنهاء مهمة التحالف الدولي في العراق"). */
    private static final int INSTITUTION_WORDS = 10;
    static final Lexicon INSTITUTIONS = Lexicon.data("quote-verbs", "institution");
    /** The bare heads of an unnamed voice or an institution, as the data file writes them. */
    private static final List<String> VOICE_HEADS = java.util.stream.Stream.concat(
            org.handoverbot.text.WordLists.section("quote-verbs", "unnamed").stream(),
            org.handoverbot.text.WordLists.section("quote-verbs", "institution").stream()).toList();

    private final List<Sentence> sentences;
    private final List<List<Mention>> mentions;
    private final Gazetteer gazetteer;

    ArticleSpeakers(List<Sentence> sentences, List<List<Mention>> mentions, Gazetteer gazetteer) {
        this.sentences = sentences;
        this.mentions = mentions;
        this.gazetteer = gazetteer;
    }

    /** The longest way the article writes this person's name, rank included, hashtag marks removed. */
    String name(String personId) {
        String best = null;
        int bestWords = 0;
        for (int s = 0; s < sentences.size(); s++) {
            Sentence sentence = sentences.get(s);
            for (Mention m : mentions.get(s)) {
                if (!m.entry().id().equals(personId)) {
                    continue;
                }
                int start = m.start() > 0 && RANKS.test(sentence.words().get(m.start() - 1)) ? m.start() - 1 : m.start();
                int words = m.end() - start;
                if (words > bestWords) {
                    bestWords = words;
                    best = clean(sentence.raw(start, m.end()));
                }
            }
        }
        return best != null ? best : gazetteer.byId(personId).map(GazetteerEntry::name).orElse(null);
    }

    /** The title the article gives the person, preferring the sentence given; else the gazetteer's. */
    String title(String personId, int preferredSentence) {
        Optional<String> here = titleIn(preferredSentence, personId);
        if (here.isPresent()) {
            return here.get();
        }
        for (int s = 0; s < sentences.size(); s++) {
            Optional<String> t = titleIn(s, personId);
            if (t.isPresent()) {
                return t.get();
            }
        }
        return gazetteer.byId(personId).map(GazetteerEntry::title).orElse(null);
    }

    private Optional<String> titleIn(int s, String personId) {
        if (s < 0 || s >= sentences.size()) {
            return Optional.empty();
        }
        Sentence sentence = sentences.get(s);
        List<String> words = sentence.words();
        for (Mention m : mentions.get(s)) {
            if (!m.entry().id().equals(personId) || m.entry().kind() != EntityKind.PERSON) {
                continue;
            }
            // "الخفاجي، المتحدث الرسمي لقيادة العمليات المشتركة – العراق."
            if (m.end() < words.size() && TITLE_HEADS.test(words.get(m.end()))
                    && sentence.rawToken(m.end() - 1).endsWith("،")) {
                int j = m.end();
                while (j < words.size() && !endsClause(sentence.rawToken(j))) {
                    j++;
                }
                return Optional.of(clean(sentence.raw(m.end(), Math.min(j + 1, words.size()))));
            }
            // "المتحدث باسم التحالف الدولي في العراق الكولونيل #مايلز_كاغيتر"
            int nameStart = m.start() > 0 && RANKS.test(words.get(m.start() - 1)) ? m.start() - 1 : m.start();
            String before = titleBefore(sentence, nameStart);
            if (before != null) {
                return Optional.of(before);
            }
        }
        return Optional.empty();
    }

    /** A person the article names by rank, as written in full, with the title it gives them (or null). */
    record Person(String name, List<String> words, String title) {
    }

    private List<Person> people;

    /** Everyone the article names with a rank, in order of first mention, each once (its fullest form). */
    List<Person> people() {
        if (people == null) {
            List<Person> found = new java.util.ArrayList<>();
            for (Sentence s : sentences) {
                List<String> w = s.words();
                for (int i = 0; i < w.size(); i++) {
                    if (!RANKS.test(w.get(i))) {
                        continue;
                    }
                    int end = rankedNameEnd(s, i);
                    if (end <= i + 1) {
                        continue;
                    }
                    String name = clean(s.raw(i, end));
                    String title = titleBefore(s, i);
                    if (title == null) {
                        title = titleAfter(s, end);
                    }
                    Person p = new Person(name, w.subList(i, end), title);
                    found.removeIf(q -> q.words().size() < p.words().size() && sameEnd(p.words(), q.words()));
                    if (found.stream().noneMatch(q -> sameEnd(q.words(), p.words()))) {
                        found.add(p);
                    }
                    i = end - 1;
                }
            }
            people = found;
        }
        return people;
    }

    /** Where a name that starts with a rank at {@code rank} ends: rank words, then at most five name words. */
    static int rankedNameEnd(Sentence s, int rank) {
        List<String> w = s.words();
        int j = rank + 1;
        while (j < w.size() && RANK_TAIL.test(w.get(j)) && !endsClause(s.rawToken(j - 1))) {
            j++;
        }
        int nameStart = j;
        while (j < w.size() && j - nameStart < 5 && !endsClause(s.rawToken(j - 1)) && !NAME_STOPS.test(w.get(j))
                && !RANKS.test(w.get(j)) && !s.rawToken(j).startsWith("لـ") && !isDayWord(w.get(j))) {
            j++;
        }
        return j > nameStart ? j : rank + 1;
    }

    private static boolean isDayWord(String w) {
        return !ArticleDates.all(List.of(w), java.time.LocalDate.of(2000, 1, 1)).isEmpty();
    }

    /** Whether the longer name ends with the shorter one's name words (ranks aside): "يار الله" in the full name. */
    private static boolean sameEnd(List<String> longer, List<String> shorter) {
        List<String> tail = shorter.stream().filter(x -> !RANKS.test(x) && !RANK_TAIL.test(x)).toList();
        if (tail.isEmpty() || tail.size() > longer.size()) {
            return false;
        }
        return longer.subList(longer.size() - tail.size(), longer.size()).equals(tail);
    }

    /** The fullest way the article names the person a shorter ranked name stands for; the name itself if none. */
    Person fullest(List<String> words, String asWritten, String title) {
        for (Person p : people()) {
            if (sameEnd(p.words(), words)) {
                return p;
            }
        }
        return new Person(asWritten, words, title);
    }

    /** The person the article gave this title to ("رئيس أركان الجيش" → the chief of staff it named), if any. */
    Optional<Person> titled(String title) {
        String t = String.join(" ", org.handoverbot.text.ArabicText.words(title));
        for (Person p : people()) {
            if (p.title() != null && String.join(" ", org.handoverbot.text.ArabicText.words(p.title())).startsWith(t)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * The first time the article names an unnamed voice or an institution with this head word, as written
     * ("مصدر في وزارة الدفاع العراقية" for a later "المصدر"; "وزارة الدفاع العراقية" for "الوزارة").
     */
    Optional<String> firstNamed(String bareHead, boolean institution) {
        String bareOnly = null;
        String fullest = null;
        for (int si = 0; si < sentences.size(); si++) {
            Sentence s = sentences.get(si);
            List<String> w = s.words();
            for (int i = 0; i < w.size(); i++) {
                // "اللجنة العسكرية العليا": an institution named first with its article, then by its head alone
                boolean definiteName = institution && i + 1 < w.size() && !endsClause(s.rawToken(i))
                        && !NAME_STOPS.test(w.get(i + 1)) && w.get(i + 1).startsWith("ال")
                        && (w.get(i).equals("ال" + bareHead) || w.get(i).equals("وال" + bareHead));
                if (!definiteName && !w.get(i).equals(bareHead) && !Clitics.isConjoined(w.get(i), bareHead)) {
                    continue;
                }
                if (institution) {
                    for (Mention m : mentions.get(si)) {
                        if (m.start() == i && m.entry().kind() == EntityKind.ORGANISATION) {
                            return Optional.of(clean(s.raw(m.start(), m.end())));
                        }
                    }
                    // a headline's "اللجنة العسكرية العليا:" says less than the body's full name that starts with it
                    String named = withoutClitic(clean(s.raw(i, institutionEnd(s, i))));
                    if (fullest == null) {
                        fullest = named;
                    } else if (named.startsWith(fullest + " ")) {
                        fullest = named;
                    }
                    continue;
                }
                // a headline's bare "مصدر:" says less than the body's "مصدر أمني عراقي": prefer a description,
                // and a later one that says more of the same voice ("مصدر عسكري" then "مصدر عسكري عراقي")
                String described = withoutClitic(clean(s.raw(i, unnamedEnd(s, i))));
                if (described.contains(" ") && (fullest == null || described.startsWith(fullest + " "))) {
                    fullest = described;
                }
                bareOnly = bareOnly == null ? described : bareOnly;
            }
        }
        return Optional.ofNullable(fullest != null ? fullest : bareOnly);
    }

    /**
     * Where an institution's name that starts at {@code head} ends: up to three words, then a purpose glued to
     * "ل" and its words ("لإنهاء مهمة التحالف الدولي") and a place after "في" that ends the clause ("في العراق،").
     */
    static int institutionEnd(Sentence s, int head) {
        List<String> w = s.words();
        int j = head + 1;
        while (j < Math.min(w.size(), head + 3) && !endsClause(s.rawToken(j - 1)) && !NAME_STOPS.test(w.get(j))) {
            j++;
        }
        if (j < w.size() && j == head + 3 && !endsClause(s.rawToken(j - 1)) && s.rawToken(j).startsWith("ل")
                && !w.get(j).startsWith("ال") && !NAME_STOPS.test(w.get(j))) {
            j++;
            while (j < w.size() && j - head < INSTITUTION_WORDS && !endsClause(s.rawToken(j - 1))) {
                if (IN.isBare(w.get(j)) && j + 1 < w.size() && NAME_IN_PLACE.isBare(w.get(j + 1))
                        && (j + 2 == w.size() || endsClause(s.rawToken(j + 1)))) {
                    j += 2;
                    break;
                }
                if (NAME_STOPS.test(w.get(j)) || isDayWord(w.get(j))) {
                    break;
                }
                j++;
            }
        }
        return j;
    }

    /** Where an unnamed voice's description ends ("ضابط برتبة عقيد في الجيش العراقي" before "إلى أن"). */
    static int unnamedEnd(Sentence s, int head) {
        List<String> w = s.words();
        int j = head + 1;
        while (j < w.size() && j - head < 7 && !endsClause(s.rawToken(j - 1)) && !UNNAMED_STOPS.test(w.get(j))
                && !(w.get(j).equals("الي") && j + 1 < w.size() && w.get(j + 1).equals("ان"))
                && !s.rawToken(j).startsWith("لـ")) {
            j++;
        }
        return j;
    }

    /**
     * "ومصدر" written with the conjunction: the voice is "مصدر". The heads are the lists' own words
     * ([unnamed] and [institution] of quote-verbs.txt), as written, directly behind a glued و or ف.
     */
    static String withoutClitic(String raw) {
        if (Clitics.startsWithConjunction(raw)) {
            String rest = raw.substring(1);
            for (String head : VOICE_HEADS) {
                if (rest.startsWith(head)) {
                    return rest;
                }
            }
        }
        return raw;
    }


    /** "، نائب قائد القوة،" right after a name: the title the article gives it there, or null. */
    static String titleAfter(Sentence s, int nameEnd) {
        List<String> w = s.words();
        if (nameEnd >= w.size() || nameEnd == 0 || !s.rawToken(nameEnd - 1).endsWith("،")
                || !TITLE_HEADS.test(w.get(nameEnd))) {
            return null;
        }
        int j = nameEnd;
        while (j < w.size() && !endsClause(s.rawToken(j)) && !isDayWord(w.get(j))) {
            j++;
        }
        return clean(cutAtMark(s.raw(nameEnd, Math.min(j + 1, w.size()))));
    }

    /** The text before the first colon or quote mark: what follows is the quote, not the title. */
    static String cutAtMark(String raw) {
        int cut = raw.length();
        for (char c : new char[] {':', '“', '”', '"', '«'}) {
            int i = raw.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        return raw.substring(0, cut);
    }

    /** A title written just before a name in the same clause ("قائد شرطة المحافظة العميد ..."), or null. */
    static String titleBefore(Sentence sentence, int nameStart) {
        List<String> words = sentence.words();
        for (int h = nameStart - 1; h >= Math.max(0, nameStart - 10); h--) {
            if (h < nameStart - 1 && endsClause(sentence.rawToken(h))) {
                return null;
            }
            if (TITLE_HEADS.test(words.get(h))) {
                // "نائب قائد القوة": a title of several heads starts at the first
                while (h > 0 && TITLE_HEADS.test(words.get(h - 1)) && !endsClause(sentence.rawToken(h - 1))) {
                    h--;
                }
                return clean(sentence.raw(h, nameStart));
            }
        }
        return null;
    }

    static boolean endsClause(String rawToken) {
        return rawToken.endsWith("،") || rawToken.endsWith(".") || rawToken.endsWith(":") || rawToken.endsWith(",")
                || rawToken.contains("«") || rawToken.contains("»") || rawToken.contains("“")
                || rawToken.contains("”") || rawToken.contains("\"") || rawToken.contains(":");
    }

    /** Drops what is markup rather than name: hashtag signs, underscores, quotation marks, edge punctuation. */
    static String clean(String raw) {
        String s = raw.replace("#", "").replace('_', ' ').replace("“", "").replace("”", "").replace("\"", "")
                .replace("«", "").replace("»", "");
        s = s.replaceAll("^[\\s،,.:؛]+|[\\s،,.:؛]+$", "");
        return s.replaceAll("\\s+", " ");
    }

    /** The text without Arabic diacritics (tanween, shadda...), for names written with case endings. */
    static String withoutMarks(String s) {
        return s.replaceAll("[\\u064B-\\u0652\\u0670]", "");
    }
}
