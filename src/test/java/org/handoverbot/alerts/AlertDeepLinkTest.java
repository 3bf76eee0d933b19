package org.handoverbot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.handoverbot.answer.PlainTextRenderer;
import org.handoverbot.answer.TelegramHtmlRenderer;
import org.handoverbot.knowledge.Event;
import org.handoverbot.knowledge.EventKind;
import org.handoverbot.knowledge.EventStatus;
import org.handoverbot.knowledge.Source;
import org.handoverbot.nlp.Gazetteer;
import org.junit.jupiter.api.Test;

/** An alert about a base ends with a deep link that opens the bot's chat on that base ("ask more"). */
class AlertDeepLinkTest {

    private static final Gazetteer GAZETTEER = Gazetteer.load();
    private static final Source UPI = new Source(5, "UPI", LocalDate.of(2020, 8, 24), "https://www.upi.com/x", null, null, null, null);

    @Test
    void anAlertAboutABaseCarriesTheLinkThatOpensTheBotOnIt() {
        Event taji = new Event(13, EventKind.HANDOVER, EventStatus.DONE, "taji", "coalition", "iraqi-forces",
                LocalDate.of(2020, 8, 23), null, 8, List.of(), null, null, List.of(UPI));

        String text = new PlainTextRenderer().render(new AlertComposer(GAZETTEER, Optional.of("handover_bot")).compose(taji, Optional.empty()));

        assertThat(text).contains("للمزيد عن قاعدة التاجي اسألني هنا: https://t.me/handover_bot?start=taji");
        assertThat(new TelegramHtmlRenderer().render(new AlertComposer(GAZETTEER, Optional.of("handover_bot"))
                .compose(taji, Optional.empty()))).hasSize(1);
    }

    @Test
    void withoutABaseOrABotNameThereIsNoLink() {
        Event announcement = new Event(14, EventKind.ANNOUNCEMENT, EventStatus.DONE, null, null, null,
                LocalDate.of(2026, 1, 17), null, null, List.of(), "إعلان", null, List.of(UPI));
        Event taji = new Event(13, EventKind.HANDOVER, EventStatus.DONE, "taji", "coalition", "iraqi-forces",
                LocalDate.of(2020, 8, 23), null, 8, List.of(), null, null, List.of(UPI));

        assertThat(new PlainTextRenderer().render(new AlertComposer(GAZETTEER, Optional.of("handover_bot"))
                .compose(announcement, Optional.empty()))).doesNotContain("t.me");
        assertThat(new PlainTextRenderer().render(new AlertComposer(GAZETTEER).compose(taji, Optional.empty())))
                .doesNotContain("t.me");
    }
}
