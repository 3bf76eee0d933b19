package org.handoverbot.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class DataLineTest {

    @Test
    void commentsAndBlankLinesAreLeftOutAndEveryOtherLineKeepsItsNumberInTheFile() throws Exception {
        String file = "# rules\n\nrule.a\tقاعدة BASE\n   # indented comment\n  \t \nrule.b\tبعد BASE  \n";
        List<DataLine> lines = DataLine.read(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), "rules.txt");

        assertThat(lines).containsExactly(new DataLine("rules.txt", 3, "rule.a\tقاعدة BASE"),
                new DataLine("rules.txt", 6, "rule.b\tبعد BASE  "));
        assertThat(lines.get(1).wrong("not one word: x")).hasMessage("rules.txt:6: not one word: x");
    }
}
