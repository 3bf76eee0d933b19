package org.handoverbot.knowledge;

/**
 * A number a source gives about an event: kind (troops_left, equipment_value_usd, attack_count, personnel,...),
 * the amount as written in digits, and a short Arabic note of its qualifier ("نحو", "خلال أقل من 6 أشهر").
 */
public record Figure(String kind, String amount, String note) {
}
