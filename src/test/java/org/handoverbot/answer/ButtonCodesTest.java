package org.handoverbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.handoverbot.nlp.Intent;
import org.junit.jupiter.api.Test;

class ButtonCodesTest {

    @Test
    void encodesShortAsciiDataThatDecodesBack() {
        String data = ButtonCodes.encode(Intent.STATEMENT, "khafaji", 2);
        assertThat(data).isEqualTo("said:khafaji:2");
        assertThat(data.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64);
        assertThat(ButtonCodes.decode(data)).contains(new ButtonCodes.Pressed(Intent.STATEMENT, "khafaji", 2));
        assertThat(ButtonCodes.decode("src:al-qaim")).contains(new ButtonCodes.Pressed(Intent.SOURCE, "al-qaim", 0));
        assertThat(ButtonCodes.decode("timeline")).contains(new ButtonCodes.Pressed(Intent.TIMELINE, null, 0));
    }

    @Test
    void foreignOrMalformedDataDoesNotDecode() {
        assertThat(ButtonCodes.decode("nosuch:al-qaim")).isEmpty();
        assertThat(ButtonCodes.decode("src:القائم")).isEmpty();
        assertThat(ButtonCodes.decode("src:a:b:c")).isEmpty();
        assertThat(ButtonCodes.decode("")).isEmpty();
        assertThat(ButtonCodes.decode(null)).isEmpty();
        assertThat(ButtonCodes.decode("x".repeat(100))).isEmpty();
    }
}
