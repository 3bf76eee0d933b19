package org.handoverbot.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.handoverbot.knowledge.Source;
import org.junit.jupiter.api.Test;

class SourceLineTest {

    private static final Source ARTICLE = new Source(1, "الحل نت", LocalDate.of(2020, 3, 19), null,
            "وكالة الأنباء العراقية", "مصدر مسؤول", "ونقلت وكالة الأنباء العراقية ...", 1L);
    private static final Source REPORT = new Source(2, "Military Times", LocalDate.of(2020, 3, 26),
            "https://militarytimes.com/flashpoints/2020/03/26/x", null, null, null, null);

    @Test
    void creditsTheOriginalSourceThenWhoCarriedIt() {
        assertThat(SourceLine.of(ARTICLE))
                .isEqualTo("بحسب وكالة الأنباء العراقية، نقلاً عن مصدر مسؤول، كما أورد موقع الحل نت");
    }

    @Test
    void anArticleWithoutACitedSourceIsCreditedToItsPublisher() {
        Source own = new Source(3, "الحل نت", null, null, null, null, "…", 1L);
        assertThat(SourceLine.of(own)).isEqualTo("بحسب موقع الحل نت");
        Source agency = new Source(4, "وكالة الأنباء العراقية", null, null, null, null, "…", 2L);
        assertThat(SourceLine.of(agency)).isEqualTo("بحسب وكالة الأنباء العراقية");
    }

    @Test
    void aSpeakerCitedAloneIsNamedBeforeThePublisher() {
        Source speaker = new Source(5, "الحل نت", null, null, null, "اللواء تحسين الخفاجي", "…", 1L);
        assertThat(SourceLine.of(speaker)).isEqualTo("بحسب اللواء تحسين الخفاجي، كما أورد موقع الحل نت");
    }

    @Test
    void aStructuredReportIsNamedByPublisherAndDateWithoutItsAddress() {
        assertThat(SourceLine.of(REPORT))
                .isEqualTo("بحسب تقرير Military Times المنشور يوم الخميس 26 آذار (مارس) 2020")
                .doesNotContain("http");
        assertThat(SourceLine.addresses(List.of(ARTICLE, REPORT, REPORT)))
                .containsExactly("https://militarytimes.com/flashpoints/2020/03/26/x");
    }

    @Test
    void aReportThatCitesAnAgencySaysSo() {
        Source cited = new Source(8, "aNews", LocalDate.of(2020, 3, 29), "http://www.anews.com.tr/x", "Anadolu", null, null, null);
        assertThat(SourceLine.of(cited)).isEqualTo("بحسب تقرير aNews المنشور يوم الأحد 29 آذار (مارس) 2020، نقلاً عن Anadolu");
        Source undated = new Source(9, "Daily Sabah", null, "https://dailysabah.com/x", "Reuters", null, null, null);
        assertThat(SourceLine.of(undated)).isEqualTo("بحسب تقرير Daily Sabah، نقلاً عن Reuters");
    }

    @Test
    void severalSourcesMakeOneSentence() {
        assertThat(SourceLine.of(List.of(ARTICLE, REPORT))).isEqualTo(
                "بحسب وكالة الأنباء العراقية، نقلاً عن مصدر مسؤول، كما أورد موقع الحل نت؛ "
                        + "وأورده أيضاً تقرير Military Times المنشور يوم الخميس 26 آذار (مارس) 2020.");
        assertThat(SourceLine.of(List.of(ARTICLE, ARTICLE))).isEqualTo(SourceLine.of(ARTICLE) + ".");
    }

    @Test
    void sourcesFromOneArticleAreCreditedTogetherWithThePublisherOnce() {
        Source own = new Source(6, "الحل نت", null, null, null, null, "تسلّمت القوات…", 1L);
        Source khafaji = new Source(7, "الحل نت", null, null, "مواقع محلية", "اللواء تحسين الخفاجي", "قال…", 1L);
        assertThat(SourceLine.of(List.of(own, ARTICLE))).isEqualTo(SourceLine.of(ARTICLE) + ".");
        assertThat(SourceLine.of(List.of(own, ARTICLE, khafaji))).isEqualTo(
                "بحسب وكالة الأنباء العراقية، نقلاً عن مصدر مسؤول، ومواقع محلية، نقلاً عن اللواء تحسين الخفاجي، كما أورد موقع الحل نت.");
        assertThat(SourceLine.of(List.of(own))).isEqualTo("بحسب موقع الحل نت.");
    }

    @Test
    void refusesAFactWithoutSource() {
        assertThatThrownBy(() -> SourceLine.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static Source article(long article, String publisher, String cited, String speaker, String via) {
        return new Source(article * 10, publisher, LocalDate.of(2020, 8, 23), null, cited, speaker, "…", article, via);
    }

    @Test
    void aVoicesOwnChannelStandsBesideItAndTheOutletThatCarriedItFollows() {
        Source tweet = article(1, "الحل نت", null, "الكولونيل مايلز كاغينز", "تغريدة على حسابه في تويتر");
        assertThat(SourceLine.of(tweet))
                .isEqualTo("بحسب الكولونيل مايلز كاغينز في تغريدة على حسابه في تويتر، كما أورد موقع الحل نت");
        Source statement = article(2, "قناة المربد الفضائية", null, "التحالف", "بياناً عبر تويتر");
        assertThat(SourceLine.of(statement)).isEqualTo("بحسب التحالف الدولي في بيان عبر تويتر، كما أورد قناة المربد الفضائية");
    }

    @Test
    void oneOrganisationUnderTwoNamesIsCreditedOnceByItsOneName() {
        Source full = article(1, "الحل نت", null, "قيادة العمليات المشتركة", null);
        Source shortName = article(1, "الحل نت", null, "العمليات المشتركة", null);
        Source glued = article(1, "الحل نت", "لقيادة العمليات المشتركة", null, null);
        assertThat(SourceLine.of(List.of(full, shortName, glued)))
                .isEqualTo("بحسب قيادة العمليات المشتركة، كما أورد موقع الحل نت.")
                .doesNotContain("بحسب لقيادة");
    }

    @Test
    void aPublisherIsOneEntryAndPastThreeOutletsTheRestAreCounted() {
        List<Source> taji = List.of(
                article(1, "وكالة الأنباء العراقية", null, "اللواء تحسين الخفاجي", null),
                article(2, "وكالة الأنباء العراقية", null, null, null),
                article(3, "صحيفة الخليج اليوم", null, null, null),
                article(4, "وكالة الخبر الدولية", null, null, null),
                article(5, "موقع المجتمع", null, null, null),
                article(6, "lnaiq.com", null, null, null),
                article(7, "صحيفة عكاظ", null, null, null));
        String line = SourceLine.of(taji);
        assertThat(line).isEqualTo("بحسب اللواء تحسين الخفاجي، كما أورد وكالة الأنباء العراقية؛ وأورده أيضاً "
                + "صحيفة الخليج اليوم ووكالة الخبر الدولية و3 مصادر أخرى.");
        assertThat(line.split("وكالة الأنباء العراقية", -1)).hasSize(2);
    }

    @Test
    void lamBeforeANameWithAlIsWrittenAsOneWord() {
        assertThat(SourceLine.to("اللواء تحسين الخفاجي")).isEqualTo("للواء تحسين الخفاجي");
        assertThat(SourceLine.to("كاغينز")).isEqualTo("لـكاغينز");
        assertThat(SourceLine.to("الخفاجي")).isEqualTo("للخفاجي");
        assertThat(SourceLine.of(article(1, "الحل نت", null, "لـاللواء تحسين الخفاجي", null)))
                .isEqualTo("بحسب اللواء تحسين الخفاجي، كما أورد موقع الحل نت");
    }
}
