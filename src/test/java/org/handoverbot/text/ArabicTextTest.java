package org.handoverbot.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArabicTextTest {

    @Test
    void hamzaFormsTaMarbutaAndAlifMaqsuraAreFolded() {
        assertThat(ArabicText.normalize("أإآ القاعدة الأولى")).isEqualTo("ااا القاعده الاولي");
        assertThat(ArabicText.normalize("مسؤول قائم")).isEqualTo(ArabicText.normalize("مسوول قايم"));
    }

    @Test
    void tatweelAndDiacriticsDisappear() {
        assertThat(ArabicText.normalize("متـــى")).isEqualTo("متي");
        assertThat(ArabicText.normalize("مَتَى سُلِّمَتْ")).isEqualTo("متي سلمت");
    }

    @Test
    void arabicIndicAndPersianDigitsBecomeAscii() {
        assertThat(ArabicText.normalize("٢٠٢٠ و ۲۰۲۶")).isEqualTo("2020 و 2026");
    }

    @Test
    void iraqiLettersFoldToTheirStandardForms() {
        assertThat(ArabicText.normalize("گال حچى")).isEqualTo("قال حكي");
    }

    @Test
    void punctuationIsSplitOffEvenWithoutSpaces() {
        assertThat(ArabicText.tokens("القائم،متى؟")).containsExactly("القايم", "،", "متي", "؟");
        assertThat(ArabicText.words("«القائم»، متى؟")).containsExactly("القايم", "متي");
    }

    @Test
    void nothingReadableGivesNoWords() {
        assertThat(ArabicText.words(null)).isEmpty();
        assertThat(ArabicText.words("😀 ؟!")).isEmpty();
    }

    /** The words are OpenNLP's SimpleTokenizer's tokens that open with a letter or digit, on any text. */
    @Test
    void wordsAreTheTokenizersTokensThatOpenWithALetterOrDigit() throws java.io.IOException {
        java.util.List<String> texts = new java.util.ArrayList<>();
        for (String file : java.util.List.of("src/test/resources/ask-benchmark/questions.txt", "models/intents-train.txt",
                "models/intents-test.txt")) {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of(file))) {
                texts.add(line);
                texts.add(ArabicText.normalize(line));
            }
        }
        String alphabet = "متىسلمالقائم قاعدة aZ09٣٤\u064e\u0651\u0670،؟؟!!..«»-_\n\t\u00a0\u2009\u200b\u2167\u00b2😀"
                + "\ud83d\ude00\ud800\udc00x\u061f\u0620\u063b\u0640\u064a\u064b\u0660`{";
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(16);
            for (int k = 0; k < length; k++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(text.toString());
        }
        for (String text : texts) {
            java.util.List<String> tokens = new java.util.ArrayList<>();
            for (String token : opennlp.tools.tokenize.SimpleTokenizer.INSTANCE.tokenize(text)) {
                if (Character.isLetterOrDigit(token.codePointAt(0))) {
                    tokens.add(token);
                }
            }
            assertThat(ArabicText.wordsOfNormalized(text)).as("\"%s\"", text).isEqualTo(tokens);
        }
    }
}
