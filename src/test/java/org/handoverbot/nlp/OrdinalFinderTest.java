package org.handoverbot.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.handoverbot.text.ArabicText;
import org.junit.jupiter.api.Test;

class OrdinalFinderTest {

    /**
     * A word is looked up once among the forms listed at load: it finds what the clitic-by-clitic look-up finds,
     * for every word of the questions and every ordinal word with every prefix, short and odd ones too.
     */
    @Test
    void theFormsListedAtLoadFindWhatTheCliticByCliticLookUpFinds() throws IOException {
        List<String> words = new ArrayList<>();
        for (String file : List.of("src/test/resources/ask-benchmark/questions.txt", "models/intents-train.txt",
                "models/intents-test.txt")) {
            for (String line : Files.readAllLines(Path.of(file))) {
                words.addAll(ArabicText.words(line));
            }
        }
        List<String> stems = List.of("اول", "الاول", "ثالثه", "الثالثه", "الاولي", "اخير", "الاخيره", "اخرهم", "رقم",
                "ال", "ل", "", "عاشر", "العاشره");
        List<String> prefixes = List.of("", "و", "ف", "ب", "ل", "ك", "وب", "فب", "ول", "لل", "ال", "وال", "ولل", "بال");
        for (String stem : stems) {
            for (String prefix : prefixes) {
                words.add(prefix + stem);
                if (stem.startsWith("ال")) {
                    words.add(prefix + "لل" + stem.substring(2));
                }
            }
        }
        int found = 0;
        for (String word : words) {
            List<Integer> both = OrdinalFinder.byBothWays(word);
            assertThat(both.get(0)).as(word).isEqualTo(both.get(1));
            assertThat(both.get(2)).as(word).isEqualTo(both.get(3));
            found += both.get(1) != null ? 1 : 0;
        }
        assertThat(found).isGreaterThan(50);
    }
}
