package org.handoverbot.answer;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DateFormat;
import java.text.FieldPosition;
import java.text.ParsePosition;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import javax.imageio.ImageIO;

import org.handoverbot.knowledge.Event;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickMarkPosition;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The handovers as a picture: a staircase of how many bases had been handed over, on a time axis. Handovers
 * more than half a year apart go in separate panels, so the months of 2020 stay readable next to 2026; the
 * axis is drawn broken between them (slanted marks) and a line under the title says how long the gap is,
 * so no one reads the panels as continuous. Labels are Arabic, drawn as TextLayouts with a right-to-left run
 * direction in a font that has Arabic glyphs, so letters are joined and ordered as Arabic is written.
 * Only done handovers with a date are drawn: a date is never guessed.
 */
public final class TimelinePicture {

    public static final int WIDTH = 1280;
    public static final int HEIGHT = 720;
    /** A gap longer than this between two handovers breaks the axis. */
    static final int BREAK_AFTER_DAYS = 183;

    private static final Color INK = new Color(0x22, 0x2b, 0x36);
    private static final Color LINE = new Color(0x2f, 0x6d, 0xb5);
    private static final Color BREAK = new Color(0xb0, 0x3a, 0x2e);
    private static final Color GRID = new Color(0xdd, 0xe1, 0xe6);

    /** One handover on the picture: when, how many bases had been handed over by then, and its label. */
    record Mark(LocalDate date, int count, String label) {
    }

    /** One panel of the broken axis: its handovers and the dates its axis runs between. */
    record Panel(List<Mark> marks, LocalDate from, LocalDate to) {
        long days() {
            return ChronoUnit.DAYS.between(from, to);
        }
    }

    /** Where a label was drawn, in image pixels, and how it was laid out; for tests and nothing else. */
    public record Label(String text, Rectangle2D bounds, boolean rightToLeft) {
    }

    /** The picture and where its labels are. */
    public record Rendering(BufferedImage image, List<Label> labels) {
    }

    private final Names names;
    private final ReplyCatalogue replies = ReplyCatalogue.arabic();

    public TimelinePicture(Names names) {
        this.names = names;
    }

    /** The picture as PNG bytes. */
    public byte[] png(List<Event> events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            ImageIO.write(render(events).image(), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the timeline picture", e);
        }
        return out.toByteArray();
    }

    /** True when there is something to draw: at least one done handover with a date. */
    public static boolean drawable(List<Event> events) {
        return !handovers(events).isEmpty();
    }

    /**
     * Draws the picture. Fails (IllegalArgumentException) when no done handover has a date, and
     * (IllegalStateException) when this machine has no font with Arabic letters.
     */
    public Rendering render(List<Event> events) {
        List<Event> handovers = handovers(events);
        if (handovers.isEmpty()) {
            throw new IllegalArgumentException("no dated handover to draw");
        }
        Font font = ArabicFont.require();
        List<Panel> panels = panels(marks(handovers));
        List<Label> labels = Collections.synchronizedList(new ArrayList<>());
        JFreeChart chart = chart(panels, font, labels);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            ChartRenderingInfo info = new ChartRenderingInfo();
            chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT), info);
            drawBreaks(g, info.getPlotInfo(), panels.size());
        } finally {
            g.dispose();
        }
        return new Rendering(image, List.copyOf(labels));
    }

    /** Done handovers with a date, oldest first. */
    static List<Event> handovers(List<Event> events) {
        return events.stream().filter(EventQueries::isDoneHandover).filter(e -> e.date() != null)
                .sorted(EventQueries.byDate()).toList();
    }

    private List<Mark> marks(List<Event> handovers) {
        List<Mark> marks = new ArrayList<>();
        for (int i = 0; i < handovers.size(); i++) {
            Event e = handovers.get(i);
            marks.add(new Mark(e.date(), i + 1, replies.format("timeline.picture.label", "base", names.base(e.baseId()),
                    "day", e.date().getDayOfMonth(), "month", ArabicDates.levantMonth(e.date().getMonth()))));
        }
        return marks;
    }

    /** Marks split where they are more than {@link #BREAK_AFTER_DAYS} apart; each panel padded for its labels. */
    static List<Panel> panels(List<Mark> marks) {
        List<List<Mark>> groups = new ArrayList<>();
        for (Mark mark : marks) {
            List<Mark> last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (last == null || ChronoUnit.DAYS.between(last.get(last.size() - 1).date(), mark.date()) > BREAK_AFTER_DAYS) {
                groups.add(new ArrayList<>(List.of(mark)));
            } else {
                last.add(mark);
            }
        }
        List<Panel> panels = new ArrayList<>();
        for (List<Mark> group : groups) {
            LocalDate first = group.get(0).date();
            LocalDate last = group.get(group.size() - 1).date();
            long span = ChronoUnit.DAYS.between(first, last);
            // Labels stand to the left of their mark (the empty side of a rising staircase): room before the first.
            long before = Math.max(48, Math.round(span * 0.4));
            long after = Math.max(10, Math.round(span * 0.06));
            panels.add(new Panel(List.copyOf(group), first.minusDays(before), last.plusDays(after)));
        }
        return panels;
    }

    /** The line under the title: where the axis is broken and how long nothing happened, per break. */
    List<String> breakNotes(List<Panel> panels) {
        List<String> notes = new ArrayList<>();
        for (int i = 1; i < panels.size(); i++) {
            Mark before = panels.get(i - 1).marks().get(panels.get(i - 1).marks().size() - 1);
            Mark after = panels.get(i).marks().get(0);
            Period gap = Period.between(before.date(), after.date());
            String years = ArabicCounts.years(gap.getYears(), ArabicCounts.Case.NOMINATIVE);
            String months = ArabicCounts.months(gap.getMonths(), ArabicCounts.Case.NOMINATIVE);
            String span = gap.getYears() == 0 ? months : gap.getMonths() == 0 ? years
                    : replies.format("timeline.picture.span", "years", years, "months", months);
            notes.add(replies.format("timeline.picture.break", "from", ArabicDates.format(before.date()),
                    "to", ArabicDates.format(after.date()), "span", span));
        }
        return notes;
    }

    private JFreeChart chart(List<Panel> panels, Font font, List<Label> labels) {
        int total = panels.stream().mapToInt(p -> p.marks().size()).sum();
        NumberAxis count = new NumberAxis(replies.text("timeline.picture.axis"));
        count.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        count.setRange(0, total + 1);
        count.setLabelFont(font.deriveFont(15f));
        count.setTickLabelFont(font.deriveFont(13f));
        count.setLabelPaint(INK);
        count.setTickLabelPaint(INK);
        CombinedRangeXYPlot plot = new CombinedRangeXYPlot(count);
        plot.setGap(36);
        int before = 0;
        for (Panel panel : panels) {
            plot.add(panelPlot(panel, before, font, labels), (int) Math.max(40, panel.days()));
            before += panel.marks().size();
        }
        JFreeChart chart = new JFreeChart(null, font.deriveFont(Font.BOLD, 24f), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(14, 18, 12, 18));
        TextTitle title = new TextTitle(replies.text("timeline.picture.title"), font.deriveFont(Font.BOLD, 24f));
        title.setPaint(INK);
        title.setHorizontalAlignment(HorizontalAlignment.RIGHT);
        chart.setTitle(title);
        for (String note : breakNotes(panels)) {
            TextTitle line = new TextTitle(note, font.deriveFont(16f));
            line.setPaint(BREAK);
            line.setHorizontalAlignment(HorizontalAlignment.RIGHT);
            line.setPadding(new RectangleInsets(4, 0, 2, 0));
            chart.addSubtitle(line);
        }
        TextTitle footer = new TextTitle(replies.text("timeline.picture.footer"), font.deriveFont(13f));
        footer.setPaint(INK);
        footer.setPosition(RectangleEdge.BOTTOM);
        footer.setHorizontalAlignment(HorizontalAlignment.RIGHT);
        chart.addSubtitle(footer);
        return chart;
    }

    private XYPlot panelPlot(Panel panel, int countBefore, Font font, List<Label> labels) {
        XYSeries steps = new XYSeries("steps");
        steps.add(millis(panel.from()), countBefore);
        XYSeries marks = new XYSeries("marks");
        for (Mark mark : panel.marks()) {
            steps.add(millis(mark.date()), mark.count());
            marks.add(millis(mark.date()), mark.count());
        }
        steps.add(millis(panel.to()), panel.marks().get(panel.marks().size() - 1).count());

        DateAxis time = new DateAxis(yearsOf(panel));
        time.setTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC));
        time.setRange(new Date(millis(panel.from())), new Date(millis(panel.to())));
        time.setTickUnit(new DateTickUnit(DateTickUnitType.MONTH, 1), false, false);
        // A month's name under the middle of the month: names at the panel edges would run into the next panel.
        time.setTickMarkPosition(DateTickMarkPosition.MIDDLE);
        time.setDateFormatOverride(new MonthNames());
        time.setLabelFont(font.deriveFont(Font.BOLD, 15f));
        time.setTickLabelFont(font.deriveFont(13f));
        time.setLabelPaint(INK);
        time.setTickLabelPaint(INK);

        XYPlot plot = new XYPlot();
        plot.setDomainAxis(time);
        plot.setDataset(0, new XYSeriesCollection(marks));
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        dots.setSeriesShape(0, new Ellipse2D.Double(-6, -6, 12, 12));
        dots.setSeriesPaint(0, LINE.darker());
        plot.setRenderer(0, dots);
        plot.setDataset(1, new XYSeriesCollection(steps));
        XYStepRenderer stairs = new XYStepRenderer();
        stairs.setSeriesPaint(0, LINE);
        stairs.setSeriesStroke(0, new BasicStroke(3f));
        stairs.setDefaultShapesVisible(false);
        plot.setRenderer(1, stairs);
        plot.setBackgroundPaint(new Color(0xfa, 0xfb, 0xfc));
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
        Font labelFont = font.deriveFont(15f);
        for (Mark mark : panel.marks()) {
            plot.addAnnotation(new ArabicLabel(mark, labelFont, labels));
        }
        return plot;
    }

    /** The years a panel's handovers fall in: "2020", "2025 – 2026". */
    private static String yearsOf(Panel panel) {
        int first = panel.marks().get(0).date().getYear();
        int last = panel.marks().get(panel.marks().size() - 1).date().getYear();
        return first == last ? Integer.toString(first) : first + " – " + last;
    }

    /** Slanted double marks in the gap between panels, on the time axis and at the top, as a broken axis is drawn. */
    private static void drawBreaks(Graphics2D g, PlotRenderingInfo plot, int panels) {
        g.setColor(BREAK);
        g.setStroke(new BasicStroke(2.5f));
        for (int i = 1; i < panels && i < plot.getSubplotCount(); i++) {
            Rectangle2D left = plot.getSubplotInfo(i - 1).getDataArea();
            Rectangle2D right = plot.getSubplotInfo(i).getDataArea();
            double middle = (left.getMaxX() + right.getMinX()) / 2;
            for (double y : new double[] {left.getMinY(), left.getMaxY()}) {
                for (double dx : new double[] {-5, 5}) {
                    g.draw(new Line2D.Double(middle + dx - 5, y + 9, middle + dx + 5, y - 9));
                }
            }
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 6f}, 0f));
            g.draw(new Line2D.Double(middle, left.getMinY() + 14, middle, left.getMaxY() - 14));
            g.setStroke(new BasicStroke(2.5f));
        }
    }

    private static long millis(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /**
     * The text of one label, laid out right to left in the Arabic font: TextLayout runs the Unicode bidi
     * algorithm (java.text.Bidi) and the font's shaping (joined letter forms, lam-alef), which drawString on a
     * logical font does not promise.
     */
    static TextLayout layout(String text, Font font, FontRenderContext frc) {
        return new TextLayout(text, Map.of(TextAttribute.FONT, font, TextAttribute.RUN_DIRECTION,
                TextAttribute.RUN_DIRECTION_RTL), frc);
    }

    /** A mark's label, to the left of the mark (the empty side of a rising staircase), vertically centred on it. */
    private static final class ArabicLabel extends AbstractXYAnnotation {

        private final transient Mark mark;
        private final Font font;
        private final transient List<Label> drawn;

        ArabicLabel(Mark mark, Font font, List<Label> drawn) {
            this.mark = mark;
            this.font = font;
            this.drawn = drawn;
        }

        @Override
        public void draw(Graphics2D g, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
                         int rendererIndex, PlotRenderingInfo info) {
            double x = domainAxis.valueToJava2D(millis(mark.date()), dataArea, plot.getDomainAxisEdge());
            double y = rangeAxis.valueToJava2D(mark.count(), dataArea, plot.getRangeAxisEdge());
            TextLayout text = layout(mark.label(), font, g.getFontRenderContext());
            float left = (float) (x - 12 - text.getAdvance());
            float baseline = (float) (y + (text.getAscent() - text.getDescent()) / 2);
            g.setPaint(INK);
            text.draw(g, left, baseline);
            Rectangle2D box = text.getBounds();
            drawn.add(new Label(mark.label(), new Rectangle2D.Double(left + box.getX(), baseline + box.getY(),
                    box.getWidth(), box.getHeight()), !text.isLeftToRight()));
        }
    }

    /** Month names on the time axis ("آذار"), from the same locale data as the replies' dates. */
    private static final class MonthNames extends DateFormat {

        @Override
        public StringBuffer format(Date date, StringBuffer to, FieldPosition position) {
            LocalDate day = Instant.ofEpochMilli(date.getTime()).atZone(ZoneOffset.UTC).toLocalDate();
            return to.append(ArabicDates.levantMonth(day.getMonth()));
        }

        @Override
        public Date parse(String source, ParsePosition position) {
            throw new UnsupportedOperationException("month names are only written");
        }
    }
}
