package app.confidant.compliance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The security report as one self-contained HTML page: no script, no external asset, one inline style sheet that
 * the page's Content-Security-Policy admits by its hash. Every value is HTML-escaped.
 */
final class ReportPage {

    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b}"
            + "table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.5rem;"
            + "vertical-align:top;text-align:left}.status{font-weight:bold;text-align:center;width:5rem}"
            + ".PASS{background:#d7f5dd;color:#0b5d1e}.WARN{background:#fff1c2;color:#7a5200}"
            + ".FAIL{background:#ffd6d6;color:#8b0000}ul{margin:.3rem 0 0 1rem;padding:0}li{font-size:.9rem}";

    /** The Content-Security-Policy for the page: nothing but its own inline style sheet. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256(STYLE)
            + "'; frame-ancestors 'none'";

    private ReportPage() {
    }

    static String render(SecurityReportResponse report) {
        StringBuilder html = new StringBuilder(8192)
                .append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Confidant security report</title><style>").append(STYLE).append("</style></head>\n")
                .append("<body><h1>Confidant security self-audit</h1>\n<p>Generated <time id=\"generated\">")
                .append(escape(report.generatedAt().toString())).append("</time> on node ")
                .append(escape(report.node())).append(" · Confidant ").append(escape(report.version().version()))
                .append(" (").append(escape(report.version().gitCommit())).append(")</p>\n")
                .append("<p>Overall: <span id=\"overall\" class=\"status ").append(report.overall()).append("\">")
                .append(report.overall()).append("</span></p>\n<table><thead><tr><th>Control</th><th>Status</th>")
                .append("<th>Summary and findings</th></tr></thead><tbody>\n");
        for (ControlResult control : report.controls()) {
            html.append("<tr id=\"control-").append(escape(control.id())).append("\" data-status=\"")
                    .append(control.status()).append("\"><td>").append(escape(control.title()))
                    .append("</td><td class=\"status ").append(control.status()).append("\">")
                    .append(control.status()).append("</td><td>").append(escape(control.summary()));
            if (!control.findings().isEmpty()) {
                html.append("<ul>");
                control.findings().forEach(f -> html.append("<li>").append(escape(f)).append("</li>"));
                html.append("</ul>");
            }
            html.append("</td></tr>\n");
        }
        return html.append("</tbody></table>\n</body></html>\n").toString();
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String sha256(String text) {
        try {
            return "sha256-" + Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
