package app.confidant.bench.http;

import java.util.List;
import java.util.Locale;

/**
 * The results chart as hand-written SVG (no plotting tool): per variant, a throughput bar on the left and p50, p99
 * and p99.9 latency bars on a logarithmic scale on the right.
 */
final class LatencyChart {

    private static final int ROW = 26;
    private static final int LABEL = 330;
    private static final int BAR = 260;
    private static final int GAP = 40;
    private static final String[] COLOURS = {"#4c78a8", "#f58518", "#e45756"};
    private static final double[] PERCENTILES = {50, 99, 99.9};
    private static final String[] NAMES = {"p50", "p99", "p99.9"};

    private LatencyChart() {
    }

    static String svg(List<Aggregate> variants, String title) {
        int top = 60;
        int width = LABEL + BAR + GAP + BAR + 30;
        int height = top + ROW * variants.size() + 40;
        double maxThroughput = variants.stream().mapToDouble(Aggregate::throughput).max().orElse(1);
        double maxMs = variants.stream().mapToDouble(v -> v.millis(99.9)).max().orElse(1);
        double logMax = Math.log10(Math.max(10, maxMs * 1.2));
        double logMin = -1; // 0.1 ms
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">\n"
                .formatted(width, height));
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        s.append(text(10, 20, title, "font-size=\"15\" font-weight=\"bold\""));
        s.append(text(LABEL, 45, "throughput (requests/s)", ""));
        int latencyX = LABEL + BAR + GAP;
        s.append(text(latencyX, 45, "latency, ms (log scale): ", ""));
        for (int p = 0; p < PERCENTILES.length; p++) {
            int x = latencyX + 150 + p * 55;
            s.append("<rect x=\"%d\" y=\"36\" width=\"10\" height=\"10\" fill=\"%s\"/>\n".formatted(x, COLOURS[p]));
            s.append(text(x + 13, 45, NAMES[p], ""));
        }
        for (int i = 0; i < variants.size(); i++) {
            Aggregate v = variants.get(i);
            int y = top + i * ROW;
            s.append(text(LABEL - 8, y + 15, v.variant(), "text-anchor=\"end\""));
            double w = BAR * v.throughput() / maxThroughput;
            s.append("<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"#54a24b\"/>\n".formatted(LABEL, y + 2, w));
            s.append(text(LABEL + (int) w + 4, y + 15, fmt(v.throughput()), ""));
            for (int p = 0; p < PERCENTILES.length; p++) {
                double ms = Math.max(0.1, v.millis(PERCENTILES[p]));
                double lw = BAR * (Math.log10(ms) - logMin) / (logMax - logMin);
                s.append("<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"5\" fill=\"%s\"><title>%s %s ms</title></rect>\n"
                        .formatted(latencyX, y + 3 + p * 6, lw, COLOURS[p], NAMES[p], fmt(ms)));
            }
            s.append(text(latencyX + BAR + 4, y + 15, fmt(v.millis(99)), "fill=\"#f58518\""));
        }
        int axis = top + ROW * variants.size() + 15;
        for (double tick = 0.1; tick <= Math.pow(10, logMax); tick *= 10) {
            double x = latencyX + BAR * (Math.log10(tick) - logMin) / (logMax - logMin);
            s.append("<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#999\"/>\n".formatted(x, x, top, axis - 10));
            s.append(text((int) x - 8, axis + 5, tick < 1 ? "0.1" : Long.toString(Math.round(tick)), ""));
        }
        return s.append("</svg>\n").toString();
    }

    private static String text(int x, int y, String content, String attributes) {
        return "<text x=\"%d\" y=\"%d\" %s>%s</text>\n".formatted(x, y, attributes, content.replace("&", "&amp;")
                .replace("<", "&lt;"));
    }

    private static String fmt(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value)
                : value >= 1 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.2f", value)
                        .replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
