package org.handoverbot.nlp;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a question asks the bot to do, the head of a {@link Frame}. The classifier's {@link Intent} names it;
 * the slots say about what. Labels are those of models/frames-test.txt and `ask --json`.
 */
public enum Act {
    DATE, PARTIES, PLACE, STATUS, QUOTE, SOURCE, COUNT, LIST, ORDINAL, COMPARE, FIGURE, REASON, NEXT_STEP,
    SUBSCRIBE, UNSUBSCRIBE, GREETING, HELP, THANKS, OUT_OF_SCOPE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Act> fromLabel(String label) {
        return Arrays.stream(values()).filter(a -> a.label().equals(label)).findFirst();
    }

    /** The act a classifier label stands for; attacks are a list of events of the kind attack. */
    public static Act of(Intent intent) {
        return switch (intent) {
            case EVENT_DATE -> DATE;
            case PARTIES -> PARTIES;
            case STATUS -> STATUS;
            case SOURCE -> SOURCE;
            case STATEMENT -> QUOTE;
            case REASON -> REASON;
            case NEXT_STEP -> NEXT_STEP;
            case EQUIPMENT -> FIGURE;
            case ATTACKS, TIMELINE -> LIST;
            case LOCATION -> PLACE;
            case COUNT -> COUNT;
            case ORDINAL -> ORDINAL;
            case COMPARE -> COMPARE;
            case SUBSCRIBE -> SUBSCRIBE;
            case UNSUBSCRIBE -> UNSUBSCRIBE;
            case GREETING -> GREETING;
            case HELP -> HELP;
            case THANKS -> THANKS;
            case OUT_OF_SCOPE -> OUT_OF_SCOPE;
        };
    }

    /** Acts about the knowledge, which a follow-up that only names a slot may repeat. */
    public boolean asksKnowledge() {
        return ordinal() <= NEXT_STEP.ordinal();
    }
}
