package org.handoverbot.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.handoverbot.answer.ArabicDates;
import org.handoverbot.answer.Reply;
import org.handoverbot.answer.ReplyCatalogue;
import org.handoverbot.answer.Reply.Paragraph;
import org.handoverbot.answer.Reply.Quotation;
import org.handoverbot.answer.Reply.Span;
import org.handoverbot.answer.SourceLine;
import org.handoverbot.knowledge.Event;
import org.handoverbot.knowledge.EventKind;
import org.handoverbot.knowledge.EventStatus;
import org.handoverbot.knowledge.Quote;
import org.handoverbot.nlp.GazetteerEntry;
import org.handoverbot.nlp.Gazetteer;
import org.handoverbot.telegram.DeepLinks;
import org.handoverbot.text.WordList;

/**
 * Writes an alert in the answers' voice: what happened (a plan is never told as done), the date as the
 * sources give it (never guessed), who reports it, and one verbatim quote from the same article where there
 * is one. Everything comes from the stored event, its sources and its article's quotes.
 */
public final class AlertComposer {

    private static final List<String> PLACE_WORDS = WordList.load("/models/extraction/place-words.txt");

    private final Gazetteer gazetteer;
    private final Optional<String> botUsername;

    public AlertComposer(Gazetteer gazetteer) {
        this(gazetteer, Optional.empty());
    }

    /** With the bot's @username, each alert about a base ends with a link that opens the bot on that base. */
    public AlertComposer(Gazetteer gazetteer, Optional<String> botUsername) {
        this.gazetteer = gazetteer;
        this.botUsername = botUsername;
    }

    public Reply compose(Event event, Optional<Quote> quote) {
        List<Reply.Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph(what(event)));
        blocks.add(new Paragraph(when(event)));
        if (!event.sources().isEmpty()) {
            blocks.add(Paragraph.plain(SourceLine.of(event.sources())));
        }
        quote.ifPresent(q -> blocks.add(new Quotation(q.text(), attribution(q))));
        List<String> addresses = event.sources().isEmpty() ? List.of() : SourceLine.addresses(event.sources());
        if (!addresses.isEmpty()) {
            blocks.add(Paragraph.plain("الرابط: " + String.join("\n", addresses)));
        }
        askMore(event).ifPresent(blocks::add);
        blocks.add(Paragraph.plain("لإيقاف التنبيهات أرسل /unsubscribe"));
        return new Reply(blocks, List.of());
    }

    /** "Ask more" as a deep link (t.me/<bot>?start=<base id>) that opens the bot's chat on this base. */
    private Optional<Paragraph> askMore(Event event) {
        if (botUsername.isEmpty() || event.baseId() == null || !DeepLinks.isPayload(event.baseId())) {
            return Optional.empty();
        }
        return Optional.of(Paragraph.plain(ReplyCatalogue.arabic().format("alert.ask_more", "base",
                basePhrase(event.baseId()), "link", DeepLinks.start(botUsername.get(), Optional.of(event.baseId())))));
    }

    private List<Span> what(Event event) {
        String base = basePhrase(event.baseId());
        Optional<String> from = name(event.fromParty());
        Optional<String> to = name(event.toParty());
        List<Span> spans = new ArrayList<>();
        if (event.kind() == EventKind.HANDOVER && event.status() == EventStatus.DONE) {
            if (from.isPresent() && to.isPresent()) {
                spans.add(plain("🔔 تنبيه: سلّم " + from.get() + " "));
                spans.add(bold(base));
                spans.add(plain(" إلى " + to.get()));
            } else if (to.isPresent()) {
                spans.add(plain("🔔 تنبيه: تسلّمت " + to.get() + " "));
                spans.add(bold(base));
            } else {
                spans.add(plain("🔔 تنبيه: سُلّمت "));
                spans.add(bold(base));
            }
            spans.add(plain(Boolean.TRUE.equals(event.complete()) ? "، تسليماً كاملاً." : "."));
        } else if (event.kind() == EventKind.HANDOVER) {
            spans.add(plain("🔔 تنبيه: خطوة معلنة لم تتم بعد: تسليم "));
            spans.add(bold(base));
            from.ifPresent(f -> spans.add(plain(" من " + f)));
            to.ifPresent(t -> spans.add(plain(" إلى " + t)));
            spans.add(plain("."));
        } else {
            spans.add(plain("🔔 تنبيه: إعلان جديد بشأن "));
            spans.add(bold(event.baseId() == null ? "وجود قوات التحالف في العراق" : base));
            if (event.summary() != null && !event.summary().isBlank()) {
                spans.add(plain(": " + event.summary().strip()));
            }
            if (!spans.get(spans.size() - 1).text().endsWith(".")) {
                spans.add(plain("."));
            }
        }
        return spans;
    }

    private static List<Span> when(Event event) {
        boolean plan = event.status() == EventStatus.PLANNED;
        if (event.date() == null) {
            return List.of(plain(plan ? "لم تذكر المصادر موعداً لذلك." : "لم تذكر المصادر تاريخ ذلك."));
        }
        return List.of(plain(plan ? "الموعد المذكور: " : "التاريخ: "), bold(ArabicDates.format(event.date())), plain("."));
    }

    /** "قاعدة القائم في الأنبار"; names that already say what the place is ("موقع الصقور...") stay as they are. */
    private String basePhrase(String baseId) {
        if (baseId == null) {
            return "إحدى القواعد";
        }
        Optional<GazetteerEntry> entry = gazetteer.byId(baseId);
        if (entry.isEmpty()) {
            return baseId;
        }
        String name = entry.get().name();
        String phrase = PLACE_WORDS.stream().anyMatch(name::startsWith) ? name : "قاعدة " + name;
        String province = entry.get().province();
        return province == null || phrase.contains(province) ? phrase : phrase + " في " + province;
    }

    private Optional<String> name(String id) {
        return id == null ? Optional.empty() : gazetteer.byId(id).map(GazetteerEntry::name);
    }

    private static String attribution(Quote quote) {
        String who = quote.speakerName() == null ? "" : quote.speakerName().strip();
        String title = quote.speakerTitle() == null ? "" : quote.speakerTitle().strip();
        return who.isEmpty() ? title : title.isEmpty() ? who : who + "، " + title;
    }

    private static Span plain(String text) {
        return new Span(text, false);
    }

    private static Span bold(String text) {
        return new Span(text, true);
    }
}
