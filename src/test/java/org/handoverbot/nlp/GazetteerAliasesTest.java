package org.handoverbot.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Every alias of every gazetteer entry, with and without ال, bare and with each clitic in front, inside a
 * question: each must be found as that entry, whole.
 */
class GazetteerAliasesTest {

    private static final List<String> CLITICS = List.of("", "و", "ب", "ف", "وب", "ل");

    private final Gazetteer gazetteer = Gazetteer.load();

    @Test
    void everyAliasIsFoundWithAndWithoutTheArticleAndWithClitics() {
        List<String> misses = new ArrayList<>();
        int tried = 0;
        for (GazetteerEntry entry : gazetteer.entries()) {
            for (String alias : entry.aliases()) {
                for (List<String> words : gazetteer.variants(alias)) {
                    boolean arabic = words.get(0).charAt(0) >= 0x0600;
                    for (String clitic : arabic ? CLITICS : List.of("")) {
                        String first = clitic.equals("ل") && words.get(0).startsWith("ال")
                                ? "لل" + words.get(0).substring(2) : clitic + words.get(0);
                        List<String> named = new ArrayList<>(words);
                        named.set(0, first);
                        String question = "متى سلموا " + String.join(" ", named) + " يا ترى";
                        tried++;
                        List<Mention> found = gazetteer.find(question);
                        boolean whole = found.size() == 1 && found.get(0).entry().id().equals(entry.id())
                                && found.get(0).end() - found.get(0).start() == words.size();
                        if (!whole) {
                            misses.add(entry.id() + ": «" + question + "» found " + found.stream()
                                    .map(m -> m.entry().id() + "[" + m.start() + "," + m.end() + ")").toList());
                        }
                    }
                }
            }
        }
        assertThat(tried).isGreaterThan(500);
        assertThat(misses).isEmpty();
    }

    @Test
    void commonWordsAreNotTakenForNamesWithTheArticleToggled() {
        assertThat(gazetteer.find("قواتنا هي من تحافظ على أمن البلد")).extracting(m -> m.entry().id())
                .containsExactly("iraqi-forces");
        assertThat(gazetteer.find("هل الاتفاق قائم")).isEmpty();
    }

    @Test
    void theNewFormsOfK1AreKnown() {
        for (String q : List.of("شوكت سلموا الكي وان؟", "منو استلم كيوان", "شو صار بالكيوان", "وبالكي وان؟")) {
            assertThat(gazetteer.find(q)).as(q).extracting(m -> m.entry().id()).containsExactly("k1");
        }
    }
}
