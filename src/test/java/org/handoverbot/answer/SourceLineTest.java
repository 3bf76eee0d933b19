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
}
