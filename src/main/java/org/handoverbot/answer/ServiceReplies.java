package org.handoverbot.answer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.handoverbot.knowledge.Event;
import org.handoverbot.knowledge.Quote;
import org.handoverbot.nlp.Intent;

/**
 * The replies that are not facts: greeting, help with examples drawn from what the store knows, polite
 * refusals, clarifying questions, subscriptions, and the answers to bad input.
 */
final class ServiceReplies {

    static final String WHAT_I_DO = "أجيب عن أسئلة تسليم القواعد العسكرية من التحالف الدولي إلى القوات العراقية: "
            + "متى سُلّمت كل قاعدة ومن سلّمها ومن تسلّمها، وما قاله المسؤولون بنصه، مع ذكر المصدر في كل جواب.";

    private final EventQueries queries;
    private final Names names;
    private final Optional<SubscriptionDesk> desk;

    ServiceReplies(EventQueries queries, Names names, Optional<SubscriptionDesk> desk) {
        this.queries = queries;
        this.names = names;
        this.desk = desk;
    }

    Answer greeting() {
        return Answer.of(new Reply(List.of(Para.text("أهلاً بك! ").add(WHAT_I_DO).build(),
                Para.text("اكتب سؤالك بالعربية، أو اطلب «مساعدة» لترى أمثلة.").build()),
                List.of(button("أمثلة على الأسئلة", Intent.HELP, null), button("كل عمليات التسليم", Intent.TIMELINE, null))));
    }

    /** What to ask, with examples built from the bases, people and dates the store holds. */
    Answer help() {
        List<Reply.Block> blocks = new ArrayList<>();
        blocks.add(Para.text(WHAT_I_DO).build());
        blocks.add(Para.text("أمثلة على ما يمكنك أن تسألني:").build());
        for (String example : examples(8)) {
            blocks.add(Para.text("• " + example).build());
        }
        blocks.add(Para.text("الأوامر: /timeline كل عمليات التسليم بالترتيب، /source مصادر الجواب الأخير، "
                + "/subscribe [قاعدة] للتنبيه عند تسليم جديد، /unsubscribe لإيقاف التنبيهات، /help هذه المساعدة.").build());
        return Answer.of(new Reply(blocks, List.of(button("كل عمليات التسليم", Intent.TIMELINE, null))));
    }

    Answer outOfScope() {
        List<Reply.Block> blocks = new ArrayList<>();
        blocks.add(Para.text("عذراً، هذا خارج ما أعرفه. " + WHAT_I_DO).build());
        List<String> examples = examples(3);
        if (!examples.isEmpty()) {
            blocks.add(Para.text("جرّب مثلاً: " + String.join(" أو ", examples)).build());
        }
        return Answer.of(new Reply(blocks, List.of(button("أمثلة على الأسئلة", Intent.HELP, null))));
    }

    /** A low-confidence question: a short "did you mean" with two or three questions as buttons. */
    Answer clarify(String baseId) {
        List<Reply.Block> blocks = new ArrayList<>();
        blocks.add(Para.text("لم أفهم سؤالك تماماً. هل تقصد أحد هذه الأسئلة؟").build());
        List<Reply.Button> buttons = new ArrayList<>();
        String base = baseId != null ? baseId : queries.doneHandovers().stream().map(Event::baseId)
                .filter(ButtonCodes::fits).findFirst().orElse(null);
        if (base != null && ButtonCodes.fits(base)) {
            String label = names.baseLabel(base);
            addSuggestion(blocks, buttons, "متى سُلّمت " + label + "؟", Intent.EVENT_DATE, base);
            addSuggestion(blocks, buttons, "ما مصدر خبر " + label + "؟", Intent.SOURCE, base);
        }
        addSuggestion(blocks, buttons, "ما القواعد التي سُلّمت وبأي ترتيب؟", Intent.TIMELINE, null);
        return new Answer(new Reply(blocks, buttons), baseId, null, null, List.of());
    }

    /** A question about a base that names none, with no base in the conversation: which one? */
    Answer whichBase(Intent intent) {
        List<String> bases = queries.basesKnown();
        List<Reply.Block> blocks = new ArrayList<>();
        blocks.add(Para.text("عن أي قاعدة تسأل؟").build());
        if (bases.isEmpty()) {
            blocks.add(Para.text("لا تسجّل مصادري أي قاعدة بعد.").build());
            return Answer.of(new Reply(blocks, List.of()));
        }
        blocks.add(Para.text("تذكر مصادري: " + String.join("، ", bases.stream().map(names::base).toList()) + ".").build());
        List<Reply.Button> buttons = new ArrayList<>();
        Intent asked = intent == null ? Intent.EVENT_DATE : intent;
        bases.stream().filter(ButtonCodes::fits).limit(8)
                .forEach(b -> buttons.add(new Reply.Button(names.base(b), ButtonCodes.encode(codeable(asked), b))));
        return Answer.of(new Reply(blocks, buttons));
    }

    /** "What is your source?" with nothing before it: the publishers the bot draws on, and bases to ask about. */
    Answer sourcesOverview(List<org.handoverbot.knowledge.Source> sources) {
        if (sources.isEmpty()) {
            return Answer.of(Reply.of(Para.text("لا تضم مصادري أي خبر بعد.").build()));
        }
        List<Reply.Block> blocks = new ArrayList<>();
        blocks.add(Para.text("أجيب من أخبار وتقارير محفوظة، أذكر مصدرها مع كل جواب. ناشروها: "
                + EventQueries.publishers(sources) + ".").build());
        blocks.add(Para.text("اسألني عن قاعدة بعينها لأذكر لك مصدر خبرها ورابطه، مثلاً: ما مصدر خبر "
                + queries.doneHandovers().stream().findFirst().map(e -> names.baseLabel(e.baseId())).orElse("القاعدة")
                + "؟").build());
        List<Reply.Button> buttons = new ArrayList<>();
        queries.basesKnown().stream().filter(ButtonCodes::fits).limit(6)
                .forEach(b -> buttons.add(new Reply.Button("مصدر " + names.base(b), ButtonCodes.encode(Intent.SOURCE, b))));
        return Answer.of(new Reply(blocks, buttons));
    }

    /** A place the question names that no gazetteer or store knows: no information about that very place. */
    Answer unknownPlace(String place) {
        return Answer.of(new Reply(List.of(Para.text("لا تتوفر في مصادري معلومات عن ").bold(place).add(".").build(),
                Para.text("أستطيع أن أعرض لك عمليات التسليم التي تسجّلها مصادري.").build()),
                List.of(button("كل عمليات التسليم", Intent.TIMELINE, null))));
    }

    Answer subscribe(long chatId, String baseId) {
        String what = baseId == null ? "أي عملية تسليم جديدة" : "أي جديد عن " + names.baseLabel(baseId);
        if (desk.isEmpty()) {
            return Answer.of(Reply.of(Para.text("التنبيهات غير مفعّلة في هذه النسخة. عند تفعيلها، يكفي أن تكتب "
                    + "/subscribe (أو /subscribe مع اسم قاعدة) فأرسل إليك تنبيهاً عند دخول " + what + " إلى مصادري، "
                    + "و/unsubscribe لإيقافها.").build()));
        }
        SubscriptionDesk.Change change = desk.get().subscribe(chatId, Optional.ofNullable(baseId));
        String state = change.changed() ? "تم الاشتراك. " : "أنت مشترك من قبل. ";
        return new Answer(Reply.of(Para.text(state + "سأرسل إليك تنبيهاً عند دخول " + what + " إلى مصادري. ")
                .add(following(change)).add(" لإيقاف التنبيهات: /unsubscribe").build()), baseId, null, null, List.of());
    }

    Answer unsubscribe(long chatId) {
        if (desk.isEmpty()) {
            return Answer.of(Reply.of(Para.text("التنبيهات غير مفعّلة في هذه النسخة، فلا اشتراك لإيقافه.").build()));
        }
        SubscriptionDesk.Change change = desk.get().unsubscribe(chatId);
        return Answer.of(Reply.of(Para.text(change.changed() ? "تم إيقاف التنبيهات. يمكنك الاشتراك من جديد متى شئت: /subscribe"
                : "لم تكن مشتركاً في التنبيهات. للاشتراك: /subscribe").build()));
    }

    Answer subscribeUnknownBase(String argument) {
        return Answer.of(Reply.of(Para.text("لا أعرف قاعدة باسم «" + shortened(argument) + "». اكتب /subscribe وحدها "
                + "للتنبيه عن كل عملية تسليم، أو مع اسم قاعدة مثل: /subscribe " + exampleBase() + ".").build()));
    }

    Answer noLastAnswer() {
        return Answer.of(Reply.of(Para.text("لم أذكر لك مصدراً بعد في هذه المحادثة. اسألني عن قاعدة، ثم اطلب المصدر.").build()));
    }

    Answer empty() {
        return Answer.of(Reply.of(Para.text("لم تصلني أي كلمات. اكتب سؤالك بالعربية، مثلاً: " + firstExample()).build()));
    }

    Answer noWords() {
        return Answer.of(Reply.of(Para.text("لم أجد في رسالتك كلمات أفهمها. اكتب سؤالك بالعربية، مثلاً: " + firstExample()).build()));
    }

    Answer tooLong(int max) {
        return Answer.of(Reply.of(Para.text("رسالتك أطول مما أستطيع فهمه. اكتب سؤالاً قصيراً (حتى " + max
                + " حرف)، مثلاً: " + firstExample()).build()));
    }

    Answer oldButton() {
        return Answer.of(new Reply(List.of(Para.text("هذا الزر قديم أو لم يعد صالحاً. اكتب سؤالك من جديد، أو اطلب المساعدة.").build()),
                List.of(button("أمثلة على الأسئلة", Intent.HELP, null))));
    }

    Answer unknownCommand(String command) {
        return Answer.of(Reply.of(Para.text("لا أعرف الأمر /" + shortened(command) + ". الأوامر المتاحة: /start /help /timeline "
                + "/source /subscribe /unsubscribe").build()));
    }

    Answer failure() {
        return Answer.of(Reply.of(Para.text("عذراً، تعذّر عليّ الوصول إلى مصادري الآن. حاول مرة أخرى بعد قليل.").build()));
    }

    private List<String> examples(int max) {
        List<String> out = new ArrayList<>();
        List<Event> done = queries.doneHandovers();
        if (!done.isEmpty()) {
            Event first = done.get(0);
            Event last = done.get(done.size() - 1);
            String a = names.baseLabel(first.baseId());
            out.add("متى سُلّمت " + a + "؟");
            out.add("من تسلّم " + a + "؟");
            out.add("ما مصدر خبر " + a + "؟");
            if (done.size() >= 3) {
                out.add("ما القاعدة الثالثة التي سُلّمت؟");
            }
            if (first.date() != null) {
                out.add("كم قاعدة سُلّمت في " + first.date().getYear() + "؟");
                out.add("ماذا حدث في " + ArabicDates.levantMonth(first.date().getMonth()) + " " + first.date().getYear() + "؟");
            }
            if (!first.baseId().equals(last.baseId())) {
                out.add("ما الفرق بين تسليم " + names.base(first.baseId()) + " وتسليم " + names.base(last.baseId()) + "؟");
            }
        }
        queries.quotes().stream().map(Quote::speakerId).filter(id -> id != null).findFirst()
                .flatMap(names::name).ifPresent(person -> out.add("ماذا قال " + person + "؟"));
        if (!queries.plans().isEmpty()) {
            out.add("ما الخطوة التالية؟");
        }
        out.add("ما القواعد التي سُلّمت حتى الآن؟");
        return out.stream().limit(max).toList();
    }

    private String firstExample() {
        List<String> examples = examples(1);
        return examples.isEmpty() ? "ما القواعد التي سُلّمت حتى الآن؟" : examples.get(0);
    }

    private String exampleBase() {
        return queries.basesKnown().stream().findFirst().map(names::base).orElse("اسم القاعدة");
    }

    private String following(SubscriptionDesk.Change change) {
        if (change.allBases()) {
            return "تتابع الآن كل القواعد.";
        }
        if (change.baseIds().isEmpty()) {
            return "";
        }
        return "تتابع الآن: " + String.join("، ", change.baseIds().stream().map(names::base).toList()) + ".";
    }

    private static void addSuggestion(List<Reply.Block> blocks, List<Reply.Button> buttons, String question, Intent intent,
                                      String subject) {
        blocks.add(Para.text("• " + question).build());
        buttons.add(new Reply.Button(question, ButtonCodes.encode(intent, subject)));
    }

    private static Intent codeable(Intent intent) {
        return switch (intent) {
            case EVENT_DATE, PARTIES, STATUS, SOURCE, STATEMENT, REASON, NEXT_STEP, EQUIPMENT, ATTACKS, LOCATION -> intent;
            default -> Intent.EVENT_DATE;
        };
    }

    private static Reply.Button button(String label, Intent intent, String subject) {
        return new Reply.Button(label, ButtonCodes.encode(intent, subject));
    }

    private static String shortened(String text) {
        String t = text.strip();
        return t.codePointCount(0, t.length()) > 40 ? t.substring(0, t.offsetByCodePoints(0, 40)) + "…" : t;
    }
}
