package org.handoverbot.answer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
     * Every source of a fact, in one sentence ending with a full stop: the first as {@link #of}, the others as
     * "وأورده أيضاً ...". Identical credits are said once.
     */
    public static String of(List<Source> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a fact without a source cannot be told");
        }
        Set<String> seen = new LinkedHashSet<>();
        List<String> others = new ArrayList<>();
        String first = of(sources.get(0));
        seen.add(first);
        for (Source s : sources.subList(1, sources.size())) {
            String credit = s.articleId() == null ? report(s) : outlet(s.publisher());
            if (seen.add(of(s)) && !others.contains(credit)) {
                others.add(credit);
            }
        }
        StringBuilder line = new StringBuilder(first);
        if (!others.isEmpty()) {
            line.append("؛ وأورده أيضاً ").append(String.join(" و", others));
        }
        return line.append('.').toString();
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
        return source.published() == null ? name : name + " المنشور يوم " + ArabicDates.format(source.published());
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
