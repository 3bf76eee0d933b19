package org.handoverbot.alerts;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.handoverbot.answer.Reply;
import org.handoverbot.answer.Reply.Paragraph;
import org.handoverbot.answer.ReplyCatalogue;

/**
 * The admins' view of alerts (/queue): how many are pending, in flight, sent and failed (and of those how many
 * ended "outcome unknown" and how many expired unsent), the next few due,
 * the latest failures with their reason, and how many chats subscribe. Only TELEGRAM_ADMIN_IDS may see it;
 * anyone else gets a polite refusal that reveals nothing about the queue.
 */
public final class AlertQueueDesk {

    private static final int SHOW = 5;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private static final ReplyCatalogue SAY = ReplyCatalogue.arabic();

    private final Set<Long> adminIds;
    private final AlertOutbox outbox;
    private final Subscriptions subscriptions;

    public AlertQueueDesk(Set<Long> adminIds, AlertOutbox outbox, Subscriptions subscriptions) {
        this.adminIds = Set.copyOf(adminIds);
        this.outbox = outbox;
        this.subscriptions = subscriptions;
    }

    public boolean isAdmin(long userId) {
        return adminIds.contains(userId);
    }

    /** The queue for an admin (userId is the Telegram user, not the chat), a refusal for anyone else. */
    public Reply queue(long userId) {
        if (!isAdmin(userId)) {
            return Reply.of(SAY.paragraph("admin.refusal"));
        }
        QueueStatus status = outbox.status(subscriptions.subscriberCount(), SHOW);
        List<Reply.Block> blocks = new ArrayList<>();
        blocks.add(SAY.paragraph("admin.queue.title"));
        blocks.add(SAY.paragraph("admin.queue.counts", "pending", status.pending(), "sending", status.sending(),
                "sent", status.sent(), "failed", status.failed(), "unknown", status.outcomeUnknown(),
                "expired", status.expired(), "subscribers", status.subscribers()));
        if (!status.nextDue().isEmpty()) {
            blocks.add(SAY.paragraph("admin.queue.next"));
            blocks.add(Paragraph.plain(lines(status.nextDue(), false)));
        }
        if (!status.latestFailures().isEmpty()) {
            blocks.add(SAY.paragraph("admin.queue.failures"));
            blocks.add(Paragraph.plain(lines(status.latestFailures(), true)));
        }
        return new Reply(blocks, List.of());
    }

    private static String lines(List<QueueStatus.Entry> entries, boolean withError) {
        List<String> lines = new ArrayList<>();
        for (QueueStatus.Entry e : entries) {
            // The event id is an identifier, not a quantity: written as stored, without digit grouping.
            String event = Long.toString(e.eventId());
            String at = TIME.format(e.at());
            if (withError && e.lastError() != null) {
                String error = e.lastError().length() > 200 ? e.lastError().substring(0, 200) + "…" : e.lastError();
                lines.add(SAY.format("admin.queue.entry.failed", "event", event, "recipient", e.recipient(),
                        "attempts", e.attempts(), "at", at, "error", error));
            } else {
                lines.add(SAY.format("admin.queue.entry", "event", event, "recipient", e.recipient(),
                        "attempts", e.attempts(), "at", at));
            }
        }
        return String.join("\n", lines);
    }
}
