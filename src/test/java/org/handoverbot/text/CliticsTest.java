package org.handoverbot.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CliticsTest {

    @Test
    void aWordIsFoundBareAndBehindConjunctionsAndPrepositions() {
        assertThat(Clitics.forms("القائم")).contains("القائم", "والقائم", "فالقائم", "بالقائم", "وبالقائم");
    }

    @Test
    void lamBeforeTheArticleIsWrittenAsDoubleLam() {
        assertThat(Clitics.forms("القائم")).contains("للقائم", "وللقائم", "فللقائم");
        assertThat(Clitics.forms("شباط")).noneMatch(form -> form.contains("للشباط") || form.startsWith("لل"));
    }

    @Test
    void aGluedLamComesOffANameAndDoubleLamGivesBackTheArticle() {
        assertThat(Clitics.withoutLam("للتحالف")).isEqualTo("التحالف");
        assertThat(Clitics.withoutLam("لوزارة")).isEqualTo("وزارة");
        assertThat(Clitics.withoutLam("التحالف")).isEqualTo("التحالف");
        assertThat(Clitics.withoutLam("وزارة")).isEqualTo("وزارة");
    }
}
