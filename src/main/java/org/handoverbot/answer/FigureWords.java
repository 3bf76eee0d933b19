package org.handoverbot.answer;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.handoverbot.knowledge.Figure;

/**
 * A stored figure as an Arabic phrase: what it counts, its qualifier as the source gives it, and the amount
 * ("قيمة المعدات: نحو مليون دولار"). The amount is the source's; only its wording changes.
 */
public final class FigureWords {

    private static final Map<String, String> LABELS = Map.of(
            "troops_left", "عدد الجنود المغادرين",
            "personnel", "عدد الأفراد",
            "personnel_left", "عدد الأفراد المغادرين",
            "equipment_value_usd", "قيمة المعدات والممتلكات المسلّمة",
            "attack_count", "عدد الهجمات المماثلة",
            "bases_count", "عدد القواعد",
            "handover_count", "عدد القواعد المسلّمة");

    // Qualifiers that read before the number in Arabic; any other note follows it.
    private static final List<String> LEADING = List.of("نحو", "حوالي", "حوالى", "قرابة", "زهاء", "أكثر من",
            "اكثر من", "أقل من", "اقل من", "ما يقارب", "ما لا يقل عن", "بين");

    private FigureWords() {
    }

    public static boolean isEquipment(Figure figure) {
        return figure.kind() != null && figure.kind().toLowerCase(Locale.ROOT).contains("equipment");
    }

    /**
     * "قيمة المعدات والممتلكات المسلّمة: 347 مليون دولار". A note that already states the figure in words
     * ("نحو 300 عسكري غادروا القاعدة") is the store's own phrase and stands alone; a short qualifier
     * ("نحو") goes before the amount; any other note follows it in brackets.
     */
    public static String phrase(Figure figure) {
        String kind = figure.kind() == null ? "" : figure.kind().toLowerCase(Locale.ROOT);
        String label = LABELS.get(kind);
        String amount = kind.endsWith("_usd") ? dollars(figure.amount()) : figure.amount().strip();
        String note = figure.note() == null ? "" : figure.note().strip().replaceAll("[.。]+$", "");
        if (note.isEmpty() || !Names.isArabic(note)) {
            return (label == null ? "رقم ورد في المصدر" : label) + ": " + amount;
        }
        if (statesTheAmount(note, figure.amount(), amount)) {
            return note;
        }
        boolean leading = LEADING.stream().anyMatch(note::startsWith) && note.split("\\s+").length <= 3;
        if (leading) {
            return (label == null ? "رقم ورد في المصدر" : label) + ": " + note + " " + amount;
        }
        if (label == null && note.split("\\s+").length >= 3) {
            return note;
        }
        return (label == null ? "رقم ورد في المصدر" : label) + ": " + amount + " (" + note + ")";
    }

    /** True when the note writes the amount itself: one of its digit runs, or its scaled words ("مليون دولار"). */
    private static boolean statesTheAmount(String note, String rawAmount, String worded) {
        for (String digits : rawAmount.split("[^0-9]+")) {
            if (!digits.isEmpty() && note.contains(digits)) {
                return true;
            }
        }
        String words = worded.replace(" دولار", "");
        return !words.matches("[0-9,.]+") && note.contains(words);
    }

    /** "347 مليون دولار", "مليون دولار", "2.5 مليار دولار"; amounts that are not plain numbers stay as written. */
    static String dollars(String amount) {
        String digits = amount.strip().replace(",", "");
        if (!digits.matches("\\d{1,15}")) {
            return amount.strip() + " دولار";
        }
        long value = Long.parseLong(digits);
        if (value >= 1_000_000_000L) {
            return scaled(value, 1_000_000_000L, "مليار") + " دولار";
        }
        if (value >= 1_000_000L) {
            return scaled(value, 1_000_000L, "مليون") + " دولار";
        }
        return String.format(Locale.ROOT, "%,d", value) + " دولار";
    }

    private static String scaled(long value, long unit, String word) {
        if (value == unit) {
            return word;
        }
        if (value % unit == 0) {
            return (value / unit) + " " + word;
        }
        String decimal = java.math.BigDecimal.valueOf(value).divide(java.math.BigDecimal.valueOf(unit))
                .stripTrailingZeros().toPlainString();
        return decimal + " " + word;
    }
}
