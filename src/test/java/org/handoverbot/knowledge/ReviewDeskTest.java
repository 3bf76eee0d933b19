package org.handoverbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.handoverbot.answer.PlainTextRenderer;
import org.handoverbot.answer.Reply;
import org.handoverbot.answer.ReviewDesk;
import org.handoverbot.cli.ReviewLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /review in a chat: admins see what is held and decide; anyone else is refused; approval alerts once. */
class ReviewDeskTest {

    private static final long ADMIN = 42L;

    @TempDir
    Path dir;

    private static String text(Reply r) {
        return new PlainTextRenderer().render(r);
    }

    @Test
    void anAdminListsApprovesOnceAndOthersAreRefused() {
        try (Database db = TestStores.open(dir)) {
            List<Event> alerts = new ArrayList<>();
            NewEventsListener listener = (c, events) -> alerts.addAll(events);
            IngestReport report = new KnowledgeIngester(db, TestStores.GAZETTEER, listener)
                    .ingest(InputFiles.article(NewsFixturesTest.dir().resolve("unknown-base-regional.txt")));
            long id = report.held().get(0).id();
            ReviewDesk desk = new ReviewDesk(Set.of(ADMIN), new Review(db, listener), ReviewLines::line);

            assertThat(text(desk.onCommand(7L, ""))).doesNotContain("الغزلاني");
            assertThat(text(desk.onCommand(ADMIN, ""))).contains("أحداث تنتظر المراجعة: 1").contains("«معسكر الغزلاني»");
            assertThat(text(desk.onCommand(ADMIN, "approve x"))).contains("/review approve");
            assertThat(alerts).isEmpty();

            assertThat(text(desk.onCommand(ADMIN, "approve " + id))).contains("اعتُمد الحدث #" + id);
            assertThat(text(desk.onCommand(ADMIN, "approve " + id))).contains("لا ينتظر مراجعة");
            assertThat(alerts).extracting(Event::id).containsExactly(id);
            assertThat(text(desk.onCommand(ADMIN, "list"))).contains("لا أحداث تنتظر المراجعة");
        }
    }
}
