package org.handoverbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.chrono.HijrahDate;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import org.handoverbot.nlp.Gazetteer;
import org.handoverbot.nlp.QuestionUnderstander;
import org.junit.jupiter.api.Test;

/** The Hijri date beside the Gregorian one: Umm al-Qura, said so, and right for every handover of the timeline. */
class HijriDatesTest {

    @Test
    void theQaimHandoverFellOnTheTwentyFourthOfRajab1441() {
        assertThat(ArabicDates.hijri(LocalDate.of(2020, 3, 19))).isEqualTo("الموافق 24 رجب 1441 هـ (تقويم أم القرى)");
        assertThat(ArabicDates.withHijri(LocalDate.of(2020, 3, 19)))
                .isEqualTo("الخميس 19 آذار (مارس) 2020، الموافق 24 رجب 1441 هـ (تقويم أم القرى)");
    }

    /** The question's calendar slot (frames: "بالهجري") reaches the answer; without it, no Hijri date. */
    @Test
    void askingInTheHijriCalendarGivesTheHijriDateBesideTheGregorian() {
        Gazetteer gazetteer = Gazetteer.load();
        QuestionUnderstander understander = QuestionUnderstander.load(gazetteer);
        AnswerDialogue dialogue = new AnswerDialogue(FixedKnowledge.seeds(), gazetteer, understander::understand,
                Optional.empty(), new ConversationMemory(), QuestionUnderstander.CONFIDENCE_THRESHOLD);
        PlainTextRenderer plain = new PlainTextRenderer();

        assertThat(plain.render(dialogue.onText(1, "متى سلموا القائم بالهجري؟")))
                .contains("الخميس 19 آذار (مارس) 2020، الموافق 24 رجب 1441 هـ (تقويم أم القرى)");
        assertThat(plain.render(dialogue.onText(2, "شوكت سلموا التاجي بالتقويم الهجري")))
                .contains("الأحد 23 آب (أغسطس) 2020، الموافق 4 محرم 1442 هـ (تقويم أم القرى)");
        assertThat(plain.render(dialogue.onText(3, "متى سلموا القائم؟")))
                .contains("الخميس 19 آذار (مارس) 2020").doesNotContain("هـ").doesNotContain("أم القرى");
    }

    /**
     * Each handover date of seeds/timeline.json, rendered by the bot, against ICU's own Umm al-Qura formatter
     * (CLDR's "ar@calendar=islamic-umalqura", a separate path from the bot's calendar arithmetic) and against
     * the JDK's HijrahDate, which is Umm al-Qura too: three readings of one calendar must agree.
     */
    @Test
    void everyHandoverOfTheTimelineAgreesWithIcuAndTheJdk() throws IOException {
        List<LocalDate> dates = handoverDates();
        assertThat(dates).hasSizeGreaterThanOrEqualTo(9);
        SimpleDateFormat icu = new SimpleDateFormat("d MMMM y", new ULocale("ar@calendar=islamic-umalqura;numbers=latn"));
        icu.setTimeZone(TimeZone.GMT_ZONE);
        for (LocalDate date : dates) {
            Calendar noon = Calendar.getInstance(TimeZone.GMT_ZONE, ULocale.ROOT);
            noon.clear();
            noon.set(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth(), 12, 0);
            String expected = icu.format(noon.getTime());
            assertThat(ArabicDates.hijri(date)).as("%s", date)
                    .isEqualTo("الموافق " + expected + " هـ (تقويم أم القرى)");

            HijrahDate jdk = HijrahDate.from(date);
            ArabicDates.HijriDate ours = ArabicDates.hijriOf(date);
            assertThat(List.of(ours.day(), ours.month(), ours.year())).as("%s against the JDK", date)
                    .containsExactly(jdk.get(ChronoField.DAY_OF_MONTH), jdk.get(ChronoField.MONTH_OF_YEAR),
                            jdk.get(ChronoField.YEAR));
        }
    }

    private static List<LocalDate> handoverDates() throws IOException {
        JsonNode root = new ObjectMapper().readTree(Path.of("seeds/timeline.json").toFile());
        List<LocalDate> dates = new ArrayList<>();
        for (JsonNode event : root.path("events")) {
            if (event.path("kind").asText().equals("handover") && event.hasNonNull("date")) {
                dates.add(LocalDate.parse(event.get("date").asText()));
            }
        }
        return dates;
    }
}
