package org.handoverbot.telegram;

import org.handoverbot.answer.Reply;
import org.handoverbot.answer.Reply.Paragraph;

/**
 * The few replies the Telegram side gives on its own, for what never reaches the Dialogue: stickers and
 * other non-text messages, over-long messages, unknown commands, and the apology when handling failed.
 */
final class FixedReplies {

    /** Longer than any question; a longer message is most likely a pasted article. */
    static final int MAX_QUESTION_CHARS = 1000;

    private static final String EXAMPLE = "مثلًا: متى سُلّمت قاعدة القائم؟";

    private FixedReplies() {
    }

    static Reply notText() {
        return Reply.of(Paragraph.plain("أفهم الرسائل المكتوبة فقط. اكتب سؤالك عن تسليم القواعد، " + EXAMPLE));
    }

    static Reply tooLong(int length) {
        return Reply.of(Paragraph.plain("رسالتك طويلة جدًا (" + length + " حرفًا). اكتب سؤالًا قصيرًا واحدًا، " + EXAMPLE));
    }

    static Reply unknownCommand(String name) {
        return Reply.of(Paragraph.plain("لا أعرف الأمر /" + name + ". الأوامر المتاحة: "
                + "/start و/help و/bases و/source و/subscribe و/unsubscribe"));
    }

    static Reply failed() {
        return Reply.of(Paragraph.plain("عذرًا، تعذّر عليّ الجواب الآن. أعد السؤال بعد قليل."));
    }
}
