package org.handoverbot.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.handoverbot.nlp.Gazetteer;
import org.handoverbot.nlp.Mention;
import org.handoverbot.text.ArabicText;

/**
 * Finds a speaker a question names that the gazetteer does not know ("ماذا قال وزير الدفاع؟"), so the bot says
 * it holds no statement of that very person instead of quoting someone else. Only the words right after a verb
 * of saying count, up to "عن/حول/بشأن"; generic words ("المسؤولون", "المتحدث") do not name anyone.
 */
final class UnknownSpeakers {

    // Normalised forms (ArabicText folds hamza, ة, ى and چ).
    private static final Set<String> SAY = Set.of("قال", "قالت", "قالو", "قالوا", "يقول", "تقول", "كال", "كالت", "صرح",
            "صرحت", "ذكر", "ذكرت", "اكد", "اكدت", "حكي", "حكت", "تحدث", "تحدثت", "اعلن", "اعلنت", "ومال", "وقال");
    private static final Set<String> STOP = Set.of("عن", "حول", "بشان", "في", "بخصوص", "على", "ان", "انه", "لما", "بعد");
    private static final Set<String> GENERIC = Set.of("المسؤولون", "المسؤولين", "المسوولون", "المسوولين", "المتحدث",
            "الناطق", "باسم", "الرسمي", "المسؤول", "المسوول", "الجانب", "الطرفان", "الطرفين", "الجيش", "الحكومه",
            "العراقي", "العراقيه", "العراقيون", "الامريكي", "الامريكيون", "الامريكان", "الجنرال", "اللواء", "العقيد",
            "الكولونيل", "هو", "هي", "هم", "عنها", "عنه", "ايضا", "بعد", "اخر", "شي", "شيء", "شنو", "ماذا", "اذن",
            "الخبر", "المصدر", "مصدر", "التقرير", "المقال", "الموقع", "مسؤول", "مسوول", "احد", "اي", "الاخر");

    private final Gazetteer gazetteer;

    UnknownSpeakers(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** The unknown speaker's words as normalised (e.g. "وزير الدفاع"), if the question names one. */
    Optional<String> in(String question) {
        List<String> words = ArabicText.words(question);
        List<Mention> mentions = gazetteer.findInWords(words);
        for (int i = 0; i < words.size(); i++) {
            if (!SAY.contains(words.get(i))) {
                continue;
            }
            List<String> name = new ArrayList<>();
            for (int j = i + 1; j < words.size() && !STOP.contains(words.get(j)); j++) {
                int at = j;
                if (mentions.stream().anyMatch(m -> at >= m.start() && at < m.end())) {
                    return Optional.empty();
                }
                name.add(words.get(j));
            }
            List<String> naming = name.stream().filter(w -> !GENERIC.contains(w) && !w.matches("\\d+")).toList();
            if (!naming.isEmpty() && name.size() <= 4) {
                return Optional.of(typed(question, name));
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The name as the user typed it (hamzas and all) where it can be found, else as normalised. */
    private static String typed(String question, List<String> normalised) {
        String[] tokens = question.strip().split("[\\s\\p{Punct}،؟؛«»]+");
        for (int i = 0; i + normalised.size() <= tokens.length; i++) {
            boolean same = true;
            for (int k = 0; k < normalised.size() && same; k++) {
                same = ArabicText.normalize(tokens[i + k]).equals(normalised.get(k));
            }
            if (same) {
                return String.join(" ", java.util.Arrays.asList(tokens).subList(i, i + normalised.size()));
            }
        }
        return String.join(" ", normalised);
    }
}
