package org.handoverbot.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.handoverbot.text.ArabicText;
import org.handoverbot.text.Clitics;
import org.handoverbot.text.WordLists;
import org.junit.jupiter.api.Test;

/**
 * The words questions and articles share are written once, in models/extraction/, and read from there by the
 * question rules ("@file[section]" in models/frame-rules.txt): place words, titles and ranks, unnamed voices,
 * verbs of saying, statements and posts, words after a place word that are no name, attacks, announcements, talks.
 */
class SharedWordListsTest {

    private static final FrameRules RULES = FrameRules.load();
    private static final Pattern SHARED = Pattern.compile("@([a-z-]+)\\[([a-z-]+)\\]");

    @Test
    void theUnknownNameCuesAreTheArticleReadersLists() {
        assertCovers("unknown.not_name", "places", "not-name");
        assertCovers("unknown.generic", "titles", "rank");
        assertCovers("unknown.generic", "titles", "title-head");
        assertCovers("unknown.generic", "quote-verbs", "unnamed");
        assertCovers("unknown.say", "quote-verbs", "speech");
        assertCovers("speaker.cue", "quote-verbs", "speech");
        assertCovers("speaker.cue", "quote-verbs", "unnamed");
        assertCovers("kind.attack", "events", "attack");
        assertCovers("kind.announcement", "events", "announce");
        assertCovers("topic.talks", "events", "talks");
        // a word only the article reader had, now known to the questions too
        assertThat(RULES.words("unknown.not_name")).contains(ArabicText.normalize("الرئيسية"));
        assertThat(RULES.words("unknown.generic")).contains(ArabicText.normalize("العميد"));
    }

    @Test
    void noWordIsWrittenBothInTheFrameRulesAndInAListTheyInclude() throws IOException {
        Map<String, List<String>> twice = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("models/frame-rules.txt"), StandardCharsets.UTF_8)) {
            int tab = line.indexOf('\t');
            if (line.startsWith("#") || tab < 0 || !line.contains("@")) {
                continue;
            }
            List<String> included = new ArrayList<>();
            Matcher m = SHARED.matcher(line);
            while (m.find()) {
                WordLists.section(m.group(1), m.group(2)).forEach(w -> included.add(ArabicText.normalize(w)));
            }
            for (String alternative : line.substring(tab + 1).split("\\|")) {
                String word = alternative.strip();
                if (!word.startsWith("@") && included.contains(ArabicText.normalize(word))) {
                    twice.computeIfAbsent(line.substring(0, tab), k -> new ArrayList<>()).add(word);
                }
            }
        }
        assertThat(twice).as("words written in frame-rules.txt and in a list the same rule includes").isEmpty();
    }

    @Test
    void aListIsReadOnceAndSharedByEveryReader() {
        assertThat(WordLists.words("place-words")).isSameAs(WordLists.words("place-words")).contains("قاعدة", "معسكر");
        assertThat(WordLists.section("titles", "rank")).isSameAs(WordLists.section("titles", "rank"));
    }

    private static void assertCovers(String rule, String file, String section) {
        Set<String> words = RULES.words(rule);
        for (String entry : WordLists.section(file, section)) {
            assertThat(words).as("%s reads %s[%s]", rule, file, section)
                    .containsAll(Clitics.forms(ArabicText.normalize(entry)));
        }
    }
}
