package no.meldingsvakt.report;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** The report's two charts as PNG, drawn server-side (JFreeChart, headless AWT). */
public final class Charts {
    static final int WIDTH = 760;
    static final int HEIGHT = 320;
    private static final Color BLUE = new Color(0x0b5cad);
    private static final Color ORANGE = new Color(0xc77700);
    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"};

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {}

    /** The share of cases answered within the deadline, month by month (a month without decided cases has no bar). */
    public static byte[] answeredInTime(List<MonthlyReport.MonthShare> months) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (MonthlyReport.MonthShare m : months) {
            ds.addValue(m.share().map(s -> s * 100).orElse(null), "Besvart innen fristen (%)", label(m.month()));
        }
        JFreeChart c = ChartFactory.createBarChart("Besvart innen fristen, siste 12 måneder", null, "%", ds, PlotOrientation.VERTICAL, false,
                false, false);
        style(c, BLUE, ORANGE);
        NumberAxis y = (NumberAxis) c.getCategoryPlot().getRangeAxis();
        y.setRange(0, 100);
        // JFreeChart cuts a label wider than its bar's slot by default; «mai 26» is a little wider.
        c.getCategoryPlot().getDomainAxis().setMaximumCategoryLabelWidthRatio(2.0f);
        return png(c);
    }

    /** Notices and deviations per partner, the partners with most notices first (at most ten). */
    public static byte[] perPartner(Map<String, Figures> byPartner) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        byPartner.entrySet().stream().sorted(Comparator.comparingInt((Map.Entry<String, Figures> e) -> -e.getValue().notices().total())
                .thenComparing(Map.Entry::getKey)).limit(10).forEach(e -> {
                    ds.addValue(e.getValue().notices().total(), "Varsler", e.getKey());
                    ds.addValue(e.getValue().deviationCount(), "Avvik fra rutinen", e.getKey());
                });
        JFreeChart c = ChartFactory.createBarChart("Varsler og avvik per partner", null, "antall", ds, PlotOrientation.HORIZONTAL, true, false,
                false);
        style(c, BLUE, ORANGE);
        ((NumberAxis) c.getCategoryPlot().getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return png(c);
    }

    /** «des 25»: twelve of them fit under the bars, where 2025-12 is cut to «20…». */
    static String label(java.time.YearMonth m) {
        return MONTHS[m.getMonthValue() - 1] + " " + String.format("%02d", m.getYear() % 100);
    }

    private static void style(JFreeChart c, Color first, Color second) {
        c.setBackgroundPaint(Color.WHITE);
        c.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        CategoryPlot p = c.getCategoryPlot();
        p.setBackgroundPaint(Color.WHITE);
        p.setRangeGridlinePaint(new Color(0xd9dde5));
        p.setOutlineVisible(false);
        BarRenderer r = (BarRenderer) p.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, first);
        r.setSeriesPaint(1, second);
        r.setItemMargin(0.05);
    }

    private static byte[] png(JFreeChart c) {
        try {
            return ChartUtils.encodeAsPNG(c.createBufferedImage(WIDTH, HEIGHT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
