package org.handoverbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class TelegramHtmlRendererTest {

    private final TelegramHtmlRenderer renderer = new TelegramHtmlRenderer();

    @Test
    void boldSpansAndQuotationsBecomeTelegramTags() {
        Reply reply = Reply.of(
                new Reply.Paragraph(List.of(new Reply.Span("سُلّمت قاعدة ", false), new Reply.Span("القائم", true))),
                new Reply.Quotation("انسحاب تلك القوات من القائم هو البداية", "اللواء تحسين الخفاجي"));
        assertThat(renderer.render(reply)).containsExactly("سُلّمت قاعدة <b>القائم</b>\n\n"
                + "<blockquote>انسحاب تلك القوات من القائم هو البداية</blockquote>\n— اللواء تحسين الخفاجي");
    }

    @Test
    void escapesEveryMarkupCharacterInTextAndAttribution() {
        Reply reply = Reply.of(
                new Reply.Paragraph(List.of(new Reply.Span("<script>x</script> & ", false), new Reply.Span("<i>", true))),
                new Reply.Quotation("a<b>c", "x & <y>"));
        String html = renderer.render(reply).get(0);
        assertThat(html).isEqualTo("&lt;script&gt;x&lt;/script&gt; &amp; <b>&lt;i&gt;</b>\n\n"
                + "<blockquote>a&lt;b&gt;c</blockquote>\n— x &amp; &lt;y&gt;");
        assertThat(stripAllowedTags(html)).doesNotContain("<", ">");
    }

    @Test
    void theEscapedLengthIsTheLengthOfTheEscapedTextAndPlainTextIsKeptAsItIs() {
        for (String text : List.of("", "قاعدة القائم", "<", "&&", "a<b>c & d", "سُلّمت <b>القائم</b> & عين الأسد>", "x&")) {
            assertThat(TelegramHtmlRenderer.escapedLength(text)).as(text).isEqualTo(TelegramHtmlRenderer.escape(text).length());
        }
        assertThat(TelegramHtmlRenderer.escape("a<b")).isEqualTo("a&lt;b");
        String plain = "سلمت قاعدة القائم";
        assertThat(TelegramHtmlRenderer.escape(plain)).isSameAs(plain);
    }

    @Test
    void anEmptyReplyGivesNoMessage() {
        assertThat(renderer.render(new Reply(List.of(), List.of()))).isEmpty();
    }

    @Test
    void aLongReplyIsSplitBetweenSentencesAndLosesNothing() {
        String sentence = "تسلّمت القوات الأمنية العراقية قاعدة القائم بعد انسحاب قوات التحالف الدولي منها. ";
        String text = sentence.repeat(200);
        List<String> messages = renderer.render(Reply.of(Reply.Paragraph.plain(text)));
        assertThat(messages).hasSizeGreaterThan(1);
        assertThat(messages).allSatisfy(m -> {
            assertThat(m.length()).isLessThan(4096);
            assertThat(m.strip()).endsWith(".");
        });
        assertThat(String.join("", messages)).isEqualTo(text);
    }

    @Test
    void escapingIsCountedWhenSplitting() {
        String text = "&".repeat(3000);
        List<String> messages = renderer.render(Reply.of(Reply.Paragraph.plain(text)));
        assertThat(messages).allSatisfy(m -> assertThat(m.length()).isLessThan(4096));
        assertThat(String.join("", messages).replace("&amp;", "&")).isEqualTo(text);
    }

    @Test
    void aLongQuotationStaysQuotedInEveryPartAndIsAttributedOnce() {
        String sentence = "وهذه القوات ليست قتالية وإنما هي قوات لتقديم الخبرة والدعم اللوجستي. ";
        TelegramHtmlRenderer small = new TelegramHtmlRenderer(500);
        List<String> messages = small.render(Reply.of(Reply.Paragraph.plain("قال الخفاجي:"),
                new Reply.Quotation(sentence.repeat(20), "اللواء تحسين الخفاجي")));
        assertThat(messages).hasSizeGreaterThan(2).allSatisfy(m -> assertThat(m.length()).isLessThanOrEqualTo(500));
        List<String> quoted = new ArrayList<>();
        for (String m : messages) {
            Matcher q = Pattern.compile("<blockquote>(.*?)</blockquote>", Pattern.DOTALL).matcher(m);
            while (q.find()) {
                quoted.add(q.group(1));
            }
        }
        assertThat(String.join("", quoted)).isEqualTo(sentence.repeat(20));
        assertThat(String.join("\n", messages)).containsOnlyOnce("— اللواء تحسين الخفاجي");
        assertThat(messages.get(messages.size() - 1)).endsWith("— اللواء تحسين الخفاجي");
    }

    @Test
    void textWithoutAnyBoundaryIsCutWithoutBreakingEmoji() {
        String text = "🙂".repeat(3000);
        List<String> messages = renderer.render(Reply.of(Reply.Paragraph.plain(text)));
        assertThat(messages).hasSize(2).allSatisfy(m -> {
            assertThat(m.length()).isLessThan(4096);
            assertThat(Character.isHighSurrogate(m.charAt(m.length() - 1))).isFalse();
        });
        assertThat(String.join("", messages)).isEqualTo(text);
    }

    @Test
    void manyShortBlocksArePackedIntoFewMessages() {
        List<Reply.Block> blocks = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            blocks.add(Reply.Paragraph.plain("القاعدة رقم " + i + " سُلّمت."));
        }
        List<String> messages = renderer.render(new Reply(blocks, List.of()));
        assertThat(messages).hasSizeBetween(2, 4).allSatisfy(m -> assertThat(m.length()).isLessThan(4096));
        assertThat(String.join("\n\n", messages)).contains("القاعدة رقم 0 ").contains("القاعدة رقم 299 ");
    }

    private static String stripAllowedTags(String html) {
        return html.replaceAll("</?(b|blockquote)>", "");
    }
}
