package org.handoverbot.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.handoverbot.nlp.EntityKind;
import org.handoverbot.nlp.Gazetteer;
import org.handoverbot.nlp.Mention;
import org.handoverbot.text.ArabicText;
import org.handoverbot.text.Clitics;
import org.handoverbot.text.WordLists;

/**
 * Who speaks in each quote of an article, read openly from the words before it: a person by rank and name
 * (with the title the article gives, before or after the name), an institution ("قالت خلية الإعلام الأمني"),
 * an unnamed voice kept unnamed ("مصدر أمني"، "ضابط برتبة عقيد في الجيش العراقي"), or, after a verb that
 * continues ("وأضاف أن"، "مبيناً أن"، "وتابع،"), the speaker before. The speaker's own channel (a statement, a
 * tweet) is kept apart from the intermediary that carried the words (an agency, local sites). A name or a
 * word in quote marks (قاعدة "القائم"، لـ"واع") is no quote. Also the topics of the words.
 */
final class QuoteVoices {

    private static final Lexicon CONTINUES = Lexicon.data("quote-verbs", "continues");
    private static final Lexicon SPEECH = Lexicon.data("quote-verbs", "speech");
    private static final Lexicon THAT = Lexicon.data("quote-verbs", "that");
    private static final Lexicon STATEMENT = Lexicon.data("quote-verbs", "statement");
    private static final Lexicon IN = Lexicon.data("quote-verbs", "in");
    private static final Lexicon TWEET = Lexicon.data("quote-verbs", "tweet");
    private static final Lexicon PLATFORM = Lexicon.data("quote-verbs", "platform");
    private static final Lexicon CHANNEL_TAIL = Lexicon.data("quote-verbs", "channel-tail");
    private static final Lexicon MEDIA = Lexicon.data("quote-verbs", "media");
    private static final Set<String> MEDIA_ORGS = Set.copyOf(WordLists.section("quote-verbs", "media-org"));
    /** Fewer words than this between marks is a name or a word set apart, not someone's words. */
    private static final int QUOTE_WORDS = 3;

    private static final Map<String, Lexicon> TOPICS = new LinkedHashMap<>();

    static {
        // models/extraction/topics.txt, a section a topic in file order; talks are the article reader's own words
        WordLists.sections("topics").forEach((topic, words) -> {
            if (!topic.isEmpty()) {
                TOPICS.put(topic, Lexicon.of(words.toArray(String[]::new)));
            }
        });
        TOPICS.put("talks", Lexicon.data("events", "talks"));
    }

    private final Gazetteer gazetteer;

    QuoteVoices(Gazetteer gazetteer) {
        this.gazetteer = Objects.requireNonNull(gazetteer);
    }

    /**
     * Who speaks in one quote: speakerId (a gazetteer id, or null), the name and title as the article gives
     * them, channel (the intermediary that carried the words: an agency, local sites) and via (the speaker's own
     * channel: a statement, a tweet).
     */
    record Voice(String speakerId, String name, String title, String channel, String via) {
        static final Voice UNKNOWN = new Voice(null, null, null, null, null);

        Voice withChannels(String channel, String via) {
            return new Voice(speakerId, name, title, channel != null ? channel : this.channel,
                    via != null ? via : this.via);
        }
    }

    /** One quote of a sentence: [open, close] offsets in the sentence text (open may be before the text). */
    record QuoteSpan(int open, int close, Voice voice) {
        String words(String sentence) {
            return sentence.substring(open + 1, close).strip();
        }
    }

    /** The quotes of every sentence, in article order, each with its voice. */
    List<List<QuoteSpan>> spans(List<Sentence> sentences, ArticleSpeakers speakers) {
        List<List<QuoteSpan>> quotes = new ArrayList<>();
        Voice previous = Voice.UNKNOWN;
        List<Voice> named = new ArrayList<>();
        for (Sentence s : sentences) {
            List<QuoteSpan> spans = new ArrayList<>();
            int from = 0;
            Voice lead = lead(s, speakers);
            if (lead != null) {
                // "أعلنت اللجنة ... إخلاء القواعد." then "وقالت في البيان: «...»": the voice that spoke last
                previous = lead;
            }
            for (QuoteMarks.Span marked : s.marked()) {
                if (!isQuote(s.text().substring(marked.open() + 1, marked.close()))) {
                    continue;
                }
                String intro = marked.open() > from ? s.text().substring(from, marked.open()) : "";
                Voice voice = surnamed(voice(intro, s.index(), previous, speakers), named);
                if (voice.name() != null && voice.speakerId() == null && !named.contains(voice)) {
                    named.add(voice);
                }
                spans.add(new QuoteSpan(marked.open(), marked.close(), voice));
                previous = voice;
                from = Math.min(s.text().length(), marked.close() + 1);
            }
            quotes.add(spans);
        }
        return quotes;
    }

    /** Someone's words, not a name set apart: three words or more, and not only names the gazetteer knows. */
    private boolean isQuote(String inside) {
        List<String> words = ArabicText.words(inside);
        if (words.size() < QUOTE_WORDS) {
            return false;
        }
        int named = gazetteer.findInWords(words).stream().mapToInt(m -> m.end() - m.start()).sum();
        return named < words.size();
    }

    private Voice voice(String intro, int sentence, Voice previous, ArticleSpeakers speakers) {
        Sentence words = new Sentence(-1, intro);
        List<String> w = words.words();
        List<Mention> found = gazetteer.findInWords(w);
        String channel = channel(words, found);
        String via = via(words);
        Optional<Integer> verb = words.find(0, SPEECH);
        int subject = verb.map(v -> v + 1).orElse(0);

        // "ولفت البيان إلى أن"، "وجاء في البيان أن": the statement named again speaks in the voice that issued it
        if (previous != Voice.UNKNOWN && restated(words, verb)) {
            return previous.withChannels(channel, null);
        }
        // "وأضاف أن"، "وتابع،"، "وأضاف البيان"، "وأضاف باركر، في بيان": the same voice goes on
        boolean continues = !w.isEmpty() && words.find(0, CONTINUES).filter(i -> i <= 1).isPresent();
        if (continues && previous != Voice.UNKNOWN && !newSubject(words, found, previous)) {
            // "وتابع البيان": the statement named again, not a new channel
            return previous.withChannels(channel, via != null && via.startsWith("ال") ? null : via);
        }
        for (Mention m : found) {
            if (m.entry().kind() == EntityKind.PERSON) {
                String id = m.entry().id();
                String heard = channel == null && id.equals(previous.speakerId()) ? previous.channel() : channel;
                return new Voice(id, speakers.name(id), speakers.title(id, sentence), heard, via);
            }
        }
        Optional<Integer> rank = words.find(subject, ArticleSpeakers.RANKS);
        if (rank.isEmpty()) {
            rank = words.find(0, ArticleSpeakers.RANKS);
        }
        if (rank.isPresent()) {
            int r = rank.get();
            int end = ArticleSpeakers.rankedNameEnd(words, r);
            if (end > r + 1) {
                String title = ArticleSpeakers.titleBefore(words, r);
                if (title == null) {
                    title = ArticleSpeakers.titleAfter(words, end);
                }
                ArticleSpeakers.Person p = speakers.fullest(w.subList(r, end),
                        ArticleSpeakers.clean(words.raw(r, end)), title);
                return new Voice(null, p.name(), title != null ? title : p.title(), channel, via);
            }
        }
        Optional<Integer> unnamed = words.find(subject, x -> ArticleSpeakers.UNNAMED.test(x)
                || ArticleSpeakers.UNNAMED.test(bare(x)));
        if (unnamed.isPresent() && unnamed.get() <= subject + 1) {
            int u = unnamed.get();
            String head = bare(w.get(u));
            String name = w.get(u).startsWith("ال") || w.get(u).startsWith("وال")
                    ? speakers.firstNamed(head, false).orElse(ArticleSpeakers.clean(words.raw(u, u + 1)))
                    : ArticleSpeakers.withoutClitic(ArticleSpeakers.clean(words.raw(u, ArticleSpeakers.unnamedEnd(words, u))));
            return new Voice(null, ArticleSpeakers.withoutMarks(name), null, channel, via);
        }
        if (verb.isPresent() && previous != Voice.UNKNOWN && verb.get() <= 1
                && (subject >= w.size() || NO_SUBJECT.test(w.get(subject)) || words.rawToken(verb.get()).endsWith(":"))) {
            // "وقالت في البيان:"، "قائلة:": a verb of saying with no subject goes on in the last voice
            return previous.withChannels(channel, via);
        }
        if (verb.isPresent()) {
            int v = subject;
            // "وذكر بيان الوزارة": the statement is the channel, the ministry the speaker
            if (v < w.size() && STATEMENT.test(w.get(v))) {
                v++;
            }
            for (Mention m : found) {
                if (m.entry().kind() == EntityKind.ORGANISATION && !MEDIA_ORGS.contains(m.entry().id())
                        && m.start() >= v && m.start() <= v + 1) {
                    String name = ArticleSpeakers.clean(words.raw(m.start(), m.end()));
                    return new Voice(m.entry().id(), v > subject ? issuer(name) : name, null, channel, via);
                }
            }
            if (v < w.size() && ArticleSpeakers.INSTITUTIONS.test(w.get(v)) && w.get(v).startsWith("ال")) {
                Optional<String> named = speakers.firstNamed(bare(w.get(v)), true);
                if (named.isPresent()) {
                    return new Voice(idOf(named.get()), named.get(), null, channel, via);
                }
            }
            // "قال عضو مجلس محافظة كركوك، كريم الداوودي،": a title, then the name between commas
            if (v < w.size() && ArticleSpeakers.TITLE_HEADS.test(w.get(v))) {
                int t = v;
                while (t < w.size() && !ArticleSpeakers.endsClause(words.rawToken(t))
                        && !ArticleSpeakers.NAME_STOPS.test(w.get(t)) && !words.rawToken(t).startsWith("بـ")) {
                    t++;
                }
                boolean comma = t < w.size() && words.rawToken(t).endsWith("،");
                int titleEnd = t < w.size() && ArticleSpeakers.endsClause(words.rawToken(t)) ? t + 1 : t;
                String title = ArticleSpeakers.clean(ArticleSpeakers.cutAtMark(words.raw(v, Math.min(titleEnd, w.size()))));
                if (comma && t + 1 < w.size()) {
                    int n = t + 1;
                    int end = n;
                    while (end < w.size() && end - n < 4 && !ArticleSpeakers.NAME_STOPS.test(w.get(end))) {
                        end++;
                        if (ArticleSpeakers.endsClause(words.rawToken(end - 1))) {
                            break;
                        }
                    }
                    if (end > n && !THAT.test(w.get(n))) {
                        return new Voice(null, ArticleSpeakers.clean(words.raw(n, end)), title, channel, via);
                    }
                }
                Optional<ArticleSpeakers.Person> person = speakers.titled(title);
                if (person.isPresent()) {
                    return new Voice(null, person.get().name(), title, channel, via);
                }
                // no name: the title is all there is of the voice, described as an unnamed one is ("عضو في لجنة
                // الأمن والدفاع النيابية العراقية" before "إن")
                boolean where = t + 1 < w.size() && IN.test(w.get(t)) && !STATEMENT.test(w.get(t + 1))
                        && !TWEET.test(w.get(t + 1)) && !PLATFORM.test(w.get(t + 1));
                String described = ArticleSpeakers.clean(words.raw(v, ArticleSpeakers.unnamedEnd(words, v)));
                return new Voice(null, where && described.startsWith(title) ? described : title, null, channel, via);
            }
            // "نقلت وكالة الأنباء العراقية عن مستشار رئيس الوزراء حسين علاوي قوله": the one quoted follows "عن"
            Optional<Voice> relayed = relayed(words, subject, channel, via);
            if (relayed.isPresent()) {
                return relayed.get();
            }
            // "ونقلت وكالة الأنباء العراقية الرسمية، مصدرٍ مسؤول قوله": an unnamed voice after the intermediary
            Optional<Integer> later = words.find(subject, x -> ArticleSpeakers.UNNAMED.isBare(x)
                    || x.startsWith("و") && ArticleSpeakers.UNNAMED.isBare(x.substring(1)));
            if (later.isPresent()) {
                int u = later.get();
                return new Voice(null, ArticleSpeakers.withoutMarks(ArticleSpeakers.withoutClitic(ArticleSpeakers.clean(
                        words.raw(u, ArticleSpeakers.unnamedEnd(words, u))))), null, channel, via);
            }
            // "وقال محافظ الأنبار علي فرحان إن"، "قالت خلية الإعلام الأمني في بيان": as the article names them
            int end = v;
            while (end < w.size() && end - v < 6 && !ArticleSpeakers.NAME_STOPS.test(w.get(end))
                    && !STATEMENT.test(w.get(end)) && !words.rawToken(end).startsWith("لـ")) {
                end++;
                if (ArticleSpeakers.endsClause(words.rawToken(end - 1))) {
                    break;
                }
            }
            if (end > v) {
                String name = ArticleSpeakers.clean(ArticleSpeakers.cutAtMark(words.raw(v, end)));
                name = v > subject ? issuer(name) : name;
                return new Voice(idOf(name), name, null, channel, via);
            }
        }
        // "وبحسب موقع “السومرية نيوز”، فإن “...”": no one else speaks, the outlet's own words
        Optional<Integer> according = words.find(0, ACCORDING).filter(i -> i <= 1);
        Optional<Integer> outlet = according.flatMap(a -> words.find(a + 1, MEDIA)).filter(m -> m <= according.get() + 1);
        if (verb.isEmpty() && outlet.isPresent() && outlet.get() + 1 < w.size()) {
            // the outlet's name: the next word, or every word in the marks it opens ("“السومرية نيوز”")
            int start = outlet.get() + 1;
            int end = start + 1;
            if (QUOTE_OPENERS.indexOf(words.rawToken(start).charAt(0)) >= 0) {
                while (end < w.size() && end - start < 5 && !endsMark(words.rawToken(end - 1))) {
                    end++;
                }
            }
            String name = ArticleSpeakers.withoutMarks(ArticleSpeakers.clean(words.raw(start, end))).strip();
            if (!name.isEmpty()) {
                return new Voice(null, name, null, channel, via);
            }
        }
        return Voice.UNKNOWN.withChannels(channel, via);
    }

    /** "بيان للتحالف": the statement's issuer as named, without the preposition that ties it to the statement. */
    private static String issuer(String name) {
        return Clitics.withoutLam(name);
    }

    private static final String QUOTE_OPENERS = "\"“”«'";

    /** Punctuation after a closing mark; compiled once, endsMark runs for every word of an outlet's name. */
    private static final java.util.regex.Pattern TRAILING_PUNCTUATION = java.util.regex.Pattern.compile("[،,.:؛]+$");

    private static boolean endsMark(String rawToken) {
        String t = TRAILING_PUNCTUATION.matcher(rawToken).replaceAll("");
        return !t.isEmpty() && "\"”“»'".indexOf(t.charAt(t.length() - 1)) >= 0;
    }

    /**
     * The voice a sentence without quote marks opens with ("أعلنت اللجنة العسكرية العليا ..."، "وأوضحت اللجنة في
     * بيان أن ..."): a verb of saying first, then a named subject; null when the sentence opens otherwise or names
     * no one; or the body a statement it credits is by ("بحسب بيان لوزارة الدفاع"). It carries over to a later quote
     * whose verb names no subject.
     */
    private Voice lead(Sentence s, ArticleSpeakers speakers) {
        if (!s.marked().isEmpty()) {
            return null;
        }
        Sentence words = new Sentence(-1, s.text());
        Optional<Integer> verb = words.find(0, SPEECH).filter(i -> i <= 1);
        Optional<Integer> that = verb.flatMap(v -> words.find(v + 1, THAT));
        if (verb.isEmpty()) {
            return credited(words);
        }
        if (verb.get() + 1 >= words.words().size() || NO_SUBJECT.test(words.words().get(verb.get() + 1))) {
            return null;
        }
        String intro = that.isPresent() ? words.raw(0, that.get()) : s.text();
        Voice v = voice(intro, s.index(), Voice.UNKNOWN, speakers);
        return v.name() == null ? null : v;
    }

    /** "جاء"، "ورد": "وجاء في البيان" is the statement's own words. */
    private static final Lexicon STATEMENT_SAYS = Lexicon.data("quote-verbs", "statement-says");

    /**
     * Whether the words open with the statement named again as what speaks: a verb of saying whose subject is "البيان"
     * ("ولفت البيان إلى أن"), or "جاء/ورد في البيان".
     */
    private static boolean restated(Sentence words, Optional<Integer> verb) {
        List<String> w = words.words();
        if (verb.isPresent() && verb.get() <= 1 && verb.get() + 1 < w.size()) {
            String subject = w.get(verb.get() + 1);
            if (STATEMENT.test(subject) && subject.contains("ال")) {
                return true;
            }
        }
        Optional<Integer> says = words.find(0, STATEMENT_SAYS::isConjoined).filter(i -> i <= 1);
        return says.isPresent() && says.get() + 2 < w.size() && IN.test(w.get(says.get() + 1))
                && STATEMENT.test(w.get(says.get() + 2)) && w.get(says.get() + 2).startsWith("ال");
    }

    /**
     * "وتسلّم الجيش القاعدة، بحسب بيان لوزارة الدفاع العراقية": a sentence that credits its words to a body's
     * statement names the voice a later "وجاء في البيان" speaks in; null when it credits none.
     */
    private Voice credited(Sentence words) {
        List<String> w = words.words();
        Optional<Integer> according = words.find(0, ACCORDING);
        if (according.isEmpty() || according.get() + 2 >= w.size() || !STATEMENT.test(w.get(according.get() + 1))) {
            return null;
        }
        int at = according.get() + 2;
        for (Mention m : gazetteer.findInWords(w)) {
            if (m.start() == at && m.entry().kind() == EntityKind.ORGANISATION && !MEDIA_ORGS.contains(m.entry().id())) {
                return new Voice(m.entry().id(), m.entry().name(), null, null,
                        ArticleSpeakers.clean(words.raw(according.get() + 1, at)));
            }
        }
        return null;
    }

    /** Words right after a verb of saying that show it names no subject ("وقالت في البيان"، "وأضافت أن"). */
    private static final Lexicon NO_SUBJECT = Lexicon.data("quote-verbs", "name-stop", "that");

    /** "بحسب"، "وفق": the words that follow are the named outlet's. */
    private static final Lexicon ACCORDING = Lexicon.data("quote-verbs", "according");

    /**
     * "عن TITLE NAME قوله": the words between "عن" and "قوله" name the one quoted, the title first. The title runs
     * from its head word ("مستشار"، "رئيس") over definite words ("الوزراء العراقي"); the name starts at the first
     * word that is neither ("حسين علاوي"). A title alone, or a name alone, is not split.
     */
    private static Optional<Voice> relayed(Sentence words, int subject, String channel, String via) {
        List<String> w = words.words();
        int said = -1;
        for (int i = w.size() - 1; i > subject; i--) {
            if (RELAY_TAIL.test(w.get(i))) {
                said = i;
                break;
            }
        }
        int about = -1;
        for (int i = subject; i < said; i++) {
            if (RELAY_FROM.isBare(w.get(i))) {
                about = i;
            }
        }
        if (said < 0 || about < 0 || about + 1 >= said || !ArticleSpeakers.TITLE_HEADS.test(w.get(about + 1))) {
            return Optional.empty();
        }
        int name = about + 2;
        while (name < said && (w.get(name).startsWith("ال") || ArticleSpeakers.TITLE_HEADS.test(w.get(name))
                || TITLE_LINK.isBare(w.get(name)))) {
            name++;
        }
        if (name >= said || name == about + 1) {
            return Optional.empty();
        }
        return Optional.of(new Voice(null, ArticleSpeakers.clean(words.raw(name, said)),
                ArticleSpeakers.clean(words.raw(about + 1, name)), channel, via));
    }

    /** "قوله"، "قولها": the relayed words follow. */
    private static final Lexicon RELAY_TAIL = Lexicon.data("quote-verbs", "relay-tail");
    private static final Lexicon RELAY_FROM = Lexicon.data("quote-verbs", "relay-from");
    private static final Lexicon TITLE_LINK = Lexicon.data("quote-verbs", "title-link");

    /** "وبيّن علاوي": a surname alone is the voice the article named in full before ("حسين علاوي"). */
    private static Voice surnamed(Voice voice, List<Voice> named) {
        if (voice.name() == null || voice.speakerId() != null || ArabicText.words(voice.name()).size() != 1) {
            return voice;
        }
        String surname = ArabicText.words(voice.name()).get(0);
        for (Voice v : named) {
            List<String> full = ArabicText.words(v.name());
            if (full.size() > 1 && full.get(full.size() - 1).equals(surname)) {
                return new Voice(null, v.name(), null, voice.channel() != null ? voice.channel() : v.channel(),
                        voice.via());
            }
        }
        return voice;
    }

    private String idOf(String name) {
        List<String> w = ArabicText.words(name);
        List<Mention> m = gazetteer.findInWords(w);
        return m.size() == 1 && m.get(0).start() == 0 && m.get(0).end() == w.size() ? m.get(0).entry().id() : null;
    }

    /**
     * Whether words after a continuing verb name someone new ("وأضاف المحافظ علي فرحان"); "وأضاف أن"، "وأضاف
     * البيان"، "مؤكداً في الوقت ذاته أن"، "وأضاف باركر، في بيان" go on in the same voice.
     */
    private static boolean newSubject(Sentence words, List<Mention> found, Voice previous) {
        List<String> w = words.words();
        int next = words.find(0, CONTINUES).get() + 1;
        for (Mention m : found) {
            if (m.entry().kind() == EntityKind.PERSON && !m.entry().id().equals(previous.speakerId())) {
                return true;
            }
            if (m.entry().kind() == EntityKind.ORGANISATION && m.start() == next
                    && !m.entry().id().equals(previous.speakerId()) && !MEDIA_ORGS.contains(m.entry().id())) {
                return true;
            }
        }
        if (words.find(0, ArticleSpeakers.RANKS).isPresent()) {
            return true;
        }
        if (next < w.size() && !anaphor(w.get(next), previous) && (ArticleSpeakers.UNNAMED.test(w.get(next))
                || ArticleSpeakers.TITLE_HEADS.test(w.get(next)) || ArticleSpeakers.INSTITUTIONS.test(w.get(next)))) {
            return true;
        }
        return false;
    }

    /**
     * "المصدر"، "الخلية"، "الوزارة": the last voice named again by its head word. Another head ("وأكدت اللجنة ..."
     * after the army spoke) names someone new.
     */
    private static boolean anaphor(String normalised, Voice previous) {
        String b = bare(normalised);
        if (b.equals(normalised) || !(ArticleSpeakers.UNNAMED.test(b) || ArticleSpeakers.INSTITUTIONS.test(b))) {
            return false;
        }
        List<String> name = previous.name() == null ? List.of() : ArabicText.words(previous.name());
        return name.isEmpty() || bare(name.get(0)).equals(b);
    }

    private static String bare(String normalised) {
        String w = normalised;
        if (w.startsWith("وال") || w.startsWith("فال")) {
            w = w.substring(1);
        }
        return w.startsWith("ال") ? w.substring(2) : w;
    }

    private static String lastNameOf(Voice v) {
        if (v.name() == null) {
            return "\u0000";
        }
        List<String> w = ArabicText.words(v.name());
        return w.isEmpty() ? "\u0000" : w.get(w.size() - 1);
    }

    /** The speaker's own channel: "بيان"، "بيان صحفي"، "بياناً عبر تويتر"، "تغريدة على حسابه في تويتر". */
    private static String via(Sentence intro) {
        List<String> w = intro.words();
        for (int i = 0; i < w.size(); i++) {
            boolean statement = STATEMENT.test(w.get(i)) || TWEET.test(w.get(i));
            if (!statement && !PLATFORM.test(w.get(i))) {
                continue;
            }
            if (!statement) {
                return ArticleSpeakers.clean(intro.raw(i, i + 1));
            }
            int end = i + 1;
            int last = i + 1;
            while (end < w.size() && end - i <= 4 && !ArticleSpeakers.endsClause(intro.rawToken(end - 1))) {
                if (PLATFORM.test(w.get(end))) {
                    last = end + 1;
                    break;
                }
                if (!CHANNEL_TAIL.test(w.get(end))) {
                    break;
                }
                if (w.get(end).equals("صحفي") || w.get(end).equals("رسمي") || w.get(end).equals("له")) {
                    last = end + 1;
                }
                end++;
            }
            String raw = ArticleSpeakers.clean(intro.raw(i, last));
            return raw.contains(":") ? raw.substring(0, raw.indexOf(':')).strip() : raw;
        }
        return null;
    }

    /** The intermediary that carried the words: an agency or site the gazetteer knows, "مواقع محلية". */
    private static String channel(Sentence intro, List<Mention> found) {
        for (Mention m : found) {
            if (m.entry().kind() == EntityKind.ORGANISATION && MEDIA_ORGS.contains(m.entry().id())) {
                return ArticleSpeakers.clean(intro.raw(m.start(), m.end()));
            }
        }
        List<String> w = intro.words();
        for (int i = 0; i < w.size(); i++) {
            if (MEDIA.test(w.get(i))) {
                // "لوكالة أنباء ((شينخوا))": a kind, "أنباء", then the name; else the kind and one word
                int end = Math.min(i + 2, w.size());
                if (end < w.size() && NEWS.isBare(w.get(i + 1)) && !ArticleSpeakers.endsClause(intro.rawToken(i + 1))) {
                    end++;
                }
                String raw = ArticleSpeakers.clean(intro.raw(i, end)).replace("(", "").replace(")", "");
                int comma = raw.indexOf('،');
                raw = comma > 0 ? raw.substring(0, comma) : raw;
                // "لمواقع محلية": the preposition belongs to the sentence, not to the channel's name
                return MEDIA.isBare(w.get(i)) ? raw : raw.substring(1);
            }
            if (AGENCY.test(w.get(i))) {
                // "للأناضول"، "لـ"سبوتنيك""، "مراسل سبوتنيك": the agency by its own name, without the preposition
                String raw = ArticleSpeakers.clean(intro.raw(i, i + 1)).replace("ـ", "");
                if (raw.startsWith("لل") && !AGENCY.isBare(w.get(i))) {
                    return Clitics.withoutLam(raw);
                }
                boolean glued = raw.startsWith("ل") && ArabicText.normalize(raw.substring(1)).equals(w.get(i));
                return glued || !AGENCY.isBare(w.get(i)) ? raw.substring(1) : raw;
            }
        }
        return null;
    }

    private static final Lexicon AGENCY = Lexicon.data("quote-verbs", "agency");
    /** "أنباء": between a channel's kind and its name ("وكالة أنباء شينخوا"). */
    private static final Lexicon NEWS = Lexicon.data("quote-verbs", "news");

    static SourceDraft source(ArticleMetadata meta, Voice voice, String evidence) {
        return new SourceDraft(meta.publisher(), meta.published(), meta.url(), voice.channel(), voice.name(),
                voice.via(), evidence);
    }

    static Set<String> topics(String quote) {
        List<String> words = ArabicText.words(quote);
        Set<String> topics = new LinkedHashSet<>();
        TOPICS.forEach((topic, lexicon) -> {
            if (words.stream().anyMatch(lexicon)) {
                topics.add(topic);
            }
        });
        return topics;
    }
}
