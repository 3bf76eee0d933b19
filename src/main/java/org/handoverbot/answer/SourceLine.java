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

    // Publishers whose name already says what they are need no "موقع" in front.
    private static final List<String> KIND_WORDS = List.of("موقع", "وكالة", "وكاله", "صحيفة", "صحيفه", "قناة", "قناه",
            "شبكة", "شبكه", "مجلة", "مجله", "إذاعة", "اذاعة", "تلفزيون");

    /** Outlets a line names before it counts the rest. */
    static final int NAMED = 3;

    private static final ReplyCatalogue SAY = ReplyCatalogue.arabic();
    private static final Gazetteer NAMES = Gazetteer.load();

    private SourceLine() {
    }

    /** One source, starting with "بحسب". */
    public static String of(Source source) {
        if (source.articleId() == null) {
            return "بحسب " + report(source);
        }
        StringBuilder line = new StringBuilder("بحسب ");
        boolean cited = false;
        if (present(source.citedSource())) {
            line.append(name(source.citedSource()));
            cited = true;
        }
        if (present(source.citedSpeaker())) {
            String speaker = name(source.citedSpeaker());
            if (present(source.citedVia())) {
                speaker = SAY.format("source.via", "speaker", speaker, "via", via(source.citedVia()));
            }
            line.append(cited ? "، نقلاً عن " : "").append(speaker);
            cited = true;
        }
        if (cited) {
            line.append("، كما أورد ");
        }
        line.append(outlet(source.publisher()));
        return line.toString();
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
        StringBuilder line = new StringBuilder("بحسب ").append(credits.get(0));
        if (credits.size() > 1) {
            List<String> also = new ArrayList<>(credits.subList(1, Math.min(NAMED, credits.size())));
            if (credits.size() > NAMED) {
                also.add(SAY.format("source.more", "count", credits.size() - NAMED));
            }
            line.append("؛ وأورده أيضاً ").append(String.join(" و", also));
        }
        return line.append('.').toString();
    }

    /** One article's credit: whom it cites (each once), then "كما أورد" its publisher. */
    private static String article(List<Source> fromOneArticle) {
        Set<String> cited = new LinkedHashSet<>();
        for (Source s : fromOneArticle) {
            String one = of(s);
            String outlet = outlet(s.publisher());
            if (!one.equals("بحسب " + outlet)) {
                cited.add(one.substring("بحسب ".length(), one.length() - ("، كما أورد " + outlet).length()));
            }
        }
        String outlet = outlet(fromOneArticle.get(0).publisher());
        return cited.isEmpty() ? outlet : String.join("، و", cited) + "، كما أورد " + outlet;
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
        String name = "تقرير " + source.publisher().strip();
        if (source.published() != null) {
            name += " المنشور يوم " + ArabicDates.format(source.published());
        }
        if (present(source.citedSource())) {
            name += "، نقلاً عن " + name(source.citedSource());
        }
        return name;
    }

    /** "موقع الحل نت", but "وكالة الأنباء العراقية" as it is. */
    static String outlet(String publisher) {
        String name = publisher.strip();
        String first = name.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        return KIND_WORDS.contains(first) ? name : "موقع " + name;
    }

    /**
     * A cited name as the line says it: a clitic the text glued to it dropped ("لقيادة العمليات المشتركة"), and an
     * organisation known under several aliases by its one name; people and unknown names as the article wrote them.
     */
    static String name(String cited) {
        String n = cited.strip();
        for (String candidate : n.matches("^[لوبف][^\\s].*") ? List.of(n, n.substring(1)) : List.of(n)) {
            List<String> words = ArabicText.words(candidate);
            List<Mention> found = NAMES.findInWords(words);
            if (found.size() == 1 && found.get(0).start() == 0 && found.get(0).end() == words.size()
                    && found.get(0).entry().kind() == EntityKind.ORGANISATION) {
                return found.get(0).entry().name();
            }
        }
        // "لـاللواء"/"بحسب لقيادة": a bare preposition glued before a definite name is the text's, not the name's
        return n.startsWith("لـ") ? n.substring(2).strip() : n;
    }

    /** "بياناً عبر تويتر" after "في": the statement in the genitive ("بيان عبر تويتر"). */
    private static String via(String via) {
        return via.strip().replaceFirst("^(بيان|تغريدة)(اً|ا)(?=\\s|$)", "$1");
    }

    /** "لـ" before a name: "للواء تحسين الخفاجي" for a name with ال, "لـكاغينز" otherwise. */
    public static String to(String name) {
        String n = name.strip();
        if (!n.startsWith("ال")) {
            return "لـ" + n;
        }
        // ل + ال → لل ("للخفاجي"); before a word that starts with ل the article's lam goes ("للواء", not "لللواء")
        String word = n.substring(2);
        return (word.startsWith("ل") ? "ل" : "لل") + word;
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
