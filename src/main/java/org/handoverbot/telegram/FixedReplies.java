package org.handoverbot.telegram;

import org.handoverbot.answer.AnswerDialogue;
import org.handoverbot.answer.Reply;
import org.handoverbot.answer.ReplyCatalogue;

/**
 * The few replies the Telegram side gives on its own, for what never reaches the Dialogue: stickers and
 * other non-text messages, over-long messages, unknown commands, and the apology when handling failed. The
 * over-long message and the unknown command are the dialogue's own replies (same catalogue keys), so a user
 * reads one wording whichever side answers.
 */
final class FixedReplies {

    /** Longer than any question; a longer message is most likely a pasted article. The dialogue's own limit. */
    static final int MAX_QUESTION_CHARS = AnswerDialogue.MAX_QUESTION;

    private static final ReplyCatalogue SAY = ReplyCatalogue.arabic();

    private FixedReplies() {
    }

    static Reply notText() {
        return Reply.of(SAY.paragraph("telegram.not_text", "example", SAY.text("service.example.timeline")));
    }

    static Reply tooLong() {
        return Reply.of(SAY.paragraph("service.too_long", "max", MAX_QUESTION_CHARS,
                "example", SAY.text("service.example.timeline")));
    }

    static Reply unknownCommand(String name) {
        return Reply.of(SAY.paragraph("service.unknown_command", "command", name));
    }

    static Reply failed() {
        return Reply.of(SAY.paragraph("telegram.failed"));
    }
}
