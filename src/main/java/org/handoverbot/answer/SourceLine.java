package org.handoverbot.answer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Set;

import org.handoverbot.knowledge.Source;

/**
 * Says where a fact comes from, the way an Arabic journalist credits it: the original source first, then who
 * carried it ("بحسب وكالة الأنباء العراقية، نقلاً عن مصدر مسؤول، كما أورد موقع الحل نت"). Structured reports are
 * named by publisher and date; their addresses are offered separately, never inside the sentence.
 */
public final class SourceLine {

    // Publishers whose name already says what they are need no "موقع" in front.
    private static final List<String> KIND_WORDS = List.of("موقع", "وكالة", "وكاله", "صحيفة", "صحيفه", "قناة", "قناه",
            "شبكة", "شبكه", "مجلة", "مجله", "إذاعة", "اذاعة", "تلفزيون");

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
            line.append(source.citedSource().strip());
            cited = true;
        }
        if (present(source.citedSpeaker())) {
            line.append(cited ? "، نقلاً عن " : "").append(source.citedSpeaker().strip());
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
        Map<Object, List<Source>> groups = new LinkedHashMap<>();
        for (Source s : sources) {
            Object key = s.articleId() != null ? "article:" + s.articleId() : "report:" + report(s);
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
            line.append("؛ وأورده أيضاً ").append(String.join(" و", credits.subList(1, credits.size())));
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
            name += "، نقلاً عن " + source.citedSource().strip();
        }
        return name;
    }

    /** "موقع الحل نت", but "وكالة الأنباء العراقية" as it is. */
    static String outlet(String publisher) {
        String name = publisher.strip();
        String first = name.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        return KIND_WORDS.contains(first) ? name : "موقع " + name;
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
