package org.handoverbot.answer;

import java.util.List;

/**
 * A reply before it is rendered: blocks of text and quotations, and buttons for the natural next question.
 * Renderers turn it into Telegram HTML or plain text; nothing here is escaped or formatted yet.
 */
public record Reply(List<Block> blocks, List<Button> buttons) {

    public Reply {
        blocks = List.copyOf(blocks);
        buttons = List.copyOf(buttons);
    }

    public static Reply of(Block... blocks) {
        return new Reply(List.of(blocks), List.of());
    }

    public Reply withButtons(List<Button> more) {
        return new Reply(blocks, more);
    }

    /** A paragraph, or a verbatim quotation with who said it. */
    public sealed interface Block permits Paragraph, Quotation {
    }

    /** Spans of one paragraph; a bold span stands out (a date, a base) and nothing else is styled. */
    public record Paragraph(List<Span> spans) implements Block {
        public Paragraph {
            spans = List.copyOf(spans);
        }

        public static Paragraph plain(String text) {
            return new Paragraph(List.of(new Span(text, false)));
        }
    }

    public record Span(String text, boolean bold) {
    }

    /** Words quoted verbatim from a stored article; attribution names speaker and title. */
    public record Quotation(String text, String attribution) implements Block {
    }

    /** An inline button: a label in Arabic and callback data of at most 64 bytes. */
    public record Button(String label, String callbackData) {
        public Button {
            if (callbackData.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 64) {
                throw new IllegalArgumentException("callback data over 64 bytes: " + callbackData);
            }
        }
    }
}
