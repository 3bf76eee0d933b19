package org.handoverbot.knowledge;

import java.util.List;
import java.util.Optional;

import org.handoverbot.nlp.EntityKind;
import org.handoverbot.nlp.Gazetteer;
import org.handoverbot.nlp.GazetteerEntry;
import org.handoverbot.nlp.Mention;

/**
 * How one article names and titles the people it quotes: the fullest form of the name it uses (with rank),
 * and the title it gives them ("المتحدث باسم التحالف الدولي في العراق الكولونيل ..." or
 * "اللواء ...، المتحدث الرسمي ..."), falling back to the gazetteer's title only when the article gives none.
 */
final class ArticleSpeakers {

    static final Lexicon RANKS = Lexicon.of("اللواء", "الكولونيل", "العقيد", "العميد", "الفريق", "الجنرال", "المقدم",
            "الرائد", "النقيب", "الدكتور", "الوزير", "السفير");
    private static final Lexicon TITLE_HEADS = Lexicon.of("المتحدث", "الناطق", "قائد", "رئيس", "وزير", "مدير",
            "السفير", "مستشار", "المستشار", "نائب", "المسؤول", "المتحدثة", "الناطقة");

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

    /** A title written just before a name in the same clause ("قائد شرطة المحافظة العميد ..."), or null. */
    static String titleBefore(Sentence sentence, int nameStart) {
        List<String> words = sentence.words();
        for (int h = nameStart - 1; h >= Math.max(0, nameStart - 10); h--) {
            if (h < nameStart - 1 && endsClause(sentence.rawToken(h))) {
                return null;
            }
            if (TITLE_HEADS.test(words.get(h))) {
                return clean(sentence.raw(h, nameStart));
            }
        }
        return null;
    }

    static boolean endsClause(String rawToken) {
        return rawToken.endsWith("،") || rawToken.endsWith(".") || rawToken.endsWith(":") || rawToken.endsWith(",")
                || rawToken.contains("«") || rawToken.contains("»");
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
