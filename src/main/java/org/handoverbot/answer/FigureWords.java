package org.handoverbot.answer;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.handoverbot.knowledge.Figure;
import org.handoverbot.text.WordList;

/**
 * A stored figure as an Arabic phrase: what it counts, its qualifier as the source gives it, and the amount
 * ("قيمة المعدات: نحو مليون دولار"). The amount is the source's; only its wording changes, and the wording is
 * the catalogue's figure.* and count.* patterns (CLDR plurals: "3 ملايين دولار", "11 جندياً").
 */
public final class FigureWords {

    // What String.replaceAll("[.。]+$", "") does, with the pattern compiled once instead of on every call.
    private static final java.util.regex.Pattern FINAL_STOPS = java.util.regex.Pattern.compile("[.。]+$");

    private static final ReplyCatalogue SAY = ReplyCatalogue.arabic();

    /** What each kind of figure counts: a catalogue key (kinds the bot does not know read "رقم ورد في المصدر"). */
    private static final Map<String, String> LABELS = Map.of(
            "troops_left", "figure.troops_left",
            "personnel", "figure.personnel",
            "personnel_left", "figure.personnel_left",
            "equipment_value_usd", "figure.equipment_value_usd",
            "attack_count", "figure.attack_count",
            "bases_count", "figure.bases_count",
            "handover_count", "figure.handover_count");

    /** Kinds whose whole-number amounts are soldiers, said with their noun ("300 جندي"). */
    private static final List<String> SOLDIERS = List.of("troops_left");

    // Qualifiers that read before the number in Arabic ("نحو", "أكثر من"); any other note follows it. Data, with
    // the other word lists the extraction reads.
    private static final List<String> LEADING = WordList.load("/models/extraction/amount-qualifiers.txt");

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
        String label = SAY.text(LABELS.getOrDefault(kind, "figure.unlabelled"));
        String amount = amount(kind, figure.amount());
        String note = figure.note() == null ? "" : withoutFinalStops(figure.note().strip());
        if (note.isEmpty() || !Names.isArabic(note)) {
            return SAY.format("figure.labelled", "label", label, "amount", amount);
        }
        if (statesTheAmount(note, figure.amount(), kind)) {
            return note;
        }
        boolean leading = LEADING.stream().anyMatch(note::startsWith) && note.split("\\s+").length <= 3;
        if (leading) {
            return SAY.format("figure.labelled.qualified", "label", label, "qualifier", note, "amount", amount);
        }
        if (!LABELS.containsKey(kind) && note.split("\\s+").length >= 3) {
            return note;
        }
        return SAY.format("figure.labelled.noted", "label", label, "amount", amount, "note", note);
    }

    private static String amount(String kind, String raw) {
        if (kind.endsWith("_usd")) {
            return dollars(raw);
        }
        Long whole = wholeNumber(raw);
        if (whole != null && SOLDIERS.contains(kind)) {
            return ArabicCounts.soldiers(whole, ArabicCounts.Case.NOMINATIVE);
        }
        return raw.strip();
    }

    /** True when the note writes the amount itself: one of its digit runs, or its scaled words ("مليون"). */
    private static boolean statesTheAmount(String note, String rawAmount, String kind) {
        for (String digits : rawAmount.split("[^0-9]+")) {
            if (!digits.isEmpty() && note.contains(digits)) {
                return true;
            }
        }
        Long whole = kind.endsWith("_usd") ? wholeNumber(rawAmount) : null;
        return whole != null && whole >= 1_000_000L && note.contains(scaled(whole));
    }

    /** "347 مليون دولار", "مليون دولار", "2.5 مليار دولار", "50 دولاراً"; amounts that are not plain numbers stay as written. */
    static String dollars(String amount) {
        Long value = wholeNumber(amount);
        if (value == null) {
            return SAY.format("figure.dollars.scaled", "amount", amount.strip());
        }
        if (value >= 1_000_000L) {
            return SAY.format("figure.dollars.scaled", "amount", scaled(value));
        }
        return SAY.format("count.dollars", "count", value, "case", ArabicCounts.Case.NOMINATIVE.slot());
    }

    /** "347 مليون", "مليون", "3 ملايين", "2.5 مليار": the number in millions or billions, as CLDR counts them. */
    private static String scaled(long value) {
        boolean billions = value >= 1_000_000_000L;
        BigDecimal units = BigDecimal.valueOf(value).divide(BigDecimal.valueOf(billions ? 1_000_000_000L : 1_000_000L))
                .stripTrailingZeros();
        Number count = units.scale() <= 0 ? (Number) units.longValueExact() : (Number) units.doubleValue();
        return SAY.format(billions ? "count.billions" : "count.millions", "count", count,
                "case", ArabicCounts.Case.NOMINATIVE.slot());
    }

    private static Long wholeNumber(String amount) {
        String digits = amount.strip().replace(",", "");
        return digits.matches("\\d{1,15}") ? Long.valueOf(digits) : null;
    }

    /** The text without the full stops it ends with. */
    static String withoutFinalStops(String text) {
        return FINAL_STOPS.matcher(text).replaceAll("");
    }
}
