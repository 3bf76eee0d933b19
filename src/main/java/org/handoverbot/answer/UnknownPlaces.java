package org.handoverbot.answer;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.handoverbot.nlp.Gazetteer;
import org.handoverbot.nlp.Mention;
import org.handoverbot.text.ArabicText;

/**
 * Finds a place a question names that the gazetteer does not know ("متى سُلّمت قاعدة الحرية؟"), so the bot
 * says it has no information about that place instead of answering about the last base of the conversation.
 * Only "قاعدة/معسكر/مطار" followed by a definite noun counts; adjectives and ordinals after them do not.
 */
final class UnknownPlaces {

    private static final Set<String> PLACE_WORDS = Set.of("قاعده", "معسكر", "مطار", "موقع", "وقاعده", "بقاعده",
            "لقاعده", "ومعسكر", "بمعسكر", "ومطار", "بمطار");

    // Normalised words that follow a place word without naming a place (adjectives, ordinals, pronouns).
    private static final Set<String> NOT_NAMES = Set.of("العسكريه", "الجويه", "الاخيره", "التاليه", "الاولي", "الاولى",
            "الثانيه", "الثالثه", "الرابعه", "الخامسه", "السادسه", "السابعه", "الثامنه", "التاسعه", "العاشره", "التي",
            "الذي", "الامريكيه", "الاجنبيه", "المقبله", "القادمه", "الجديده", "الاخري", "الاخرى", "الكبيره", "المهمه",
            "المذكوره", "نفسها", "العراقيه", "الدوليه", "الاخير", "الاول", "الثاني", "الثالث", "المقبل", "القادم",
            "الامريكي", "العسكري", "الجوي", "الدولي");

    private final Gazetteer gazetteer;

    UnknownPlaces(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** The unknown place as the user wrote it (e.g. "قاعدة الحرية"), if the question names one. */
    Optional<String> in(String question) {
        List<String> words = ArabicText.words(question);
        List<Mention> mentions = gazetteer.findInWords(words);
        for (int i = 0; i + 1 < words.size(); i++) {
            String next = words.get(i + 1);
            if (PLACE_WORDS.contains(words.get(i)) && next.startsWith("ال") && next.length() > 3
                    && !NOT_NAMES.contains(next) && !covered(mentions, i + 1) && !covered(mentions, i)) {
                return Optional.of(original(question, words.get(i), next));
            }
        }
        return Optional.empty();
    }

    private static boolean covered(List<Mention> mentions, int index) {
        return mentions.stream().anyMatch(m -> index >= m.start() && index < m.end());
    }

    /** The two words as the user typed them where they can be found, else as normalised. */
    private static String original(String question, String placeWord, String name) {
        String[] typed = question.strip().split("[\\s\\p{Punct}،؟؛]+");
        for (int i = 0; i + 1 < typed.length; i++) {
            if (ArabicText.normalize(typed[i]).equals(placeWord) && ArabicText.normalize(typed[i + 1]).equals(name)) {
                return typed[i] + " " + typed[i + 1];
            }
        }
        return placeWord + " " + name;
    }
}
