package org.handoverbot.alerts;

import org.handoverbot.answer.Dialogue;
import org.handoverbot.answer.Reply;
import org.handoverbot.answer.ReviewDesk;

/**
 * Puts the admins' /queue command in front of the dialogue everyone talks to. In a private chat the chat id
 * is the user's id, so the desk can tell admins from others; in a group the chat id is the group's, which is
 * never an admin, so the queue is never shown to a group.
 */
public final class AdminDialogue implements Dialogue {

    public static final String QUEUE_COMMAND = "queue";

    private final Dialogue everyone;
    private final AlertQueueDesk desk;
    private final ReviewDesk review;

    public AdminDialogue(Dialogue everyone, AlertQueueDesk desk) {
        this(everyone, desk, null);
    }

    /** review: the admins' /review of doubtful extractions, or null when the bot offers none. */
    public AdminDialogue(Dialogue everyone, AlertQueueDesk desk, ReviewDesk review) {
        this.everyone = everyone;
        this.desk = desk;
        this.review = review;
    }

    @Override
    public Reply onText(long chatId, String text) {
        return everyone.onText(chatId, text);
    }

    @Override
    public Reply onButton(long chatId, String callbackData) {
        return everyone.onButton(chatId, callbackData);
    }

    @Override
    public Reply onCommand(long chatId, String command, String argument) {
        if (review != null && ReviewDesk.COMMAND.equals(command)) {
            return review.onCommand(chatId, argument);
        }
        return QUEUE_COMMAND.equals(command) ? desk.queue(chatId) : everyone.onCommand(chatId, command, argument);
    }
}
