package org.handoverbot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.handoverbot.answer.SubscriptionDesk.Change;
import org.handoverbot.knowledge.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubscriptionsTest {

    @TempDir
    Path dir;

    private Database open() {
        return Database.open("jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_DELAY=0");
    }

    @Test
    void subscribingTwiceToEveryBaseChangesNothingTheSecondTime() {
        try (Database db = open()) {
            Subscriptions desk = new Subscriptions(db);
            assertThat(desk.subscribe(7, Optional.empty())).isEqualTo(new Change(true, true, List.of()));
            assertThat(desk.subscribe(7, Optional.empty())).isEqualTo(new Change(false, true, List.of()));
            assertThat(desk.subscriberCount()).isEqualTo(1);
        }
    }

    @Test
    void aChatCanFollowSeveralBasesAndOneBaseOnlyOnce() {
        try (Database db = open()) {
            Subscriptions desk = new Subscriptions(db);
            assertThat(desk.subscribe(7, Optional.of("qayyarah"))).isEqualTo(new Change(true, false, List.of("qayyarah")));
            assertThat(desk.subscribe(7, Optional.of("ain-al-asad")).baseIds()).containsExactlyInAnyOrder("qayyarah", "ain-al-asad");
            assertThat(desk.subscribe(7, Optional.of("qayyarah")).changed()).isFalse();
        }
    }

    @Test
    void followingEveryBaseReplacesTheSingleBases() {
        try (Database db = open()) {
            Subscriptions desk = new Subscriptions(db);
            desk.subscribe(7, Optional.of("k1"));
            assertThat(desk.subscribe(7, Optional.empty())).isEqualTo(new Change(true, true, List.of()));
            assertThat(desk.subscribe(7, Optional.of("taji"))).isEqualTo(new Change(false, true, List.of()));
            assertThat(desk.current(7)).isEqualTo(new Change(false, true, List.of()));
        }
    }

    @Test
    void unsubscribeStopsEverythingAndSaysWhetherThereWasAnything() {
        try (Database db = open()) {
            Subscriptions desk = new Subscriptions(db);
            desk.subscribe(7, Optional.of("k1"));
            desk.subscribe(7, Optional.of("taji"));
            assertThat(desk.unsubscribe(7)).isEqualTo(new Change(true, false, List.of()));
            assertThat(desk.unsubscribe(7)).isEqualTo(new Change(false, false, List.of()));
            assertThat(desk.subscriberCount()).isZero();
        }
    }

    @Test
    void subscriptionsSurviveARestart() {
        try (Database db = open()) {
            new Subscriptions(db).subscribe(42, Optional.of("al-qaim"));
            new Subscriptions(db).subscribe(43, Optional.empty());
        }
        try (Database db = open()) {
            Subscriptions desk = new Subscriptions(db);
            assertThat(desk.current(42)).isEqualTo(new Change(false, false, List.of("al-qaim")));
            assertThat(desk.current(43)).isEqualTo(new Change(false, true, List.of()));
            assertThat(desk.subscriberCount()).isEqualTo(2);
        }
    }
}
