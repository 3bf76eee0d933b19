package org.handoverbot.alerts;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.handoverbot.answer.Reply;
import org.handoverbot.answer.ReplyCatalogue;
import org.handoverbot.answer.Reply.Paragraph;
import org.handoverbot.answer.Reply.Span;

/**
 * The admins' view of alerts (/queue): how many are pending, in flight, sent and failed (and of those how many
 * ended "outcome unknown" and how many expired unsent), the next few due,
 * the latest failures with their reason, and how many chats subscribe. Only TELEGRAM_ADMIN_IDS may see it;
 * anyone else gets a polite refusal that reveals nothing about the queue.
 */
public final class AlertQueueDesk {

    private static final int SHOW = 5;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

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
            return Reply.of(Paragraph.plain("عذراً، هذا الأمر متاح لمشرفي البوت فقط. يمكنك الاشتراك في التنبيهات بالأمر /subscribe."));
        }
        QueueStatus status = outbox.status(subscriptions.subscriberCount(), SHOW);
        List<Reply.Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph(List.of(new Span("طابور التنبيهات", true))));
        blocks.add(Paragraph.plain("قيد الانتظار: " + status.pending() + "\n"
                + "قيد الإرسال الآن: " + status.sending() + "\n"
                + "أُرسلت: " + status.sent() + "\n"
                + "فشلت: " + status.failed() + "\n"
                + ReplyCatalogue.arabic().format("alert.queue.outcome_unknown", "count", status.outcomeUnknown()) + "\n"
                + ReplyCatalogue.arabic().format("alert.queue.expired", "count", status.expired()) + "\n"
                + "المشتركون: " + status.subscribers()));
        if (!status.nextDue().isEmpty()) {
            blocks.add(new Paragraph(List.of(new Span("التالية في الطابور", true))));
            blocks.add(Paragraph.plain(lines(status.nextDue(), false)));
        }
        if (!status.latestFailures().isEmpty()) {
            blocks.add(new Paragraph(List.of(new Span("آخر الإخفاقات", true))));
            blocks.add(Paragraph.plain(lines(status.latestFailures(), true)));
        }
        return new Reply(blocks, List.of());
    }

    private static String lines(List<QueueStatus.Entry> entries, boolean withError) {
        StringBuilder text = new StringBuilder();
        for (QueueStatus.Entry e : entries) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append("• الحدث ").append(e.eventId()).append(" ← ").append(e.recipient())
                    .append(" (محاولات: ").append(e.attempts()).append("، ").append(TIME.format(e.at())).append(')');
            if (withError && e.lastError() != null) {
                text.append(": ").append(e.lastError().length() > 200 ? e.lastError().substring(0, 200) + "…" : e.lastError());
            }
        }
        return text.toString();
    }
}
