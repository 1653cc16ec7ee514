package org.renkou.stats;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import javax.imageio.ImageIO;

/**
 * Dashboard charts drawn as PNG for the documents (DOCX, PDF) where ECharts cannot run: the same data, a
 * plainer picture. Pies as pies, everything else as grouped bars.
 */
final class ChartImages {
    static final int WIDTH = 900;
    static final int HEIGHT = 420;
    private static final Color[] PALETTE = {new Color(0x54, 0x70, 0xc6), new Color(0x91, 0xcc, 0x75),
            new Color(0xfa, 0xc8, 0x58), new Color(0xee, 0x66, 0x66), new Color(0x73, 0xc0, 0xde),
            new Color(0x3b, 0xa2, 0x72), new Color(0xfc, 0x84, 0x52), new Color(0x9a, 0x60, 0xb4)};

    private ChartImages() {
    }

    static byte[] png(Chart chart) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.setColor(Color.DARK_GRAY);
        g.drawString(chart.title(), 20, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        if ("pie".equals(chart.kind())) {
            pie(g, chart);
        } else {
            bars(g, chart);
        }
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pie(Graphics2D g, Chart chart) {
        double total = chart.series().get(0).values().stream().mapToDouble(ChartImages::num).sum();
        int angle = 90;
        int y = 70;
        for (int i = 0; i < chart.categories().size(); i++) {
            double v = num(chart.series().get(0).values().get(i));
            int sweep = total == 0 ? 0 : (int) Math.round(v * 360 / total);
            g.setColor(PALETTE[i % PALETTE.length]);
            g.fillArc(60, 60, 320, 320, angle, sweep);
            angle += sweep;
            g.fillRect(440, y - 11, 14, 14);
            g.setColor(Color.DARK_GRAY);
            g.drawString(chart.categories().get(i) + "  " + fmt(v) + (total == 0 ? "" : String.format("（%.1f%%）", v * 100 / total)), 462, y);
            y += 24;
        }
    }

    private static void bars(Graphics2D g, Chart chart) {
        int left = 70;
        int top = 70;
        int bottom = HEIGHT - 70;
        int right = WIDTH - 20;
        double max = chart.series().stream().flatMap(s -> s.values().stream()).mapToDouble(v -> Math.abs(num(v))).max().orElse(0);
        max = max == 0 ? 1 : max;
        g.setColor(Color.LIGHT_GRAY);
        g.setStroke(new BasicStroke(1));
        for (int t = 0; t <= 4; t++) {
            int y = bottom - (bottom - top) * t / 4;
            g.drawLine(left, y, right, y);
            g.setColor(Color.GRAY);
            g.drawString(fmt(max * t / 4), 10, y + 4);
            g.setColor(Color.LIGHT_GRAY);
        }
        int n = chart.categories().size();
        int groups = Math.max(1, n);
        double slot = (right - left) / (double) groups;
        int seriesCount = chart.series().size();
        double barWidth = Math.max(1, slot * 0.8 / seriesCount);
        for (int s = 0; s < seriesCount; s++) {
            g.setColor(PALETTE[s % PALETTE.length]);
            for (int i = 0; i < n; i++) {
                double v = Math.abs(num(chart.series().get(s).values().get(i)));
                int h = (int) Math.round((bottom - top) * v / max);
                g.fillRect((int) (left + i * slot + slot * 0.1 + s * barWidth), bottom - h, (int) Math.ceil(barWidth), h);
            }
            g.fillRect(left + s * 120, HEIGHT - 28, 14, 14);
            g.setColor(Color.DARK_GRAY);
            g.drawString(chart.series().get(s).name(), left + s * 120 + 18, HEIGHT - 16);
        }
        g.setColor(Color.DARK_GRAY);
        int every = Math.max(1, (int) Math.ceil(n / 18.0));
        for (int i = 0; i < n; i += every) {
            String label = chart.categories().get(i);
            g.drawString(label.length() > 5 ? label.substring(0, 5) : label, (int) (left + i * slot), bottom + 16);
        }
    }

    private static double num(BigDecimal v) {
        return v == null ? 0 : v.doubleValue();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format("%.1f", v);
    }
}
