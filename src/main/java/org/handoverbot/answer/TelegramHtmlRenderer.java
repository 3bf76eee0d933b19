package org.handoverbot.answer;

import java.util.ArrayList;
import java.util.List;

/**
 * A reply as Telegram messages in HTML parse mode: bold spans in &lt;b&gt;, quotations in &lt;blockquote&gt; with
 * the attribution after them, every other &lt; &gt; &amp; escaped (one stray character makes Telegram refuse the
 * whole message). Each message is under 4096 characters even before entity parsing; a long reply is split
 * between blocks, then between paragraphs, sentences or words. Buttons are not rendered here: the sender
 * attaches them to the last message.
 */
public final class TelegramHtmlRenderer {

    /** Telegram's limit is 4096 after parsing; keeping the raw HTML under it is always safe. */
    public static final int MAX_MESSAGE = 4095;

    private static final String QUOTE_OPEN = "<blockquote>";
    private static final String QUOTE_CLOSE = "</blockquote>";
    private static final String BLOCK_GAP = "\n\n";

    private final int max;

    public TelegramHtmlRenderer() {
        this(MAX_MESSAGE);
    }

    /** A smaller limit, for tests of the splitting. */
    TelegramHtmlRenderer(int max) {
        if (max < 200) {
            throw new IllegalArgumentException("message limit too small: " + max);
        }
        this.max = max;
    }

    /** The messages to send, in order; an empty reply gives no message. */
    public List<String> render(Reply reply) {
        List<String> messages = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (Reply.Block block : reply.blocks()) {
            for (String fragment : fragments(block)) {
                if (current.length() > 0 && current.length() + BLOCK_GAP.length() + fragment.length() > max) {
                    messages.add(current.toString());
                    current.setLength(0);
                }
                if (current.length() > 0) {
                    current.append(BLOCK_GAP);
                }
                current.append(fragment);
            }
        }
        if (current.length() > 0) {
            messages.add(current.toString());
        }
        return messages;
    }

    public static String escape(String text) {
        // most text has nothing to escape: it is returned as it is, without a copy
        int first = 0;
        while (first < text.length() && !needsEscape(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The length of {@link #escape}'s result, without making it (the splitter measures every piece it tries). */
    public static int escapedLength(String text) {
        int length = text.length();
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case '<', '>' -> length += 3;
                case '&' -> length += 4;
                default -> {
                }
            }
        }
        return length;
    }

    private static boolean needsEscape(char c) {
        return c == '<' || c == '>' || c == '&';
    }

    private List<String> fragments(Reply.Block block) {
        if (block instanceof Reply.Quotation q) {
            return quotation(q);
        }
        return paragraph((Reply.Paragraph) block);
    }

    private List<String> paragraph(Reply.Paragraph paragraph) {
        int room = max - "<b></b>".length();
        List<String> fragments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (Reply.Span span : paragraph.spans()) {
            for (String piece : TextPieces.split(span.text(), room, TelegramHtmlRenderer::escapedLength)) {
                String html = span.bold() ? "<b>" + escape(piece) + "</b>" : escape(piece);
                if (current.length() > 0 && current.length() + html.length() > max) {
                    fragments.add(current.toString());
                    current.setLength(0);
                }
                current.append(html);
            }
        }
        if (current.length() > 0) {
            fragments.add(current.toString());
        }
        return fragments;
    }

    private List<String> quotation(Reply.Quotation quotation) {
        String attribution = quotation.attribution() == null || quotation.attribution().isBlank()
                ? "" : "\n— " + escape(quotation.attribution().strip());
        if (attribution.length() > max / 2) {
            attribution = "\n— " + TextPieces.split(quotation.attribution().strip(), max / 2, TelegramHtmlRenderer::escapedLength).get(0);
        }
        int room = max - QUOTE_OPEN.length() - QUOTE_CLOSE.length() - attribution.length();
        List<String> pieces = TextPieces.split(quotation.text(), room, TelegramHtmlRenderer::escapedLength);
        List<String> fragments = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            String html = QUOTE_OPEN + escape(pieces.get(i)) + QUOTE_CLOSE;
            fragments.add(i == pieces.size() - 1 ? html + attribution : html);
        }
        return fragments;
    }
}
