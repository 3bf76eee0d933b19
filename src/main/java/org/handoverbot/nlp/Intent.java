package org.handoverbot.nlp;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a message asks for. The labels are the ones in the training data and in `ask --json`. */
public enum Intent {
    EVENT_DATE, PARTIES, STATUS, SOURCE, STATEMENT, REASON, NEXT_STEP, EQUIPMENT, ATTACKS, LOCATION, TIMELINE,
    /** Counting handovers ("كم قاعدة سلّم التحالف في 2020؟"). */
    COUNT,
    /** Which base came at a position ("القاعدة الثالثة", "آخر قاعدة"). */
    ORDINAL,
    /** Two handovers side by side ("ما الفرق بين تسليم القائم وتسليم عين الأسد؟"). */
    COMPARE,
    SUBSCRIBE, UNSUBSCRIBE, GREETING, HELP,
    /** Thanks and goodbyes ("شكرا", "مع السلامة"): a short reply. */
    THANKS,
    OUT_OF_SCOPE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Intent> fromLabel(String label) {
        return Arrays.stream(values()).filter(i -> i.label().equals(label)).findFirst();
    }
}
