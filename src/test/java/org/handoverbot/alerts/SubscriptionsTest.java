package org.handoverbot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.handoverbot.answer.SubscriptionDesk.Change;
import org.handoverbot.knowledge.Database;
import org.handoverbot.knowledge.Vendor;
import org.handoverbot.knowledge.pg.OnEveryVendor;
import org.handoverbot.knowledge.pg.TestDatabases;
import org.junit.jupiter.api.io.TempDir;

/** A chat's subscriptions and their rules, on H2 and on PostgreSQL alike. */
class SubscriptionsTest {

    @TempDir
    Path dir;

    private String url;

    /** The test's database, the same one each time within a test (a fresh one per test). */
    private Database open(Vendor vendor) {
        if (url == null) {
            url = TestDatabases.freshUrl(vendor, dir, "db");
        }
        return Database.open(url);
    }

    @OnEveryVendor
    void subscribingTwiceToEveryBaseChangesNothingTheSecondTime(Vendor vendor) {
        try (Database db = open(vendor)) {
            Subscriptions desk = new Subscriptions(db);
            assertThat(desk.subscribe(7, Optional.empty())).isEqualTo(new Change(true, true, List.of()));
            assertThat(desk.subscribe(7, Optional.empty())).isEqualTo(new Change(false, true, List.of()));
            assertThat(desk.subscriberCount()).isEqualTo(1);
        }
    }

    @OnEveryVendor
    void aChatCanFollowSeveralBasesAndOneBaseOnlyOnce(Vendor vendor) {
        try (Database db = open(vendor)) {
            Subscriptions desk = new Subscriptions(db);
            assertThat(desk.subscribe(7, Optional.of("qayyarah"))).isEqualTo(new Change(true, false, List.of("qayyarah")));
            assertThat(desk.subscribe(7, Optional.of("ain-al-asad")).baseIds()).containsExactlyInAnyOrder("qayyarah", "ain-al-asad");
            assertThat(desk.subscribe(7, Optional.of("qayyarah")).changed()).isFalse();
        }
    }

    @OnEveryVendor
    void followingEveryBaseReplacesTheSingleBases(Vendor vendor) {
        try (Database db = open(vendor)) {
            Subscriptions desk = new Subscriptions(db);
            desk.subscribe(7, Optional.of("k1"));
            assertThat(desk.subscribe(7, Optional.empty())).isEqualTo(new Change(true, true, List.of()));
            assertThat(desk.subscribe(7, Optional.of("taji"))).isEqualTo(new Change(false, true, List.of()));
            assertThat(desk.current(7)).isEqualTo(new Change(false, true, List.of()));
        }
    }

    @OnEveryVendor
    void unsubscribeStopsEverythingAndSaysWhetherThereWasAnything(Vendor vendor) {
        try (Database db = open(vendor)) {
            Subscriptions desk = new Subscriptions(db);
            desk.subscribe(7, Optional.of("k1"));
            desk.subscribe(7, Optional.of("taji"));
            assertThat(desk.unsubscribe(7)).isEqualTo(new Change(true, false, List.of()));
            assertThat(desk.unsubscribe(7)).isEqualTo(new Change(false, false, List.of()));
            assertThat(desk.subscriberCount()).isZero();
        }
    }

    @OnEveryVendor
    void subscriptionsSurviveARestart(Vendor vendor) {
        try (Database db = open(vendor)) {
            new Subscriptions(db).subscribe(42, Optional.of("al-qaim"));
            new Subscriptions(db).subscribe(43, Optional.empty());
        }
        try (Database db = open(vendor)) {
            Subscriptions desk = new Subscriptions(db);
            assertThat(desk.current(42)).isEqualTo(new Change(false, false, List.of("al-qaim")));
            assertThat(desk.current(43)).isEqualTo(new Change(false, true, List.of()));
            assertThat(desk.subscriberCount()).isEqualTo(2);
        }
    }
}
