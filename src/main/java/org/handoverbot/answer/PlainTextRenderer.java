package org.handoverbot.answer;

import java.util.ArrayList;
import java.util.List;

/**
 * A reply as plain text for `ask` and the terminal chat: paragraphs separated by a blank line, quotations as
 * «…» — attribution. Buttons are left to the front end (the terminal chat lists them).
 */
public final class PlainTextRenderer {

    public String render(Reply reply) {
        List<String> blocks = new ArrayList<>();
        for (Reply.Block block : reply.blocks()) {
            blocks.add(block instanceof Reply.Quotation q ? quotation(q) : paragraph((Reply.Paragraph) block));
        }
        return String.join("\n\n", blocks);
    }

    private static String paragraph(Reply.Paragraph paragraph) {
        StringBuilder text = new StringBuilder();
        paragraph.spans().forEach(s -> text.append(s.text()));
        return text.toString();
    }

    private static String quotation(Reply.Quotation quotation) {
        String quoted = "«" + quotation.text().strip() + "»";
        return quotation.attribution() == null || quotation.attribution().isBlank()
                ? quoted : quoted + " — " + quotation.attribution().strip();
    }
}
