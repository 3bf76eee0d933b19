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

    /** "قيمة المعدات والممتلكات المسلّمة: 347 مليون دولار". */
    public static String phrase(Figure figure) {
        String kind = figure.kind() == null ? "" : figure.kind().toLowerCase(Locale.ROOT);
        String label = LABELS.getOrDefault(kind, "رقم ورد في المصدر");
        String amount = kind.endsWith("_usd") ? dollars(figure.amount()) : figure.amount().strip();
        String note = figure.note() == null ? "" : figure.note().strip();
        if (note.isEmpty() || !Names.isArabic(note)) {
            return label + ": " + amount;
        }
        boolean leading = LEADING.stream().anyMatch(note::startsWith) && note.split("\\s+").length <= 3;
        return label + ": " + (leading ? note + " " + amount : amount + " " + note);
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
