package org.handoverbot.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GazetteerTest {

    private final Gazetteer gazetteer = Gazetteer.load();

    @Test
    void findsABaseWhateverCliticsItCarries() {
        assertThat(gazetteer.find("انسحبوا وبالقائم ثم للقائم")).extracting(m -> m.entry().id())
                .containsExactly("al-qaim", "al-qaim");
        assertThat(gazetteer.find("شوكت سلموا القايم")).extracting(m -> m.entry().id()).containsExactly("al-qaim");
    }

    @Test
    void prefersTheLongestName() {
        assertThat(gazetteer.find("قالت قوات التحالف الدولي إن"))
                .singleElement().satisfies(m -> {
                    assertThat(m.entry().id()).isEqualTo("coalition");
                    assertThat(m.end() - m.start()).isEqualTo(3);
                });
    }

    @Test
    void findsHashtagNamesAndPeople() {
        assertThat(gazetteer.find("الكولونيل #مايلز_كاغيتر واللواء تحسين الخفاجي")).extracting(m -> m.entry().id())
                .containsExactly("caggins", "khafaji");
    }
}
