package org.handoverbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An unnamed voice or an institution written with a glued conjunction is named without it; the heads are data. */
class VoiceHeadsTest {

    @Test
    void aConjunctionGluedToAVoiceIsDroppedButAWordThatStartsWithWawIsKept() {
        assertThat(ArticleSpeakers.withoutClitic("ومصدر أمني عراقي")).isEqualTo("مصدر أمني عراقي");
        assertThat(ArticleSpeakers.withoutClitic("فمسؤول عسكري")).isEqualTo("مسؤول عسكري");
        assertThat(ArticleSpeakers.withoutClitic("ووزارة الدفاع العراقية")).isEqualTo("وزارة الدفاع العراقية");
        assertThat(ArticleSpeakers.withoutClitic("وزارة الدفاع العراقية")).isEqualTo("وزارة الدفاع العراقية");
        assertThat(ArticleSpeakers.withoutClitic("وخلية الإعلام الأمني")).isEqualTo("خلية الإعلام الأمني");
        assertThat(ArticleSpeakers.withoutClitic("وقال المصدر")).isEqualTo("وقال المصدر");
    }
}
