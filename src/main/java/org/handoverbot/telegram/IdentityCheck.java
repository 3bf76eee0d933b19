package org.handoverbot.telegram;

import java.net.URI;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Asks Telegram who the bot is (getMe) before anything else. A refused token (401, or 404 for a token Telegram
 * doesn't know) can't get better by waiting: one clear line and the bot stops. A server that can't be reached
 * or answers 5xx may come back: retries with growing waits, one log line each, never a tight loop.
 */
final class IdentityCheck {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityCheck.class);

    private IdentityCheck() {
    }

    static BotIdentity identify(TelegramClient client, URI apiUrl, TelegramOptions options, TokenMask mask) {
        Backoff backoff = new Backoff(options.firstRetry(), options.maxRetryWait());
        for (int attempt = 1; ; attempt++) {
            String problem;
            try {
                User me = client.executeAsync(new GetMe()).get(options.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
                return new BotIdentity(me.getId(), me.getUserName() == null ? "" : me.getUserName(),
                        Boolean.TRUE.equals(me.getSupportInlineQueries()));
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TelegramApiRequestException refused && refused.getErrorCode() != null) {
                    int code = refused.getErrorCode();
                    if (code == 401 || code == 404) {
                        throw new TelegramStartException("Telegram refused the bot token (" + code + " "
                                + (code == 401 ? "Unauthorized" : "Not Found")
                                + "): check TELEGRAM_BOT_TOKEN, or ask @BotFather for the current token");
                    }
                    problem = "Telegram answered " + code + " " + mask.mask(refused.getApiResponse());
                } else {
                    problem = mask.describe(e.getCause());
                }
            } catch (org.telegram.telegrambots.meta.exceptions.TelegramApiException e) {
                problem = mask.describe(e);
            } catch (TimeoutException e) {
                problem = "no answer within " + options.callTimeout().toSeconds() + " s";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TelegramStartException("interrupted while reaching Telegram at " + apiUrl);
            }
            if (options.maxStartAttempts() > 0 && attempt >= options.maxStartAttempts()) {
                throw new TelegramStartException("cannot reach Telegram at " + apiUrl + " after " + attempt
                        + " attempts: " + problem);
            }
            long wait = backoff.nextBackOffMillis();
            LOG.warn("cannot reach Telegram at {} ({}); trying again in {} ms", apiUrl, problem, wait);
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TelegramStartException("interrupted while reaching Telegram at " + apiUrl);
            }
        }
    }
}
