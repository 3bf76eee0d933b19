package org.handoverbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Reading articles other than the seed: the rules hold for other wording (test articles in our own words). */
class ArticleExtractorTest {

    private final ArticleExtractor extractor = new ArticleExtractor(TestStores.GAZETTEER);

    private Extraction read(String txt) {
        ArticleInput a = Articles.read(txt);
        return extractor.extract(a.text(), a.metadata());
    }

    private static EventDraft handover(Extraction x, String base) {
        List<EventDraft> found = x.events().stream()
                .filter(e -> e.kind() == EventKind.HANDOVER && base.equals(e.baseId())).toList();
        assertThat(found).as("handover of " + base).hasSize(1);
        return found.get(0);
    }

    @Test
    void aHandoverReportedThroughAnAnnouncingBodyIsAHandoverCitingThatBody() {
        EventDraft taqaddum = handover(read("roundup.txt"), "taqaddum");
        assertThat(taqaddum.status()).isEqualTo(EventStatus.DONE);
        assertThat(taqaddum.date()).isEqualTo(LocalDate.of(2020, 4, 4)); // السبت, in an article of Sunday 5 April
        assertThat(taqaddum.complete()).isTrue();
        assertThat(taqaddum.fromParty()).isEqualTo("coalition");
        assertThat(taqaddum.toParty()).isEqualTo("iraqi-forces");
        assertThat(taqaddum.sources()).extracting(SourceDraft::citedSource).containsExactly("قيادة العمليات المشتركة");
    }

    @Test
    void twoHandoversInOneSentenceKeepTheirOwnDayPartiesAndCompleteness() {
        Extraction x = read("roundup.txt");
        EventDraft asad = handover(x, "ain-al-asad");
        assertThat(asad.date()).isEqualTo(LocalDate.of(2020, 3, 19)); // التاسع عشر من الشهر الماضي
        assertThat(asad.complete()).isFalse();
        assertThat(asad.fromParty()).isEqualTo("us"); // "القوات الأمريكية": US forces, not the coalition (issue 12)
        EventDraft taji = handover(x, "taji");
        assertThat(taji.date()).isEqualTo(LocalDate.of(2019, 8, 23)); // "23 آب الماضي" in April: last August
        assertThat(taji.complete()).isNull();
        assertThat(taji.fromParty()).isNull();
    }

    @Test
    void aNextStageIsAPlanWithoutADate() {
        EventDraft harir = handover(read("roundup.txt"), "harir");
        assertThat(harir.status()).isEqualTo(EventStatus.PLANNED);
        assertThat(harir.date()).isNull();
        assertThat(harir.summary()).startsWith("المرحلة المقبلة ستشهد انسحاب التحالف");
    }

    @Test
    void aHolidayAddsNothing() {
        assertThat(read("roundup.txt").events()).extracting(EventDraft::baseId)
                .containsExactlyInAnyOrder("taqaddum", "ain-al-asad", "taji", "harir");
    }

    @Test
    void aSpeakerNamedAfterSaidIsKeptAsWrittenAndByTheVerbThatContinues() {
        assertThat(read("roundup.txt").quotes()).hasSize(2).allSatisfy(q -> {
            assertThat(q.speakerName()).isEqualTo("محافظ الأنبار علي فرحان");
            assertThat(q.speakerId()).isNull();
        });
    }

    @Test
    void anAttackArticleTellsTheAttackAndNoHandover() {
        Extraction x = read("balad-rockets.txt");
        assertThat(x.events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.ATTACK);
            assertThat(e.baseId()).isEqualTo("balad");
        });
        assertThat(x.quotes()).isEmpty();
    }

    @Test
    void moneyToldWithAHandoverIsAFigureInDigits() {
        EventDraft taji = handover(read("taji-sunday.txt"), "taji");
        assertThat(taji.figures()).contains(new Figure("equipment_value_usd", "347000000", null));
    }

    @Test
    void aPlaceNamedToSayWhereIsNotABaseHandedOver() {
        // "قاعدة القيارة الجوية جنوب الموصل": Mosul is also the name of a handed-over site, but not here
        assertThat(read("qayyarah-done.txt").events()).extracting(EventDraft::baseId).containsExactly("qayyarah");
    }

    @Test
    void anExplicitArabicDateInTheTextIsTheHandoversDay() {
        EventDraft q = handover(read("qayyarah-done.txt"), "qayyarah");
        assertThat(q.date()).isEqualTo(LocalDate.of(2020, 3, 26));
        assertThat(q.fromParty()).isEqualTo("coalition");
        assertThat(q.toParty()).isEqualTo("iraqi-forces");
    }
}
