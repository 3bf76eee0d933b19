package org.handoverbot.answer;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.handoverbot.knowledge.Event;
import org.handoverbot.knowledge.EventKind;
import org.handoverbot.knowledge.EventStatus;
import org.handoverbot.knowledge.Figure;
import org.handoverbot.knowledge.Quote;
import org.handoverbot.knowledge.ScannedKnowledge;
import org.handoverbot.knowledge.Source;

/**
 * A read-only knowledge base over fixed records, shaped like what the seeds give, for testing the composers'
 * rules on their own. The whole path (real H2, seeds loaded) is tested in AnswersEndToEndTest.
 */
class FixedKnowledge extends ScannedKnowledge {

    static final Source ARTICLE = new Source(1, "الحل نت", LocalDate.of(2020, 3, 19), null,
            "وكالة الأنباء العراقية", "مصدر مسؤول",
            "ونقلت وكالة الأنباء العراقية الرسمية، مصدرٍ مسؤول قوله، إن «قوات التحالف الدولي سلّمت صباح اليوم الخميس قاعدة “القائم” العسكرية بالكامل إلى القوات الأمنية العراقية».", 1L);
    static final Source ARTICLE_KHAFAJI = new Source(2, "الحل نت", LocalDate.of(2020, 3, 19), null,
            null, "الخفاجي", "من جهته، قال الخفاجي لمواقع محلية، إن «انسحاب تلك القوات من القائم هو البداية، والخطوة التالية قد تكون الانسحاب من القيارة، بحسب جدولٍ زمني».", 1L);
    static final Source MASDAR = new Source(3, "المصدر نيوز", LocalDate.of(2020, 3, 19),
            "https://www.almasdarnews.com/article/us-coalition-troops-withdraw-from-syrian-border-base-official/", null, null, null, null);
    static final Source MILITARY_TIMES = new Source(4, "ميليتري تايمز", LocalDate.of(2020, 3, 26),
            "https://militarytimes.com/flashpoints/2020/03/26/x", null, null, null, null);
    static final Source UPI = new Source(5, "يو بي آي", LocalDate.of(2020, 8, 24), "https://www.upi.com/x", null, null, null, null);
    static final Source INDEPENDENT = new Source(6, "الإندبندنت", LocalDate.of(2026, 1, 17), "https://www.the-independent.com/x",
            null, null, null, null);

    static final Event QAIM = new Event(10, EventKind.HANDOVER, EventStatus.DONE, "al-qaim", "coalition", "iraqi-forces",
            LocalDate.of(2020, 3, 19), true, 1, List.of(new Figure("troops_left", "300", "نحو")), "تسليم قاعدة القائم",
            null, List.of(ARTICLE, MASDAR));
    static final Event QAYYARAH_PLAN = new Event(11, EventKind.HANDOVER, EventStatus.PLANNED, "qayyarah", "coalition",
            "iraqi-forces", null, null, null, List.of(), "الخطوة التالية", 12L, List.of(ARTICLE_KHAFAJI));
    static final Event QAYYARAH = new Event(12, EventKind.HANDOVER, EventStatus.DONE, "qayyarah", "coalition", "iraqi-forces",
            LocalDate.of(2020, 3, 26), null, 2, List.of(), null, 11L, List.of(MILITARY_TIMES));
    static final Event TAJI = new Event(13, EventKind.HANDOVER, EventStatus.DONE, "taji", "coalition", "iraqi-forces",
            LocalDate.of(2020, 8, 23), null, 8, List.of(new Figure("equipment_value_usd", "347000000", null)), null,
            null, List.of(UPI));
    static final Event AIN_AL_ASAD = new Event(14, EventKind.HANDOVER, EventStatus.DONE, "ain-al-asad", "us", "iraqi-forces",
            LocalDate.of(2026, 1, 16), true, null, List.of(), null, null, List.of(INDEPENDENT));
    static final Event ATTACK = new Event(15, EventKind.ATTACK, EventStatus.DONE, null, null, null, null, null, null,
            List.of(new Figure("attack_count", "24", "خلال أقل من 6 أشهر")),
            "هجوم صاروخي استهدف قاعدة عراقية تنتشر فيها قوات أجنبية", null, List.of(ARTICLE));

    static final Quote REASON = new Quote(20, 1, "khafaji", "اللواء تحسين الخفاجي", "المتحدث الرسمي لقيادة العمليات المشتركة",
            "السبب الحقيقي وراء الانسحاب، هو أن المهمة انتهت وأصبحت القوات العراقية قادرة على مسك زمام الأمور",
            Set.of("reason"), List.of("al-qaim", "qayyarah"), ARTICLE_KHAFAJI);
    static final Quote NEXT = new Quote(21, 1, "khafaji", "اللواء تحسين الخفاجي", "المتحدث الرسمي لقيادة العمليات المشتركة",
            "انسحاب تلك القوات من القائم هو البداية، والخطوة التالية قد تكون الانسحاب من القيارة، بحسب جدولٍ زمني",
            Set.of("next_step"), List.of("al-qaim", "qayyarah"), ARTICLE_KHAFAJI);
    static final Quote EQUIPMENT = new Quote(22, 1, "khafaji", "اللواء تحسين الخفاجي", "المتحدث الرسمي لقيادة العمليات المشتركة",
            "تلك المعدات بعضها إدارية، وبعضها الآخر معدات دعم لوجستي، ومعدات عسكرية سيتم تسليمها للجانب العراقي، وهذا اجراء طبيعي بين #العراق وقوات التحالف",
            Set.of("equipment"), List.of("al-qaim", "qayyarah"), ARTICLE_KHAFAJI);

    FixedKnowledge(List<Event> events, List<Quote> quotes) {
        super(events.stream().sorted(Comparator.comparing(Event::date, Comparator.nullsLast(Comparator.naturalOrder()))).toList(),
                quotes);
    }

    static FixedKnowledge seeds() {
        return new FixedKnowledge(List.of(QAIM, QAYYARAH_PLAN, QAYYARAH, TAJI, AIN_AL_ASAD, ATTACK), List.of(NEXT, REASON, EQUIPMENT));
    }

    static FixedKnowledge articleOnly() {
        Event plan = new Event(11, EventKind.HANDOVER, EventStatus.PLANNED, "qayyarah", "coalition", "iraqi-forces",
                null, null, null, List.of(), null, null, List.of(ARTICLE_KHAFAJI));
        Event qaim = new Event(10, EventKind.HANDOVER, EventStatus.DONE, "al-qaim", "coalition", "iraqi-forces",
                LocalDate.of(2020, 3, 19), true, null, List.of(), null, null, List.of(ARTICLE));
        return new FixedKnowledge(List.of(qaim, plan, ATTACK), List.of(NEXT, REASON, EQUIPMENT));
    }
}
