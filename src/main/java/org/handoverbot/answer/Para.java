package org.handoverbot.answer;

import java.util.ArrayList;
import java.util.List;

/** Builds one paragraph of plain and bold spans. */
final class Para {

    private final List<Reply.Span> spans = new ArrayList<>();

    static Para text(String text) {
        return new Para().add(text);
    }

    /** A paragraph from the catalogue's spans (ReplyCatalogue.spans), to which more may be added. */
    static Para spans(List<Reply.Span> spans) {
        Para p = new Para();
        p.spans.addAll(spans);
        return p;
    }

    Para add(String text) {
        if (!text.isEmpty()) {
            spans.add(new Reply.Span(text, false));
        }
        return this;
    }

    Para bold(String text) {
        if (!text.isEmpty()) {
            spans.add(new Reply.Span(text, true));
        }
        return this;
    }

    boolean isEmpty() {
        return spans.isEmpty();
    }

    Reply.Paragraph build() {
        return new Reply.Paragraph(spans);
    }
}
