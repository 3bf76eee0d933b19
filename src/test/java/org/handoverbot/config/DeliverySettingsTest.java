package org.handoverbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The delivery settings from the environment: defaults, operators' durations, and one line for a bad value. */
class DeliverySettingsTest {

    @Test
    void unsetMeansADayForAlertsAndAMinuteOfWebhookLease() {
        DeliverySettings settings = DeliverySettings.from(Map.of());
        assertThat(settings.alertMaxAge()).isEqualTo(Duration.ofHours(24));
        assertThat(settings.webhookLease()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void theWebhookLeaseIsADurationOfAtLeastASecond() {
        assertThat(DeliverySettings.from(Map.of("TELEGRAM_WEBHOOK_LEASE", "90s")).webhookLease()).isEqualTo(Duration.ofSeconds(90));
        assertThat(DeliverySettings.from(Map.of("TELEGRAM_WEBHOOK_LEASE", "PT2M")).webhookLease()).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> DeliverySettings.from(Map.of("TELEGRAM_WEBHOOK_LEASE", "PT0.5S")))
                .isInstanceOf(BadSettingException.class).hasMessage("TELEGRAM_WEBHOOK_LEASE must be at least 1s, not 500ms");
        assertThatThrownBy(() -> DeliverySettings.from(Map.of("TELEGRAM_WEBHOOK_LEASE", "soon")))
                .isInstanceOf(BadSettingException.class)
                .hasMessage("TELEGRAM_WEBHOOK_LEASE must be a positive duration such as 24h, 90m, 30s or 2d, not 'soon'");
    }
}
