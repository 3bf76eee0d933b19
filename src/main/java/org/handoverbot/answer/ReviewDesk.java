package org.handoverbot.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.handoverbot.knowledge.Review;

/**
 * /review for admins (TELEGRAM_ADMIN_IDS, private chat): the events held for review, one line each (the same
 * line as `review list`), and "/review approve ID" or "/review reject ID". Anyone else gets the admins'
 * refusal, which reveals nothing.
 */
public final class ReviewDesk {

    public static final String COMMAND = "review";

    private static final ReplyCatalogue SAY = ReplyCatalogue.arabic();

    private final Set<Long> adminIds;
    private final Review review;
    private final Function<Review.Pending, String> line;

    public ReviewDesk(Set<Long> adminIds, Review review, Function<Review.Pending, String> line) {
        this.adminIds = Set.copyOf(adminIds);
        this.review = Objects.requireNonNull(review);
        this.line = Objects.requireNonNull(line);
    }

    public Reply onCommand(long userId, String argument) {
        if (!adminIds.contains(userId)) {
            return Reply.of(SAY.paragraph("admin.refusal"));
        }
        String[] words = argument == null ? new String[0] : argument.strip().split("\\s+");
        if (words.length == 0 || words[0].isEmpty() || words[0].equals("list")) {
            List<Review.Pending> pending = review.pending();
            if (pending.isEmpty()) {
                return Reply.of(SAY.paragraph("review.none"));
            }
            List<Reply.Block> blocks = new ArrayList<>();
            blocks.add(SAY.paragraph("review.title", "count", pending.size()));
            blocks.add(Reply.Paragraph.plain(String.join("\n", pending.stream().map(line).toList())));
            blocks.add(SAY.paragraph("review.usage"));
            return new Reply(blocks, List.of());
        }
        if (words.length != 2 || !words[1].matches("\\d{1,18}")
                || !words[0].equals("approve") && !words[0].equals("reject")) {
            return Reply.of(SAY.paragraph("review.usage"));
        }
        long id = Long.parseLong(words[1]);
        Review.Outcome outcome = words[0].equals("approve") ? review.approve(id) : review.reject(id);
        String key = switch (outcome) {
            case APPROVED -> "review.approved";
            case REJECTED -> "review.rejected";
            case NOT_WAITING -> "review.not_waiting";
        };
        // the event's number is an identifier, written as stored
        return Reply.of(SAY.paragraph(key, "event", Long.toString(id)));
    }
}
