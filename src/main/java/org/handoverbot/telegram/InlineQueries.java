package org.handoverbot.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.handoverbot.answer.InlineAnswers;
import org.handoverbot.answer.Reply;
import org.handoverbot.answer.ReplyCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerInlineQuery;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.inlinequery.ChosenInlineQuery;
import org.telegram.telegrambots.meta.api.objects.inlinequery.InlineQuery;
import org.telegram.telegrambots.meta.api.objects.inlinequery.inputmessagecontent.InputTextMessageContent;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResult;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResultArticle;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResultsButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Inline mode: "@bot القائم" typed in any chat. The answers (InlineAnswers) become article results whose message
 * is the reply in Telegram HTML, with a link button that opens the bot's chat on the same base. Clients send a
 * query on almost every keystroke, so results are kept briefly per query text (a small bounded map with
 * expiry), and Telegram is told it may keep them as long. A chosen result (chosen_inline_result, when
 * /setinlinefeedback is on) is logged and counted by kind.
 */
final class InlineQueries {

    private static final Logger LOG = LoggerFactory.getLogger(InlineQueries.class);

    /** How long a query's results are kept, here and by Telegram. */
    static final Duration KEEP = Duration.ofSeconds(60);
    /** Distinct queries kept at most; the least recently asked goes first. */
    static final int MAX_KEPT = 2_000;

    private record Kept(List<InlineQueryResult> results, long untilNanos) {
    }

    private final Function<String, List<InlineAnswers.Result>> answers;
    private final Function<Reply, List<String>> renderer;
    private final String botUsername;
    private final LongSupplier nanos;
    private final ReplyCatalogue replies = ReplyCatalogue.arabic();
    private final Map<String, LongAdder> chosen = new ConcurrentHashMap<>();
    private final LongAdder computed = new LongAdder();
    private final Map<String, Kept> kept = new LinkedHashMap<>(64, 0.75f, true) { // guarded by itself
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            return size() > MAX_KEPT;
        }
    };

    private final TelegramClient client;
    private final TokenMask mask;
    private final Duration callTimeout;

    InlineQueries(Function<String, List<InlineAnswers.Result>> answers, Function<Reply, List<String>> renderer,
                  String botUsername, LongSupplier nanos, TelegramClient client, TokenMask mask, Duration callTimeout) {
        this.answers = answers;
        this.renderer = renderer;
        this.botUsername = botUsername;
        this.nanos = nanos;
        this.client = client;
        this.mask = mask;
        this.callTimeout = callTimeout;
    }

    /**
     * Sends the results. A query is only answerable for a few seconds; one answered too late (after a restart,
     * in a backlog) is refused by Telegram, which is logged and nothing more: the user has typed on by then.
     */
    void send(AnswerInlineQuery answer) throws InterruptedException {
        try {
            client.executeAsync(answer).get(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            LOG.warn("inline query not answered: {}", mask.describe(e.getCause()));
        } catch (TimeoutException | TelegramApiException e) {
            LOG.warn("inline query not answered: {}", mask.describe(e));
        }
    }

    /** The answer to one inline query: the results for its text, kept or composed now. */
    AnswerInlineQuery answer(InlineQuery query) {
        String text = query.getQuery() == null ? "" : query.getQuery().strip().replaceAll("\\s+", " ");
        return AnswerInlineQuery.builder().inlineQueryId(query.getId()).results(results(text))
                .cacheTime((int) KEEP.toSeconds()).isPersonal(false)
                .button(InlineQueryResultsButton.builder().text(replies.text("telegram.inline.open_bot"))
                        .startParameter("inline").build())
                .build();
    }

    List<InlineQueryResult> results(String text) {
        long now = nanos.getAsLong();
        synchronized (kept) {
            Kept k = kept.get(text);
            if (k != null && k.untilNanos() - now > 0) {
                return k.results();
            }
        }
        List<InlineQueryResult> results = new ArrayList<>();
        for (InlineAnswers.Result answer : answers.apply(text)) {
            List<String> messages = renderer.apply(answer.reply());
            if (messages.isEmpty()) {
                continue;
            }
            // One message per result: the first holds the answer and its source line; the link asks for more.
            results.add(InlineQueryResultArticle.builder().id(answer.id()).title(answer.title())
                    .description(answer.description())
                    .inputMessageContent(InputTextMessageContent.builder().messageText(messages.get(0)).parseMode("HTML")
                            .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build()).build())
                    .replyMarkup(askMore(answer.baseId()))
                    .build());
        }
        computed.increment();
        synchronized (kept) {
            kept.put(text, new Kept(List.copyOf(results), now + KEEP.toNanos()));
        }
        return results;
    }

    /** A result was posted: counted by its kind (answer, card, timeline, help). */
    void chosen(ChosenInlineQuery choice) {
        String kind = kindOf(choice.getResultId());
        chosen.computeIfAbsent(kind, k -> new LongAdder()).increment();
        LOG.info("inline result chosen: {} for \"{}\"", choice.getResultId(), choice.getQuery());
    }

    /** Chosen results so far, by kind. */
    Map<String, Long> chosenCounts() {
        Map<String, Long> counts = new TreeMap<>();
        chosen.forEach((kind, n) -> counts.put(kind, n.sum()));
        return counts;
    }

    /** How many queries were answered by composing rather than from what was kept. */
    long composed() {
        return computed.sum();
    }

    static String kindOf(String resultId) {
        if (resultId == null || resultId.isEmpty()) {
            return "unknown";
        }
        int colon = resultId.indexOf(':');
        return colon < 0 ? resultId : resultId.substring(0, colon);
    }

    private InlineKeyboardMarkup askMore(Optional<String> baseId) {
        InlineKeyboardRow row = new InlineKeyboardRow();
        row.add(InlineKeyboardButton.builder().text(replies.text("telegram.inline.ask_more"))
                .url(DeepLinks.start(botUsername, baseId)).build());
        return InlineKeyboardMarkup.builder().keyboard(List.of(row)).build();
    }
}
