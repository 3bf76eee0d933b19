package org.handoverbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.handoverbot.telegram.SendLimiter.Priority;
import org.handoverbot.telegram.SendLimiter.Turn;
import org.junit.jupiter.api.Test;

/** The per-chat pace of one process: one message per interval to a chat, none saved up, other chats unaffected. */
class LocalSendLimiterTest {

    /** One message per 200 ms to a chat (headroom 1: the interval is the window), no overall limit to speak of. */
    private final LocalSendLimiter limiter = new LocalSendLimiter(new SendLimits(1_000_000, Duration.ofSeconds(1), 1,
            Duration.ofMillis(200), 20, Duration.ofMinutes(1), 1.0, 2.0 / 3));

    @Test
    void aChatNeverWrittenToGetsItsMessageAtOnceAndTheNextOneWaitsAboutItsInterval() {
        Recipient chat = Recipient.chat(7);
        assertThat(limiter.recipientWait(chat)).isZero();
        Turn first = limiter.tryTake(chat, Priority.REPLY);
        assertThat(first.waitNanos()).isZero();
        first.answered();
        Turn second = limiter.tryTake(chat, Priority.REPLY);
        assertThat(second.waitNanos()).isBetween(Duration.ofMillis(150).toNanos(), Duration.ofMillis(200).toNanos());
        assertThat(limiter.recipientWait(chat)).isBetween(Duration.ofMillis(150).toNanos(), Duration.ofMillis(200).toNanos());
    }

    @Test
    void anotherChatIsNotHeldBackByTheFirstChatsPace() {
        limiter.tryTake(Recipient.chat(1), Priority.REPLY).answered();
        assertThat(limiter.tryTake(Recipient.chat(2), Priority.REPLY).waitNanos()).isZero();
    }

    @Test
    void aLongPauseSavesUpNoSecondMessage() throws InterruptedException {
        Recipient chat = Recipient.chat(9);
        limiter.tryTake(chat, Priority.REPLY).answered();
        Thread.sleep(700); // more than three intervals, and past the chat's window
        Turn afterPause = limiter.tryTake(chat, Priority.REPLY);
        assertThat(afterPause.waitNanos()).isZero();
        afterPause.answered();
        assertThat(limiter.tryTake(chat, Priority.REPLY).waitNanos()).isGreaterThan(Duration.ofMillis(150).toNanos());
    }

    @Test
    void aTurnRefusedTakesNothingSoTheChatIsNotPushedFurtherBack() {
        Recipient chat = Recipient.chat(3);
        limiter.tryTake(chat, Priority.REPLY).answered();
        long firstWait = limiter.tryTake(chat, Priority.REPLY).waitNanos();
        long secondWait = limiter.tryTake(chat, Priority.REPLY).waitNanos();
        assertThat(secondWait).isPositive().isLessThanOrEqualTo(firstWait);
    }
}
