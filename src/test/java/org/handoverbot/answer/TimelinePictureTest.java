package org.handoverbot.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import org.handoverbot.knowledge.Event;
import org.handoverbot.nlp.Gazetteer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The /timeline picture drawn headless from fixed handovers (al-Qaim, al-Qayyarah, Taji in 2020; Ain al-Asad in
 * 2026): its size, that it is not blank, that the long gap is a broken axis said in words, and that the Arabic
 * labels are real Arabic: every character in the font, laid out right to left, letters joined (the glyphs drawn
 * are the contextual forms ICU's ArabicShaping gives), no missing-glyph boxes, ink where each label is.
 */
class TimelinePictureTest {

    private static final Names NAMES = new Names(Gazetteer.load());
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private static TimelinePicture.Rendering rendering;
    private static Font font;

    @BeforeAll
    static void draw() {
        System.setProperty("java.awt.headless", "true");
        font = ArabicFont.require();
        rendering = new TimelinePicture(NAMES).render(FixedKnowledge.seeds().events());
        if (Boolean.getBoolean("timeline.keep")) {
            // mvn test -Dtest=TimelinePictureTest -Dtimeline.keep=true: the picture under target/ to look at.
            try {
                ImageIO.write(rendering.image(), "png", Path.of("target", "timeline-test.png").toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Test
    void thePictureHasItsSizeAndIsNotBlank() {
        BufferedImage image = rendering.image();
        assertThat(image.getWidth()).isEqualTo(TimelinePicture.WIDTH);
        assertThat(image.getHeight()).isEqualTo(TimelinePicture.HEIGHT);
        int inked = 0;
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                if (dark(rgb)) {
                    inked++;
                }
            }
        }
        double share = inked / (double) (image.getWidth() / 2 * (image.getHeight() / 2));
        assertThat(share).as("share of dark pixels").isBetween(0.005, 0.4);
        assertThat(colours).as("colours used").hasSizeGreaterThan(20);
    }

    @Test
    void eachDoneHandoverWithADateIsALabelAndPlansAndAttacksAreNot() {
        assertThat(rendering.labels()).extracting(TimelinePicture.Label::text).containsExactly(
                "القائم (19 آذار)", "القيارة (26 آذار)", "التاجي (23 آب)", "عين الأسد (16 كانون الثاني)");
    }

    @Test
    void theLongGapSplitsTheAxisAndIsSaidInWords() {
        List<TimelinePicture.Panel> panels = TimelinePicture.panels(marks());
        assertThat(panels).hasSize(2);
        assertThat(panels.get(0).marks()).hasSize(3);
        assertThat(panels.get(1).marks()).extracting(TimelinePicture.Mark::count).containsExactly(4);
        assertThat(new TimelinePicture(NAMES).breakNotes(panels)).singleElement().asString()
                .contains("المحور الزمني مقطوع").contains("الأحد 23 آب (أغسطس) 2020")
                .contains("الجمعة 16 كانون الثاني (يناير) 2026").contains("نحو 5 سنوات و4 أشهر");
        assertThat(TimelinePicture.panels(marks().subList(0, 3))).hasSize(1);
    }

    @Test
    void everyLabelIsDrawnRightToLeftInsideThePictureWithInk() {
        for (TimelinePicture.Label label : rendering.labels()) {
            assertThat(label.rightToLeft()).as(label.text()).isTrue();
            Rectangle2D box = label.bounds();
            assertThat(new Rectangle2D.Double(0, 0, TimelinePicture.WIDTH, TimelinePicture.HEIGHT).contains(box))
                    .as(label.text() + " inside the picture").isTrue();
            assertThat(inkIn(rendering.image(), box)).as("ink in " + label.text()).isGreaterThan(0.05);
        }
    }

    @Test
    void theFontHasEveryCharacterOfEveryLabelAndTitle() {
        ReplyCatalogue replies = ReplyCatalogue.arabic();
        List<String> texts = new ArrayList<>(rendering.labels().stream().map(TimelinePicture.Label::text).toList());
        texts.add(replies.text("timeline.picture.title"));
        texts.add(replies.text("timeline.picture.axis"));
        texts.add(replies.text("timeline.picture.footer"));
        texts.addAll(new TimelinePicture(NAMES).breakNotes(TimelinePicture.panels(marks())));
        for (String text : texts) {
            assertThat(font.canDisplayUpTo(text)).as(text).isEqualTo(-1);
            GlyphVector glyphs = font.deriveFont(15f).layoutGlyphVector(FRC, text.toCharArray(), 0, text.length(),
                    Font.LAYOUT_RIGHT_TO_LEFT);
            for (int code : glyphs.getGlyphCodes(0, glyphs.getNumGlyphs(), null)) {
                assertThat(code).as("missing glyph in " + text).isNotEqualTo(font.getMissingGlyphCode());
            }
        }
    }

    @Test
    void arabicWordsAreShapedWithJoinedLetterForms() throws ArabicShapingException {
        Font sized = font.deriveFont(15f);
        // Not "الأسد": DejaVu Sans joins lam and alef into one ligature (checked by "سلام"), but not lam and
        // alef-with-hamza; those two are drawn joined, as two glyphs, where ICU would write one ligature.
        for (String word : List.of("القائم", "القيارة", "التاجي", "عين", "سلام", "المسلمة", "كانون الثاني")) {
            GlyphVector laidOut = sized.layoutGlyphVector(FRC, word.toCharArray(), 0, word.length(), Font.LAYOUT_RIGHT_TO_LEFT);
            // ICU writes the contextual forms as presentation-form characters (initial, medial, final), in visual order.
            String shaped = nominalIsolated(new ArabicShaping(ArabicShaping.LETTERS_SHAPE
                    | ArabicShaping.TEXT_DIRECTION_VISUAL_LTR).shape(new StringBuilder(word).reverse().toString()));
            GlyphVector forms = sized.createGlyphVector(FRC, shaped);
            assertThat(codes(laidOut)).as(word).isEqualTo(codes(forms));
            assertThat(codes(laidOut)).as(word + " differs from its isolated letters")
                    .isNotEqualTo(codes(sized.createGlyphVector(FRC, new StringBuilder(word).reverse().toString())));
        }
    }

    @Test
    void thePngDecodesToThePicture() throws Exception {
        byte[] png = new TimelinePicture(NAMES).png(FixedKnowledge.seeds().events());
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(decoded.getWidth()).isEqualTo(TimelinePicture.WIDTH);
        assertThat(png.length).isBetween(10_000, 2_000_000);
    }

    @Test
    void withoutADatedHandoverThereIsNothingToDraw() {
        List<Event> none = FixedKnowledge.articleOnly().events().stream().filter(e -> e.date() == null).toList();
        assertThat(TimelinePicture.drawable(none)).isFalse();
        assertThatThrownBy(() -> new TimelinePicture(NAMES).render(none)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePictureIsKeptUntilTheKnowledgeChangesAndItsCaptionNamesTheSources() {
        SwitchableKnowledge knowledge = new SwitchableKnowledge(FixedKnowledge.seeds());
        TimelinePictures pictures = new TimelinePictures(knowledge, NAMES);
        TimelinePictures.Picture first = pictures.current().orElseThrow();
        assertThat(pictures.current().orElseThrow()).isSameAs(first);
        assertThat(pictures.renderings()).isEqualTo(1);
        assertThat(first.captionHtml()).startsWith("<b>").contains("4 قواعد").contains("• القائم: الحل نت، المصدر نيوز")
                .contains("• عين الأسد: الإندبندنت").hasSizeLessThanOrEqualTo(TimelinePictures.MAX_CAPTION);
        assertThat(first.buttons()).extracting(Reply.Button::callbackData).containsExactly("timeline");

        knowledge.now = FixedKnowledge.articleOnly();
        TimelinePictures.Picture second = pictures.current().orElseThrow();
        assertThat(pictures.renderings()).isEqualTo(2);
        assertThat(second.captionHtml()).contains("قاعدة واحدة").doesNotContain("عين الأسد");
    }

    @Test
    void aCaptionTooLongForTelegramIsShortenedAndPointsToTheList() {
        List<Event> many = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Event e = FixedKnowledge.QAIM;
            many.add(new Event(100 + i, e.kind(), e.status(), e.baseId(), e.fromParty(), e.toParty(), e.date().plusDays(i),
                    e.complete(), null, e.figures(), e.summary(), null, List.of(new org.handoverbot.knowledge.Source(200 + i,
                    "ناشر رقم " + i + " باسم طويل", e.date(), null, null, null, null, null))));
        }
        String caption = new TimelinePictures(new SwitchableKnowledge(FixedKnowledge.seeds()), NAMES).caption(many);
        assertThat(caption.length()).isLessThanOrEqualTo(TimelinePictures.MAX_CAPTION);
        assertThat(caption).contains("ناشر رقم 0").endsWith("(الزر أدناه).");
    }

    private static List<TimelinePicture.Mark> marks() {
        List<Event> handovers = TimelinePicture.handovers(FixedKnowledge.seeds().events());
        List<TimelinePicture.Mark> marks = new ArrayList<>();
        for (int i = 0; i < handovers.size(); i++) {
            marks.add(new TimelinePicture.Mark(handovers.get(i).date(), i + 1, handovers.get(i).baseId()));
        }
        return marks;
    }

    /**
     * A letter that joins neither side is drawn with its ordinary glyph, not the isolated presentation form ICU
     * writes; both look the same, so the isolated forms go back to the ordinary letters before comparing.
     */
    private static String nominalIsolated(String shaped) throws ArabicShapingException {
        ArabicShaping unshape = new ArabicShaping(ArabicShaping.LETTERS_UNSHAPE);
        ArabicShaping shape = new ArabicShaping(ArabicShaping.LETTERS_SHAPE);
        StringBuilder out = new StringBuilder();
        for (char c : shaped.toCharArray()) {
            String nominal = unshape.shape(String.valueOf(c));
            out.append(nominal.length() == 1 && shape.shape(nominal).equals(String.valueOf(c)) ? nominal : String.valueOf(c));
        }
        return out.toString();
    }

    private static List<Integer> codes(GlyphVector glyphs) {
        List<Integer> codes = new ArrayList<>();
        for (int code : glyphs.getGlyphCodes(0, glyphs.getNumGlyphs(), null)) {
            codes.add(code);
        }
        return codes;
    }

    private static boolean dark(int rgb) {
        int r = rgb >> 16 & 0xff;
        int g = rgb >> 8 & 0xff;
        int b = rgb & 0xff;
        return r + g + b < 3 * 160;
    }

    private static double inkIn(BufferedImage image, Rectangle2D box) {
        int inked = 0;
        int all = 0;
        for (int y = (int) box.getMinY(); y < (int) box.getMaxY(); y++) {
            for (int x = (int) box.getMinX(); x < (int) box.getMaxX(); x++) {
                all++;
                if (dark(image.getRGB(x, y) & 0xffffff)) {
                    inked++;
                }
            }
        }
        return all == 0 ? 0 : inked / (double) all;
    }

    /** A knowledge base whose contents a test swaps, as an ingest would change them. */
    private static final class SwitchableKnowledge implements org.handoverbot.knowledge.KnowledgeBase {
        volatile FixedKnowledge now;

        SwitchableKnowledge(FixedKnowledge now) {
            this.now = now;
        }

        @Override
        public List<Event> events() {
            return now.events();
        }

        @Override
        public List<Event> eventsAbout(String baseId) {
            return now.eventsAbout(baseId);
        }

        @Override
        public java.util.Optional<Event> event(long id) {
            return now.event(id);
        }

        @Override
        public List<org.handoverbot.knowledge.Quote> quotes() {
            return now.quotes();
        }

        @Override
        public List<org.handoverbot.knowledge.Quote> quotesBy(String speakerId) {
            return now.quotesBy(speakerId);
        }

        @Override
        public List<org.handoverbot.knowledge.Quote> quotesAbout(String baseId) {
            return now.quotesAbout(baseId);
        }
    }
}
