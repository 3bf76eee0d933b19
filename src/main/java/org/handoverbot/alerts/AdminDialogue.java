package org.handoverbot.alerts;

import org.handoverbot.answer.Dialogue;
import org.handoverbot.answer.Reply;

/**
 * Puts the admins' /queue command in front of the dialogue everyone talks to. In a private chat the chat id
 * is the user's id, so the desk can tell admins from others; in a group the chat id is the group's, which is
 * never an admin, so the queue is never shown to a group.
 */
public final class AdminDialogue implements Dialogue {

    public static final String QUEUE_COMMAND = "queue";

    private final Dialogue everyone;
    private final AlertQueueDesk desk;

    public AdminDialogue(Dialogue everyone, AlertQueueDesk desk) {
        this.everyone = everyone;
        this.desk = desk;
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
        return QUEUE_COMMAND.equals(command) ? desk.queue(chatId) : everyone.onCommand(chatId, command, argument);
    }
}
