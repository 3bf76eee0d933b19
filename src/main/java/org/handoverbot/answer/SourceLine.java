package org.handoverbot.answer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Set;

import org.handoverbot.knowledge.Source;
import org.handoverbot.nlp.EntityKind;
import org.handoverbot.nlp.Gazetteer;
import org.handoverbot.nlp.Mention;
import org.handoverbot.text.ArabicText;
import org.handoverbot.text.Clitics;
import org.handoverbot.text.WordLists;

/**
 * Says where a fact comes from, the way an Arabic journalist credits it: the original source first, then who
 * carried it ("بحسب وكالة الأنباء العراقية، نقلاً عن مصدر مسؤول، كما أورد موقع الحل نت"); a voice's own channel
 * beside it ("بحسب الكولونيل مايلز كاغينز في تغريدة على حسابه في تويتر، كما أورد موقع الحل نت"). One entry per
 * publisher, at most three named, the rest counted; names of organisations the gazetteer knows by several
 * aliases are said one way ("العمليات المشتركة" is "قيادة العمليات المشتركة"), and a preposition the text glued
 * to a name ("لقيادة") is not carried into "بحسب". Structured reports are named by publisher and date; their
 * addresses are offered separately, never inside the sentence.
 */
public final class SourceLine {

    /**
     * Publishers whose name already says what they are need no "موقع" in front (models/extraction/quote-verbs.txt):
     * a kind word ("وكالة ...") or an agency known by its own name ("الأناضول" is no site).
     */
    private static final List<String> KIND_WORDS = concat(WordLists.section("quote-verbs", "outlet-kind"),
            WordLists.section("quote-verbs", "agency"));
    /** A voice's own channel, said after "في" in the genitive: the statement and post words of the same file. */
    private static final Set<String> CHANNEL_NOUNS = Set.copyOf(concat(WordLists.section("quote-verbs", "statement"),
            WordLists.section("quote-verbs", "tweet")));

    /** Outlets a line names before it counts the rest. */
    static final int NAMED = 3;

    private static final ReplyCatalogue SAY = ReplyCatalogue.arabic();
    private static final Gazetteer NAMES = Gazetteer.load();

    private SourceLine() {
    }

    /** One source, starting with "بحسب". */
    public static String of(Source source) {
        return SAY.format("source.according", "credit", credit(source));
    }

    /** One source's credit without "بحسب": a report, or whom an article cites "كما أورد" its publisher. */
    private static String credit(Source source) {
        if (source.articleId() == null) {
            return report(source);
        }
        String voices = voices(source);
        String outlet = outlet(source.publisher());
        return voices == null ? outlet : SAY.format("source.carried", "voices", voices, "outlet", outlet);
    }

    /** Whom an article's source cites: "وكالة الأنباء العراقية، نقلاً عن مصدر مسؤول", or null when it cites none. */
    private static String voices(Source source) {
        String cited = present(source.citedSource()) ? name(source.citedSource()) : null;
        String speaker = null;
        if (present(source.citedSpeaker())) {
            speaker = name(source.citedSpeaker());
            if (present(source.citedVia())) {
                speaker = SAY.format("source.via", "speaker", speaker, "via", via(source.citedVia()));
            }
        }
        if (cited != null && speaker != null) {
            return SAY.format("source.quoting", "credit", cited, "cited", speaker);
        }
        return cited != null ? cited : speaker;
    }

    /**
     * Every source of a fact, in one sentence ending with a full stop. Sources read from one article are
     * credited together (who it cites, then the article's publisher, once); other reports follow as
     * "وأورده أيضاً ...". Identical credits are said once.
     */
    public static String of(List<Source> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a fact without a source cannot be told");
        }
        String line = LINES.get(sources);
        if (line == null) {
            line = compose(sources);
            if (LINES.size() >= KEPT) {
                LINES.clear();
            }
            LINES.put(List.copyOf(sources), line);
        }
        return line;
    }

    // Nearly every answer ends with its sources' line, and the same few hundred lists of sources recur: each line
    // is composed once (several catalogue patterns and gazetteer look-ups, about 5 µs) and kept. Sources are
    // values, so a changed source is another key; past KEPT lines (a store far larger than today's) it starts over.
    private static final java.util.Map<List<Source>, String> LINES = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int KEPT = 4096;

    private static String compose(List<Source> sources) {
        // one entry per publisher: its articles' voices together, or its first report
        Map<Object, List<Source>> groups = new LinkedHashMap<>();
        for (Source s : sources) {
            Object key = (s.articleId() != null ? "article:" : "report:") + ArabicText.normalize(s.publisher());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
        }
        List<String> credits = new ArrayList<>();
        for (List<Source> group : groups.values()) {
            String credit = group.get(0).articleId() == null ? report(group.get(0)) : article(group);
            if (!credits.contains(credit)) {
                credits.add(credit);
            }
        }
        String also = "none";
        if (credits.size() > 1) {
            List<String> more = new ArrayList<>(credits.subList(1, Math.min(NAMED, credits.size())));
            if (credits.size() > NAMED) {
                more.add(SAY.format("source.more", "count", credits.size() - NAMED));
            }
            also = SAY.list(more);
        }
        return SAY.format("source.line", "first", credits.get(0), "also", also);
    }

    /** One article's credit: whom it cites (each once), then "كما أورد" its publisher. */
    private static String article(List<Source> fromOneArticle) {
        Set<String> cited = new LinkedHashSet<>();
        for (Source s : fromOneArticle) {
            String voices = voices(s);
            if (voices != null) {
                cited.add(voices);
            }
        }
        String outlet = outlet(fromOneArticle.get(0).publisher());
        if (cited.isEmpty()) {
            return outlet;
        }
        String voices = null;
        for (String one : cited) {
            voices = voices == null ? one : SAY.format("source.voices", "voices", voices, "voice", one);
        }
        return SAY.format("source.carried", "voices", voices, "outlet", outlet);
    }

    /** The addresses of the sources that have one, each once, in source order. */
    public static List<String> addresses(List<Source> sources) {
        Set<String> urls = new LinkedHashSet<>();
        for (Source s : sources) {
            if (present(s.url())) {
                urls.add(s.url().strip());
            }
        }
        return List.copyOf(urls);
    }

    /** "تقرير Military Times المنشور يوم الخميس 26 آذار (مارس) 2020". */
    static String report(Source source) {
        String name = SAY.format("source.report", "publisher", source.publisher().strip(),
                "date", source.published() == null ? "none" : ArabicDates.format(source.published()));
        return present(source.citedSource()) ? SAY.format("source.quoting", "credit", name, "cited", name(source.citedSource()))
                : name;
    }

    /** "موقع الحل نت", but "وكالة الأنباء العراقية" as it is. */
    static String outlet(String publisher) {
        String name = publisher.strip();
        String first = name.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        return KIND_WORDS.contains(first) ? name : SAY.format("source.site", "publisher", name);
    }

    /**
     * A cited name as the line says it: a clitic the text glued to it dropped ("لقيادة العمليات المشتركة"), and an
     * organisation known under several aliases by its one name; people and unknown names as the article wrote them.
     */
    static String name(String cited) {
        for (String candidate : Clitics.readings(cited)) {
            List<String> words = ArabicText.words(candidate);
            List<Mention> found = NAMES.findInWords(words);
            if (found.size() == 1 && found.get(0).start() == 0 && found.get(0).end() == words.size()
                    && found.get(0).entry().kind() == EntityKind.ORGANISATION) {
                return found.get(0).entry().name();
            }
        }
        return Clitics.withoutDetachedLam(cited);
    }

    /** "بياناً عبر تويتر" after "في": the statement in the genitive ("بيان عبر تويتر"). */
    private static String via(String via) {
        return Clitics.withoutAccusativeAlif(via, CHANNEL_NOUNS);
    }

    /** "لـ" before a name: "للواء تحسين الخفاجي" for a name with ال, "لـكاغينز" otherwise (text.Clitics). */
    public static String to(String name) {
        return Clitics.withLam(name);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
