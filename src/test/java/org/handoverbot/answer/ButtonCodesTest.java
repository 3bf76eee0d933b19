package org.handoverbot.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.handoverbot.nlp.Act;
import org.handoverbot.nlp.AskedKind;
import org.handoverbot.nlp.DateCalendar;
import org.handoverbot.nlp.DateMention;
import org.handoverbot.nlp.Frame;
import org.handoverbot.nlp.Intent;
import org.handoverbot.nlp.Relation;
import org.junit.jupiter.api.Test;

class ButtonCodesTest {

    private static Frame frame(Act act, List<String> subjects, List<String> anchors, Relation relation, AskedKind kind,
                               String speaker, DateMention date, DateMention dateTo, Integer ordinal,
                               DateCalendar calendar, String topic) {
        return new Frame(act, subjects, anchors, relation, kind, speaker, null, null, date, dateTo, ordinal, calendar,
                topic, false);
    }

    @Test
    void aButtonCarriesAWholeFrameInShortAsciiThatDecodesBack() {
        Frame full = frame(Act.COUNT, List.of(), List.of("taji"), Relation.RIGHT_AFTER, AskedKind.ANNOUNCEMENT, "us",
                new DateMention(2020, 3, null), new DateMention(2020, 8, 23), -1, DateCalendar.HIJRI, null);
        String data = ButtonCodes.encode(full, 12);
        assertThat(data).isASCII();
        assertThat(data.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(ButtonCodes.MAX_BYTES);
        assertThat(ButtonCodes.decode(data)).contains(new ButtonCodes.Pressed(full, 12));

        Frame said = frame(Act.QUOTE, List.of("al-qaim"), List.of(), null, null, "khafaji", null, null, null, null, null);
        assertThat(ButtonCodes.encode(said, 2)).isEqualTo("said;s=al-qaim;p=khafaji;g=2");
        Frame month = frame(Act.LIST, List.of(), List.of(), null, null, null, new DateMention(null, 8, null), null, null,
                null, null);
        assertThat(ButtonCodes.decode(ButtonCodes.encode(month, 0))).contains(new ButtonCodes.Pressed(month, 0));
    }

    @Test
    void aFrameTooBigForTelegramIsRefusedWhenTheButtonIsMade() {
        Frame big = frame(Act.COMPARE, List.of("al-qaim", "qayyarah", "mosul-sqoor"), List.of("ain-al-asad", "abu-ghraib"),
                Relation.BETWEEN, AskedKind.ANNOUNCEMENT, "iraqi-forces", new DateMention(2020, 3, 19),
                new DateMention(2026, 12, 31), null, null, null);
        assertThatThrownBy(() -> ButtonCodes.encode(big, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void buttonsOfTheFirstVersionStillRead() {
        assertThat(ButtonCodes.decode("said:khafaji:2")).contains(new ButtonCodes.Pressed(
                frame(Act.QUOTE, List.of("khafaji"), List.of(), null, null, null, null, null, null, null, null), 2));
        assertThat(ButtonCodes.decode("src:al-qaim")).map(p -> p.frame().act()).contains(Act.SOURCE);
        assertThat(ButtonCodes.decode("timeline")).map(p -> p.frame().act()).contains(Act.LIST);
        assertThat(ButtonCodes.decode("attack:taji")).map(p -> p.frame().kind()).contains(AskedKind.ATTACK);
        assertThat(ButtonCodes.encode(Intent.SOURCE, "al-qaim")).isEqualTo("src;s=al-qaim");
    }

    @Test
    void theIdScanAcceptsExactlyWhatTheIdPatternMatches() {
        java.util.Random random = new java.util.Random(10);
        String alphabet = "az09_-,A;=. ";
        List<String> samples = new java.util.ArrayList<>(List.of("", ",", "a", "a,", ",a", "a,,b", "al-qaim", "k1,taji",
                "-a", "_a", "a_-", "a".repeat(41), "a".repeat(42), "b".repeat(41) + ",c", "b".repeat(42) + ",c", "q,"
                + "x".repeat(41)));
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(i % 10 == 0 ? 90 : 12);
            for (int k = 0; k < length; k++) {
                s.append(alphabet.charAt(random.nextInt(random.nextInt(3) == 0 ? alphabet.length() : 6)));
            }
            samples.add(s.toString());
        }
        int ids = 0;
        for (String sample : samples) {
            boolean matches = ButtonCodes.IDS.matcher(sample).matches();
            assertThat(ButtonCodes.areIds(sample)).as("\"%s\"", sample).isEqualTo(matches);
            assertThat(ButtonCodes.fits(sample)).as("fits \"%s\"", sample)
                    .isEqualTo(sample.length() <= 40 && ButtonCodes.SUBJECT.matcher(sample).matches());
            ids += matches ? 1 : 0;
        }
        assertThat(ids).isGreaterThan(1_000);
    }

    /** Buttons of an intent and a subject are written straight: what the frame encoded and checked gives. */
    @Test
    void anIntentsButtonIsWhatItsFrameEncodesTo() {
        List<String> subjects = java.util.Arrays.asList(null, "al-qaim", "k1,taji", "a", "A", "x y", "", " a", "a,",
                "-a", "a".repeat(41), "a".repeat(42), "a".repeat(55), "a".repeat(60), "القائم", "b_-9");
        int compared = 0;
        for (Intent intent : Intent.values()) {
            for (String subject : subjects) {
                for (int page : new int[] {0, 1, 9, 10, 999, 1000, -1}) {
                    assertThat(outcome(() -> ButtonCodes.encode(intent, subject, page)))
                            .as("%s %s %d", intent, subject, page)
                            .isEqualTo(outcome(() -> ButtonCodes.encodeFrame(intent, subject, page)));
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(1_000);
    }

    private static Object outcome(java.util.function.Supplier<String> call) {
        try {
            return call.get();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Test
    void foreignOrMalformedDataDoesNotDecode() {
        assertThat(ButtonCodes.decode("nosuch:al-qaim")).isEmpty();
        assertThat(ButtonCodes.decode("src:القائم")).isEmpty();
        assertThat(ButtonCodes.decode("src:a:b:c")).isEmpty();
        assertThat(ButtonCodes.decode("src;s=القائم")).isEmpty();
        assertThat(ButtonCodes.decode("src;z=1")).isEmpty();
        assertThat(ButtonCodes.decode("date;r=sideways")).isEmpty();
        assertThat(ButtonCodes.decode("")).isEmpty();
        assertThat(ButtonCodes.decode(null)).isEmpty();
        assertThat(ButtonCodes.decode("x".repeat(100))).isEmpty();
    }
}
