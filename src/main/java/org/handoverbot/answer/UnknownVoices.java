package org.handoverbot.answer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.handoverbot.knowledge.Quote;
import org.handoverbot.text.ArabicText;
import org.handoverbot.text.Clitics;

/**
 * The stored quotes of a voice the gazetteer does not know, asked for by name ("شنو قالت اللجنة العسكرية العليا؟"):
 * those whose speaker, as the report named them, holds every word asked, in order. Only one voice may answer: when
 * the words fit several (two different officers), none does, and the reply says the name is not in the sources
 * rather than lend one voice's words to another.
 */
final class UnknownVoices {

    /** Fewer words than this name no one ("الضابط" fits every officer). */
    private static final int WORDS_ASKED = 2;

    private UnknownVoices() {
    }

    static List<Quote> quotesOf(String asked, List<Quote> quotes) {
        List<String> words = ArabicText.words(asked);
        if (words.size() < WORDS_ASKED) {
            return List.of();
        }
        // "المسؤول في وزارة البيشمركة" asks for the voice a report first named "مسؤول في وزارة البيشمركة"
        List<String> indefinite = new ArrayList<>(words);
        indefinite.set(0, Clitics.withoutArticle(indefinite.get(0)));
        List<Quote> held = quotes.stream().filter(q -> q.speakerId() == null && q.speakerName() != null)
                .filter(q -> holds(ArabicText.words(q.speakerName()), words)
                        || holds(ArabicText.words(q.speakerName()), indefinite)).toList();
        long voices = held.stream().map(q -> String.join(" ", ArabicText.words(q.speakerName()))).distinct().count();
        return voices == 1 ? held : List.of();
    }

    private static boolean holds(List<String> name, List<String> asked) {
        return Collections.indexOfSubList(name, asked) >= 0;
    }
}
