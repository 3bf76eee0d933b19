package org.handoverbot.telegram;

import java.io.IOException;
import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.BackOff;

import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Watches the long poll and speaks for it, since the polling library's own log (silenced in
 * simplelogger.properties) is a stack trace for every failed getUpdates. It sees each answer on the wire and is
 * the library's BackOff, so every failure becomes one line with its cause and the wait before the next try:
 * an unreachable server or a 5xx one line per retry; 409 Conflict (another instance polls with this token)
 * one line when it starts, then quiet back-off until polling works again; 401 (the token was revoked) goes to
 * the gate, which stops the bot with one line.
 */
final class PollingWatch implements Interceptor, BackOff {

    private static final Logger LOG = LoggerFactory.getLogger(PollingWatch.class);

    private enum Problem { NONE, UNREACHABLE, REFUSED, CONFLICT, TOKEN_REVOKED }

    private final Backoff backoff;
    private final OutboundGate gate;
    private final TokenMask mask;
    private final URI apiUrl;
    private volatile Problem problem = Problem.NONE;
    private volatile String cause = "";
    private volatile boolean failing;
    private volatile boolean conflictSaid;

    PollingWatch(Backoff backoff, OutboundGate gate, TokenMask mask, URI apiUrl) {
        this.backoff = backoff;
        this.gate = gate;
        this.mask = mask;
        this.apiUrl = apiUrl;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (IOException e) {
            note(Problem.UNREACHABLE, mask.describe(e));
            throw e;
        }
        int code = response.code();
        if (response.networkResponse() == null) {
            return response; // StoppableCalls' empty answer on shutdown: nothing came from Telegram
        }
        if (response.isSuccessful()) {
            if (failing) {
                failing = false;
                conflictSaid = false;
                LOG.info("Telegram answers the long poll again");
            }
            problem = Problem.NONE;
        } else if (code == 401) {
            note(Problem.TOKEN_REVOKED, "401");
            gate.tokenRefused("getUpdates");
        } else {
            String description = mask.mask(response.peekBody(512).string()).strip();
            note(code == 409 ? Problem.CONFLICT : Problem.REFUSED, "Telegram answered " + code + " " + description);
        }
        return response;
    }

    @Override
    public void reset() {
        backoff.reset();
    }

    @Override
    public long nextBackOffMillis() {
        long wait = backoff.nextBackOffMillis();
        failing = true;
        switch (problem) {
            case CONFLICT -> {
                if (!conflictSaid) {
                    conflictSaid = true;
                    LOG.warn("another instance is polling Telegram with this bot token (409 Conflict): only one may; "
                            + "this one backs off and tries again, first in {} ms", wait);
                }
            }
            case TOKEN_REVOKED -> {
                // the gate stops the bot with one line
            }
            default -> LOG.warn("cannot get updates from Telegram at {} ({}); trying again in {} ms", apiUrl,
                    cause.isEmpty() ? "no answer" : cause, wait);
        }
        return wait;
    }

    private void note(Problem kind, String what) {
        problem = kind;
        cause = what;
    }
}
