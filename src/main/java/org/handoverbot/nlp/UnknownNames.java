package org.handoverbot.nlp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.handoverbot.text.ArabicText;
import org.handoverbot.text.Clitics;
import org.handoverbot.text.WordLists;

/**
 * Names a question gives that the gazetteer does not know: a place ("قاعدة فكتوريا", "معسكر الرشيد": a place
 * word then a definite noun) or a speaker ("وزير الدفاع الأمريكي": the words after a verb of saying, up to
 * "عن/حول"), returned as the user typed them, so the bot can say it has nothing about that very name instead of
 * answering about another. The lists are the rules unknown.* of models/frame-rules.txt; the words the article
 * reader knows too (place words, words that are no name, verbs of saying, titles) are read from
 * models/extraction/, once (text.WordLists).
 */
final class UnknownNames {

    private static final String PROVINCE = "PROVINCE";

    private final Set<String> placeWords;
    private final List<String> placeBases;
    private final Set<String> notNames;
    private final Set<String> say;
    private final Set<String> stop;
    private final Set<String> generic;
    private final Set<String> prepositions;

    UnknownNames(FrameRules rules) {
        this.placeBases = WordLists.words("place-words").stream().map(ArabicText::normalize).toList();
        Set<String> forms = new HashSet<>();
        placeBases.forEach(w -> forms.addAll(Clitics.forms(w)));
        this.placeWords = Set.copyOf(forms);
        this.notNames = rules.words("unknown.not_name");
        this.say = rules.words("unknown.say");
        this.stop = rules.words("unknown.stop");
        this.generic = rules.words("unknown.generic");
        this.prepositions = rules.words("unknown.preposition");
        this.where = rules.words("unknown.where");
    }

    /** "المسؤول في وزارة البيشمركة": after a voice named only generically, where it serves is part of its name. */
    private final Set<String> where;

    /** The unknown place as typed ("قاعدة الحرية"), or null. */
    String place(String question, List<String> words, List<QuestionTokens.Token> tokens) {
        for (int k = 0; k + 1 < tokens.size(); k++) {
            QuestionTokens.Token word = tokens.get(k);
            QuestionTokens.Token next = tokens.get(k + 1);
            if (word.placeholder() == null && next.placeholder() == null && placeWords.contains(word.text())
                    && next.text().startsWith("ال") && next.text().length() > 3 && !notNames.contains(next.text())) {
                return withoutClitic(typed(question, List.of(word.text(), next.text())), word.text());
            }
        }
        // "من قاعدة فكتوريا؟": a name without ال, taken only when it ends the question after "from/in/about a base"
        int last = tokens.size() - 1;
        if (last >= 2 && tokens.get(last).placeholder() == null && tokens.get(last - 1).placeholder() == null
                && placeWords.contains(tokens.get(last - 1).text()) && prepositions.contains(tokens.get(last - 2).text())
                && tokens.get(last).text().length() > 3 && !notNames.contains("ال" + tokens.get(last).text())
                && Character.isLetter(tokens.get(last).text().charAt(0))) {
            return withoutClitic(typed(question, List.of(tokens.get(last - 1).text(), tokens.get(last).text())),
                    tokens.get(last - 1).text());
        }
        return null;
    }

    /** The unknown speaker as typed ("وزير الدفاع الأمريكي"), or null. */
    String speaker(String question, List<String> words, List<QuestionTokens.Token> tokens) {
        for (int k = 0; k < tokens.size(); k++) {
            if (tokens.get(k).placeholder() != null || !say.contains(tokens.get(k).text())) {
                continue;
            }
            List<String> name = new ArrayList<>();
            for (int j = k + 1; j < tokens.size() && (!stop.contains(tokens.get(j).text())
                    || where.contains(tokens.get(j).text()) && onlyGeneric(name)); j++) {
                // "محافظ الانبار": a province may end a title the gazetteer does not know; a base, a person, an
                // organisation or a date is a slot of its own (and a province first names no one: "قالوا بالانبار")
                String placeholder = tokens.get(j).placeholder();
                if (placeholder != null && !(PROVINCE.equals(placeholder) && !name.isEmpty())) {
                    return null;
                }
                name.addAll(Arrays.asList(tokens.get(j).text().split(" ")));
            }
            boolean naming = name.stream().anyMatch(w -> !generic.contains(w) && !w.matches("\\d+"));
            return naming && name.size() <= 4 ? typed(question, name) : null;
        }
        return null;
    }

    private boolean onlyGeneric(List<String> name) {
        return !name.isEmpty() && name.stream().allMatch(generic::contains);
    }

    /** "بقاعدة الحرية" → "قاعدة الحرية": the place as named, without the preposition glued to it. */
    private String withoutClitic(String typed, String placeWord) {
        for (String bare : placeBases) {
            if (placeWord.endsWith(bare) && placeWord.length() > bare.length()) {
                int cut = placeWord.length() - bare.length();
                return typed.length() > cut ? typed.substring(cut) : typed;
            }
        }
        return typed;
    }

    /** The words as the user typed them (hamzas and all) where they can be found, else as normalised. */
    private static String typed(String question, List<String> normalised) {
        String[] typed = question.strip().split("[\\s\\p{Punct}،؟؛«»]+");
        for (int i = 0; i + normalised.size() <= typed.length; i++) {
            boolean same = true;
            for (int k = 0; k < normalised.size() && same; k++) {
                same = ArabicText.normalize(typed[i + k]).equals(normalised.get(k));
            }
            if (same) {
                return String.join(" ", Arrays.asList(typed).subList(i, i + normalised.size()));
            }
        }
        return String.join(" ", normalised);
    }
}
