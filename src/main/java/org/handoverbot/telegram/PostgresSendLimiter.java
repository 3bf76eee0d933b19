package org.handoverbot.telegram;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.handoverbot.knowledge.Database;
import org.handoverbot.knowledge.Vendor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

/**
 * Telegram's limits held by every instance on one PostgreSQL database together: bucket4j token buckets kept in
 * the database (table send_bucket, V11), one for all messages, one for alerts at their share of that rate (so
 * replies always keep the rest), one per private chat and one per group or channel. Each bucket holds one
 * token and refills so that no window of the limit's length, stretched by a margin for the way to Telegram,
 * holds more than the limit, whichever instance sends (30 a second becomes about 26, 1 a second per chat one
 * in 1.1 s: the price of not counting, across machines, when each message arrives). A take checks the chat's bucket first (a chat that must wait costs
 * the others nothing), then takes the overall turn, then the chat's; when another instance took the chat's
 * token in between, the overall token is spent for nothing, which only slows the pace a little.
 *
 * <p>Telegram counts a message when it arrives, and on a busy machine a request can be held up on its way for
 * longer than the margin and then arrive just before the next one to the same chat (two messages to one chat
 * 950 ms apart were seen at load 15). So, as the local limiter's guard does, a private chat is also held until
 * one chat window after each message's answer (an answer always comes after the arrival): when the answer
 * comes, the chat's bucket is put into debt so that its next token is due one window later, whichever
 * instance asks for it. Recipient buckets count in thousandths of a message for that.
 *
 * <p>The buckets count by each instance's own clock: instances on different machines need synchronised
 * clocks (NTP), as any shared rate does. Rows of chats quiet for a while expire and are swept now and then.
 */
public final class PostgresSendLimiter implements SendLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresSendLimiter.class);
    private static final int CACHED_CHATS = 4096;
    private static final int SWEEP_EVERY = 2_000;
    /** How much later than its take a message may reach Telegram without breaking a limit. */
    static final Duration ARRIVAL_MARGIN = Duration.ofMillis(100);
    /** Tokens a message takes from a recipient's bucket: fine enough to hold a chat until an exact moment. */
    static final long PER_MESSAGE = 1_000;
    /** Recipient buckets' keys; "chat:" held buckets of one token each before the guard, so those are left to expire. */
    private static final String RECIPIENT_KEY = "recipient:";

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final BucketProxy overall;
    private final BucketProxy alerts;
    private final BucketConfiguration chat;
    private final BucketConfiguration group;
    private final long chatIntervalNanos;
    private final long chatHoldNanos;
    private final Map<String, BucketProxy> recipients = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, BucketProxy> eldest) {
            return size() > CACHED_CHATS;
        }
    };
    private long takes;

    public PostgresSendLimiter(Database database, SendLimits limits) {
        if (database.vendor() != Vendor.POSTGRESQL) {
            throw new IllegalArgumentException("a send limit shared through the database needs PostgreSQL");
        }
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(database.dataSource())
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("send_bucket")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(2)))
                .build();
        Duration overallInterval = interval(limits.overall(), limits.overallWindow(), limits.headroom());
        this.overall = buckets.builder().build("overall", () -> oneTokenEvery(overallInterval));
        this.alerts = buckets.builder().build("alerts", () -> oneTokenEvery(
                Duration.ofNanos(Math.round(overallInterval.toNanos() / Math.max(1e-3, limits.alertShare())))));
        Duration chatInterval = interval(limits.perChat(), limits.perChatWindow(), limits.headroom());
        this.chat = oneMessageEvery(chatInterval);
        this.group = oneMessageEvery(interval(limits.perGroup(), limits.perGroupWindow(), limits.headroom()));
        this.chatIntervalNanos = chatInterval.toNanos();
        this.chatHoldNanos = limits.perChatWindow().toNanos() / limits.perChat();
    }

    @Override
    public long recipientWait(Recipient to) {
        return recipient(to).estimateAbilityToConsume(PER_MESSAGE).getNanosToWaitForRefill();
    }

    @Override
    public Turn tryTake(Recipient to, Priority priority) {
        BucketProxy recipient = recipient(to);
        long wait = recipient.estimateAbilityToConsume(PER_MESSAGE).getNanosToWaitForRefill();
        if (wait > 0) {
            return new Waiting(wait);
        }
        if (priority == Priority.ALERT) {
            long alertWait = alerts.estimateAbilityToConsume(1).getNanosToWaitForRefill();
            if (alertWait > 0) {
                return new Waiting(alertWait);
            }
        }
        ConsumptionProbe turn = overall.tryConsumeAndReturnRemaining(1);
        if (!turn.isConsumed()) {
            return new Waiting(Math.max(1, turn.getNanosToWaitForRefill()));
        }
        if (priority == Priority.ALERT) {
            alerts.tryConsume(1);
        }
        ConsumptionProbe mine = recipient.tryConsumeAndReturnRemaining(PER_MESSAGE);
        if (!mine.isConsumed()) {
            return new Waiting(Math.max(1, mine.getNanosToWaitForRefill()));
        }
        sweepNowAndThen();
        return to.groupOrChannel() ? TAKEN : new HeldUntilAnswered(recipient);
    }

    /**
     * A message to a private chat: when its answer comes, the chat's next token is pushed to one window after
     * it (debt added to the bucket; a token already due later is left alone).
     */
    private final class HeldUntilAnswered implements Turn {
        private final BucketProxy chatBucket;

        HeldUntilAnswered(BucketProxy chatBucket) {
            this.chatBucket = chatBucket;
        }

        @Override
        public long waitNanos() {
            return 0;
        }

        @Override
        public void answered() {
            try {
                long due = chatBucket.estimateAbilityToConsume(PER_MESSAGE).getNanosToWaitForRefill();
                if (due < chatHoldNanos) {
                    long debt = (long) Math.ceil((double) (chatHoldNanos - due) * PER_MESSAGE / chatIntervalNanos);
                    chatBucket.consumeIgnoringRateLimits(debt);
                }
            } catch (RuntimeException e) {
                // Only the guard is lost for this message (the paced bucket still holds); never the answer itself.
                LOG.warn("could not hold the chat after an answer: {}", e.toString());
            }
        }
    }

    private synchronized BucketProxy recipient(Recipient to) {
        return recipients.computeIfAbsent(to.chatId(), id -> buckets.builder().build(RECIPIENT_KEY + id,
                to.groupOrChannel() ? group : chat));
    }

    private void sweepNowAndThen() {
        boolean sweep;
        synchronized (this) {
            sweep = ++takes % SWEEP_EVERY == 0;
        }
        if (sweep) {
            try {
                buckets.removeExpired(1_000);
            } catch (RuntimeException e) {
                LOG.warn("could not sweep expired send buckets: {}", e.toString());
            }
        }
    }

    /**
     * The time between two tokens of a one-token bucket such that no span of window + {@link #ARRIVAL_MARGIN}
     * holds more than count takes (one in hand, then one per interval), slowed by headroom. The margin is for
     * the time between taking a turn and the message reaching Telegram, which differs from request to request
     * and from instance to instance: Telegram counts arrivals, the buckets count takes.
     */
    static Duration interval(int count, Duration window, double headroom) {
        long span = window.plus(ARRIVAL_MARGIN).toNanos();
        long nanos = count > 1 ? span / (count - 1) : span + 1;
        return Duration.ofNanos(Math.round(nanos / headroom));
    }

    /** A recipient's bucket: one message in hand, {@link #PER_MESSAGE} tokens refilled per interval. */
    private static BucketConfiguration oneMessageEvery(Duration interval) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(PER_MESSAGE).refillGreedy(PER_MESSAGE, interval))
                .build();
    }

    private static BucketConfiguration oneTokenEvery(Duration interval) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(1).refillGreedy(1, interval))
                .build();
    }

    /** A taken turn: the buckets already counted the message, nothing to do on its answer. */
    private static final Turn TAKEN = new Turn() {
        @Override
        public long waitNanos() {
            return 0;
        }

        @Override
        public void answered() {
        }
    };

    private record Waiting(long waitNanos) implements Turn {
        @Override
        public void answered() {
        }
    }
}
