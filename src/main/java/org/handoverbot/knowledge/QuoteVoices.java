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

/**
 * Who speaks in each «…» of an article and through what (an agency, a tweet, local sites): a person the
 * gazetteer knows, "مصدر مسؤول", someone the article names with a rank or after "قال", or, after a verb that
 * continues ("وأضاف أن", "مشيراً إلى أن", "مؤكداً ... أن"), the speaker before. Also the topics of the words.
 */
final class QuoteVoices {

    private static final Lexicon CONTINUES = Lexicon.of("أضاف", "مضيفاً", "مشيراً", "مؤكداً", "أكد", "تابع", "موضحاً",
            "أوضح", "لافتاً", "بيّن", "مبيناً", "شدد", "مشدداً", "أردف", "ختم");
    private static final Lexicon SPEECH = Lexicon.of("قال", "قالت", "أكد", "أكدت", "ذكر", "ذكرت", "صرح", "صرحت",
            "أعلن", "أعلنت", "أوضح", "أوضحت", "بيّن", "بيّنت");
    private static final Lexicon ANONYMOUS = Lexicon.of("مصدر", "مصادر");
    private static final Lexicon ANONYMOUS_ADJ = Lexicon.of("مسؤول", "مطلع", "أمني", "عسكري", "حكومي", "رسمي",
            "مسؤولة", "مطلعة", "أمنية", "عسكرية", "حكومية");
    private static final Lexicon TWEET = Lexicon.of("تغريدة", "تغريده", "تدوينة");
    private static final Lexicon PLATFORM = Lexicon.of("تويتر", "فيسبوك", "تلغرام", "منصة");
    private static final Lexicon THAT = Lexicon.of("أن", "إن", "بأن");
    private static final Lexicon MEDIA = Lexicon.of("مواقع", "وسائل", "صحيفة", "قناة", "موقع", "وكالة", "إذاعة");
    private static final Lexicon NAME_STOPS = Lexicon.of("في", "إن", "أن", "عن", "خلال", "إلى", "أمام", "قوله", "بأن",
            "لـ");

    private static final Map<String, Lexicon> TOPICS = new LinkedHashMap<>();

    static {
        TOPICS.put("handover", Lexicon.of("تسليم", "سلّمت", "تسلّم", "انسحاب", "الانسحاب", "انسحبت", "مغادرة", "إخلاء",
                "تسلمت", "تسليمها", "تسلمها"));
        TOPICS.put("status", Lexicon.of("بالكامل", "كلي", "كامل", "جزئي", "البداية"));
        TOPICS.put("reason", Lexicon.of("السبب", "سبب", "لأن", "انتهت", "المهمة", "النتيجة"));
        TOPICS.put("capability", Lexicon.of("قادرة", "حماية", "مسك", "قتالية"));
        TOPICS.put("next_step", Lexicon.of("التالية", "جدول", "جدولٍ", "غداً", "المقبلة", "لاحقاً", "آخر", "تكون"));
        TOPICS.put("equipment", Lexicon.of("المعدات", "معدات", "تجهيزات", "أسلحة", "الأسلحة"));
        TOPICS.put("attacks", Lexicon.of("هاجموا", "هجوم", "هجمات", "للإرهابيين", "الإرهابيين", "صاروخي"));
        TOPICS.put("talks", Lexicon.of("مناقشات", "الحوار", "محادثات", "مفاوضات", "مناقشة"));
    }

    private final Gazetteer gazetteer;

    QuoteVoices(Gazetteer gazetteer) {
        this.gazetteer = Objects.requireNonNull(gazetteer);
    }

    /** Who speaks in one «…», and through which channel. */
    record Voice(String speakerId, String name, String title, String channel) {
        static final Voice UNKNOWN = new Voice(null, null, null, null);
    }

    /** One «…» of a sentence: [open, close] offsets in the sentence text. */
    record QuoteSpan(int open, int close, Voice voice) {
    }

    /** The «…» of every sentence, in article order, each with its voice. */
    List<List<QuoteSpan>> spans(List<Sentence> sentences, ArticleSpeakers speakers) {
        List<List<QuoteSpan>> quotes = new ArrayList<>();
        Voice previous = Voice.UNKNOWN;
        for (Sentence s : sentences) {
            List<QuoteSpan> spans = new ArrayList<>();
            int from = 0;
            while (true) {
                int open = s.text().indexOf('«', from);
                if (open < 0) {
                    break;
                }
                int close = s.text().indexOf('»', open + 1);
                if (close < 0) {
                    break;
                }
                Voice voice = voice(s.text().substring(from, open), s.index(), previous, speakers);
                spans.add(new QuoteSpan(open, close, voice));
                previous = voice;
                from = close + 1;
            }
            quotes.add(spans);
        }
        return quotes;
    }

    private Voice voice(String intro, int sentence, Voice previous, ArticleSpeakers speakers) {
        Sentence words = new Sentence(-1, intro);
        List<Mention> found = gazetteer.findInWords(words.words());
        String channel = channel(words, found);
        for (Mention m : found) {
            if (m.entry().kind() == EntityKind.PERSON) {
                String id = m.entry().id();
                // "بيَّن الخفاجي أن" names him again but he still speaks to the same sites
                String heard = channel == null && id.equals(previous.speakerId()) ? previous.channel() : channel;
                return new Voice(id, speakers.name(id), speakers.title(id, sentence), heard);
            }
        }
        Optional<Integer> anonymous = words.find(0, ANONYMOUS);
        if (anonymous.isPresent()) {
            int i = anonymous.get();
            int end = i + 1 < words.words().size() && ANONYMOUS_ADJ.test(words.words().get(i + 1)) ? i + 2 : i + 1;
            String name = ArticleSpeakers.withoutMarks(ArticleSpeakers.clean(words.raw(i, end)));
            return new Voice(null, name, null, channel);
        }
        Optional<Integer> rank = words.find(0, ArticleSpeakers.RANKS);
        if (rank.isPresent()) {
            int r = rank.get();
            int end = r + 1;
            while (end < words.words().size() && end - r <= 3 && !NAME_STOPS.test(words.words().get(end))
                    && !MEDIA.test(words.words().get(end)) && !TWEET.test(words.words().get(end))
                    && !ArticleSpeakers.endsClause(words.rawToken(end - 1))) {
                end++;
            }
            if (end > r + 1) {
                return new Voice(null, ArticleSpeakers.clean(words.raw(r, end)),
                        ArticleSpeakers.titleBefore(words, r), channel);
            }
        }
        boolean continues = !words.words().isEmpty() && words.find(0, CONTINUES).filter(i -> i <= 1).isPresent();
        if (continues && previous != Voice.UNKNOWN) {
            return previous;
        }
        Optional<Integer> speech = words.find(0, SPEECH);
        if (speech.isPresent()) {
            for (Mention m : found) {
                if (m.entry().kind() == EntityKind.ORGANISATION && m.start() > speech.get()
                        && m.start() <= speech.get() + 2) {
                    return new Voice(m.entry().id(), ArticleSpeakers.clean(words.raw(m.start(), m.end())),
                            null, channel);
                }
            }
            // "وقال محافظ الأنبار علي فرحان إن": whoever the article names after the verb, as it names them
            int from = speech.get() + 1;
            int end = from;
            while (end < words.words().size() && end - from < 6 && !NAME_STOPS.test(words.words().get(end))
                    && !MEDIA.test(words.words().get(end)) && !TWEET.test(words.words().get(end))) {
                end++;
                if (ArticleSpeakers.endsClause(words.rawToken(end - 1))) {
                    break;
                }
            }
            if (end > from) {
                return new Voice(null, ArticleSpeakers.clean(words.raw(from, end)), null, channel);
            }
        }
        return Voice.UNKNOWN;
    }

    /** Through what the article heard the words: an agency, a tweet, "local sites". */
    private static String channel(Sentence intro, List<Mention> found) {
        for (Mention m : found) {
            if (m.entry().kind() == EntityKind.ORGANISATION && !EventRules.PARTIES.contains(m.entry().id())) {
                return ArticleSpeakers.clean(intro.raw(m.start(), m.end()));
            }
        }
        List<String> w = intro.words();
        for (int i = 0; i < w.size(); i++) {
            if (TWEET.test(w.get(i))) {
                // "في تغريدة على حسابه في “تويتر”:" (the closing أن/إن is the sentence's, not the channel's)
                int end = w.size();
                while (end > i + 1 && THAT.test(w.get(end - 1))) {
                    end--;
                }
                return ArticleSpeakers.clean(intro.raw(i, end));
            }
            if (PLATFORM.test(w.get(i))) {
                return ArticleSpeakers.clean(intro.raw(i, i + 1)).replaceFirst("^(على|عبر|في)\\s*", "");
            }
            if (MEDIA.test(w.get(i))) {
                String raw = ArticleSpeakers.clean(intro.raw(i, Math.min(i + 2, w.size())));
                int comma = raw.indexOf('،');
                raw = comma > 0 ? raw.substring(0, comma) : raw;
                // "لمواقع محلية": the preposition belongs to the sentence, not to the channel's name
                return MEDIA.isBare(w.get(i)) ? raw : raw.substring(1);
            }
        }
        return null;
    }

    static SourceDraft source(ArticleMetadata meta, Voice voice, String evidence) {
        return new SourceDraft(meta.publisher(), meta.published(), meta.url(), voice.channel(), voice.name(), evidence);
    }

    static Set<String> topics(String quote) {
        List<String> words = org.handoverbot.text.ArabicText.words(quote);
        Set<String> topics = new LinkedHashSet<>();
        TOPICS.forEach((topic, lexicon) -> {
            if (words.stream().anyMatch(lexicon)) {
                topics.add(topic);
            }
        });
        return topics;
    }

}
