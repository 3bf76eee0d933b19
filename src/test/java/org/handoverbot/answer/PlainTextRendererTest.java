package org.handoverbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PlainTextRendererTest {

    private final PlainTextRenderer renderer = new PlainTextRenderer();

    @Test
    void writesParagraphsAndQuotationsWithAttribution() {
        Reply reply = new Reply(List.of(
                new Reply.Paragraph(List.of(new Reply.Span("سُلّمت القاعدة يوم ", false),
                        new Reply.Span("الخميس 19 آذار (مارس) 2020", true), new Reply.Span(".", false))),
                new Reply.Quotation("انسحاب تلك القوات من القائم هو البداية", "اللواء تحسين الخفاجي، المتحدث الرسمي")),
                List.of(new Reply.Button("المصدر", "src:al-qaim")));
        assertThat(renderer.render(reply)).isEqualTo("سُلّمت القاعدة يوم الخميس 19 آذار (مارس) 2020.\n\n"
                + "«انسحاب تلك القوات من القائم هو البداية» — اللواء تحسين الخفاجي، المتحدث الرسمي");
    }

    @Test
    void leavesMarkupCharactersAsTheyAre() {
        assertThat(renderer.render(Reply.of(Reply.Paragraph.plain("<b>a & b</b>")))).isEqualTo("<b>a & b</b>");
    }

    @Test
    void aQuotationWithoutAttributionIsStillQuoted() {
        assertThat(renderer.render(Reply.of(new Reply.Quotation("نص", null)))).isEqualTo("«نص»");
    }
}
