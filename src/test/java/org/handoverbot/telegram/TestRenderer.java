package org.handoverbot.telegram;

import java.util.ArrayList;
import java.util.List;

import org.handoverbot.answer.Reply;

/** A small Telegram HTML renderer for transport tests: one block after another, split under 4096 characters. */
final class TestRenderer {

    private static final int PIECE = 3000;

    private TestRenderer() {
    }

    static List<String> render(Reply reply) {
        List<String> messages = new ArrayList<>();
        for (Reply.Block block : reply.blocks()) {
            if (block instanceof Reply.Paragraph p) {
                StringBuilder html = new StringBuilder();
                for (Reply.Span span : p.spans()) {
                    for (int i = 0; i < span.text().length(); i += PIECE) {
                        String piece = escape(span.text().substring(i, Math.min(span.text().length(), i + PIECE)));
                        html.append(span.bold() ? "<b>" + piece + "</b>" : piece);
                        if (html.length() > PIECE) {
                            messages.add(html.toString());
                            html.setLength(0);
                        }
                    }
                }
                if (html.length() > 0) {
                    messages.add(html.toString());
                }
            } else if (block instanceof Reply.Quotation q) {
                messages.add("<blockquote>" + escape(q.text()) + "</blockquote>\n— " + escape(q.attribution()));
            }
        }
        return messages.isEmpty() ? messages : List.of(String.join("\n\n", messages)).get(0).length() <= 4000
                ? List.of(String.join("\n\n", messages)) : messages;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
