package org.handoverbot.telegram;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.handoverbot.answer.InlineAnswers;
import org.handoverbot.answer.TimelinePictures;

/**
 * What the bot offers beyond text replies in its own chat; each part is optional, so transport tests run
 * without them and production turns them on (cli.Main).
 *
 * @param inline          results for an inline query ("@bot القائم" in any chat); empty = inline queries ignored
 * @param timelinePicture the /timeline picture now; empty (or a supplier giving empty) = /timeline is the text list
 * @param typingAfter     an answer still being composed after this long shows "typing…" in the chat (repeated
 *                        while it lasts); empty = never
 */
public record BotExtras(Optional<Function<String, List<InlineAnswers.Result>>> inline,
                        Optional<Supplier<Optional<TimelinePictures.Picture>>> timelinePicture,
                        Optional<Duration> typingAfter) {

    /** Production's "a moment": longer than most answers take, short enough that a slow one shows it. */
    public static final Duration TYPING_AFTER = Duration.ofMillis(300);

    public static BotExtras none() {
        return new BotExtras(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Inline answers, the timeline picture and the typing indicator, as the bot runs in production. */
    public static BotExtras all(InlineAnswers inline, TimelinePictures pictures) {
        return none().withInline(inline::answer).withTimelinePicture(pictures::current).withTypingAfter(TYPING_AFTER);
    }

    public BotExtras withInline(Function<String, List<InlineAnswers.Result>> answers) {
        return new BotExtras(Optional.of(answers), timelinePicture, typingAfter);
    }

    public BotExtras withTimelinePicture(Supplier<Optional<TimelinePictures.Picture>> picture) {
        return new BotExtras(inline, Optional.of(picture), typingAfter);
    }

    public BotExtras withTypingAfter(Duration after) {
        return new BotExtras(inline, timelinePicture, Optional.of(after));
    }
}
