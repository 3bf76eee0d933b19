package org.handoverbot.telegram;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import org.handoverbot.answer.Dialogue;
import org.handoverbot.answer.Reply;
import org.handoverbot.answer.Reply.Paragraph;

/**
 * A Dialogue for transport tests: it says back what it was asked, remembers each chat's previous question (to
 * show context per chat), and can be made slow ("بطيء" waits for a latch) or broken ("انفجار" throws).
 */
final class ScriptedDialogue implements Dialogue {

    static final String SLOW = "بطيء";
    static final String BROKEN = "انفجار";
    static final String LONG = "جواب طويل";

    final CountDownLatch slowRelease = new CountDownLatch(1);
    final CountDownLatch slowStarted = new CountDownLatch(1);
    private final Map<Long, String> previous = new ConcurrentHashMap<>();

    @Override
    public Reply onText(long chatId, String text) {
        if (text.contains(BROKEN)) {
            throw new IllegalStateException("broken on purpose");
        }
        if (text.contains(LONG)) {
            return new Reply(List.of(Paragraph.plain("أول " + "كلمة ".repeat(700)), Paragraph.plain("ثاني " + "كلمة ".repeat(700)),
                    new Reply.Quotation("ثالث " + "قول ".repeat(1200), "قائل")), List.of(new Reply.Button("المصدر", "src:" + chatId)));
        }
        if (text.contains(SLOW)) {
            slowStarted.countDown();
            try {
                slowRelease.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String before = previous.put(chatId, text);
        return new Reply(List.of(new Paragraph(List.of(new Reply.Span("سؤالك: ", true), new Reply.Span(text, false))),
                Paragraph.plain("قبله: " + (before == null ? "لا شيء" : before))),
                List.of(new Reply.Button("المصدر", "src:" + chatId), new Reply.Button("التسلسل", "timeline")));
    }

    @Override
    public Reply onButton(long chatId, String callbackData) {
        if (callbackData.equals("src:" + chatId)) {
            return Reply.of(new Reply.Quotation("نص مقتبس", "المتحدث، الموقع"));
        }
        return Reply.of(Paragraph.plain("هذا الزر قديم؛ اسألني من جديد."));
    }

    @Override
    public Reply onCommand(long chatId, String command, String argument) {
        return Reply.of(Paragraph.plain("أمر " + command + (argument.isEmpty() ? "" : " [" + argument + "]")));
    }
}
