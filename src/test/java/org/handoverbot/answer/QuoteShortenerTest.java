package org.handoverbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuoteShortenerTest {

    private static final String REASON = "السبب الحقيقي وراء الانسحاب، هو أن المهمة انتهت وأصبحت القوات العراقية قادرة على "
            + "مسك زمام الأمور، وهذه القوات ليست قتالية وإنما هي قوات لتقديم الخبرة والدعم اللوجستي وأعتقد أن هذه هي "
            + "النتيجة المثالية لأن القوات العراقية، هي من تحافظ على أمن وسلامة البلد، وقوات التحالف لا يمكنها أن تبقى إلى ما لا نهاية";

    @Test
    void aShortQuoteStaysWhole() {
        assertThat(QuoteShortener.shorten("  هذا خير اعتراف ", 100)).isEqualTo("هذا خير اعتراف");
    }

    @Test
    void aLongQuoteIsAVerbatimPrefixEndingAtABoundaryWithAnHonestMark() {
        String shortened = QuoteShortener.shorten(REASON, 150);
        assertThat(shortened).endsWith(" (…)").hasSizeLessThanOrEqualTo(150);
        String kept = shortened.substring(0, shortened.length() - QuoteShortener.OMISSION.length());
        assertThat(REASON).startsWith(kept);
        assertThat(REASON.charAt(kept.length())).isEqualTo('،');
    }

    @Test
    void prefersTheEndOfASentence() {
        String text = "الجملة الأولى انتهت هنا. " + "ثم كلام طويل بلا توقف ".repeat(10);
        assertThat(QuoteShortener.shorten(text, 80)).isEqualTo("الجملة الأولى انتهت هنا. (…)");
    }

    @Test
    void withoutAnyPunctuationCutsBetweenWords() {
        String text = "كلمة ".repeat(50).strip();
        String shortened = QuoteShortener.shorten(text, 40);
        assertThat(shortened).endsWith("كلمة (…)").hasSizeLessThanOrEqualTo(40);
    }
}
