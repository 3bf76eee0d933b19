package org.handoverbot.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.handoverbot.answer.EventSentences;
import org.handoverbot.answer.Names;
import org.handoverbot.answer.Reply;
import org.handoverbot.answer.Reply.Paragraph;
import org.handoverbot.answer.Reply.Span;
import org.handoverbot.answer.ReplyCatalogue;
import org.handoverbot.answer.SourceLine;
import org.handoverbot.knowledge.Event;
import org.handoverbot.knowledge.Quote;
import org.handoverbot.nlp.Gazetteer;
import org.handoverbot.telegram.DeepLinks;

/**
 * Writes an alert in the answers' own sentences (EventSentences): what happened, a plan never told as done,
 * the date as the sources give it or the plain word that they give none, who reports it, and one verbatim quote
 * from the same article where there is one. Everything comes from the stored event, its sources and its
 * article's quotes; the alert's own words (its headline, the link line, how to stop) are the catalogue's alert.*.
 */
public final class AlertComposer {

    /** Long enough for any quote that still fits one Telegram message with the rest of the alert. */
    private static final int QUOTE_MAX = 3000;

    private static final ReplyCatalogue SAY = ReplyCatalogue.arabic();

    private final EventSentences sentences;
    private final Names names;
    private final Optional<String> botUsername;

    public AlertComposer(Gazetteer gazetteer) {
        this(gazetteer, Optional.empty());
    }

    /** With the bot's @username, each alert about a base ends with a link that opens the bot on that base. */
    public AlertComposer(Gazetteer gazetteer, Optional<String> botUsername) {
        this.names = new Names(gazetteer);
        this.sentences = new EventSentences(names);
        this.botUsername = botUsername;
    }

    public Reply compose(Event event, Optional<Quote> quote) {
        List<Reply.Block> blocks = new ArrayList<>();
        List<Span> headline = new ArrayList<>(SAY.spans("alert.headline"));
        headline.add(new Span(" ", false));
        headline.addAll(sentences.whatHappened(event, quote.map(List::of).orElse(List.of())).spans());
        blocks.add(new Paragraph(headline));
        if (!event.sources().isEmpty()) {
            blocks.add(Paragraph.plain(SourceLine.of(event.sources())));
        }
        quote.ifPresent(q -> blocks.add(sentences.quotation(q, QUOTE_MAX)));
        List<String> addresses = event.sources().isEmpty() ? List.of() : SourceLine.addresses(event.sources());
        if (!addresses.isEmpty()) {
            blocks.add(SAY.paragraph("alert.links", "addresses", String.join("\n", addresses)));
        }
        askMore(event).ifPresent(blocks::add);
        blocks.add(SAY.paragraph("alert.unsubscribe"));
        return new Reply(blocks, List.of());
    }

    /** "Ask more" as a deep link (t.me/<bot>?start=<base id>) that opens the bot's chat on this base. */
    private Optional<Paragraph> askMore(Event event) {
        if (botUsername.isEmpty() || event.baseId() == null || !DeepLinks.isPayload(event.baseId())) {
            return Optional.empty();
        }
        return Optional.of(SAY.paragraph("alert.ask_more", "base", names.baseLabel(event.baseId()),
                "link", DeepLinks.start(botUsername.get(), Optional.of(event.baseId()))));
    }
}
