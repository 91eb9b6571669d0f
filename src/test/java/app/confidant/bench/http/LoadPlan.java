package app.confidant.bench.http;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What one run of the {@link LoadDriver} does, handed to it as a file: {@code clients} closed-loop clients send
 * {@code warmup} requests that are not measured, then {@code requests} measured ones (at most {@code maxSeconds}).
 * Request {@code i} goes to line {@code i} of the paths file (cycling), or, with {@code once}, every line exactly once
 * and no warm-up. With {@code capture}, the first value of that JSON string field in each 2xx answer is kept.
 */
record LoadPlan(String baseUrl, Path serverCertificate, String token, String method, Path paths, String body,
                boolean once, int clients, int warmup, int requests, int maxSeconds, String capture) {

    LoadPlan withToken(String other) {
        return new LoadPlan(baseUrl, serverCertificate, other, method, paths, body, once, clients, warmup, requests,
                maxSeconds, capture);
    }

    void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("baseUrl", baseUrl);
        p.setProperty("serverCertificate", serverCertificate.toString());
        p.setProperty("token", token);
        p.setProperty("method", method);
        p.setProperty("paths", paths.toString());
        p.setProperty("body", body == null ? "" : body);
        p.setProperty("once", Boolean.toString(once));
        p.setProperty("clients", Integer.toString(clients));
        p.setProperty("warmup", Integer.toString(warmup));
        p.setProperty("requests", Integer.toString(requests));
        p.setProperty("maxSeconds", Integer.toString(maxSeconds));
        p.setProperty("capture", capture == null ? "" : capture);
        try (Writer out = Files.newBufferedWriter(file)) {
            p.store(out, "load plan (contains a bearer token: target/ only)");
        }
    }

    static LoadPlan read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        }
        return new LoadPlan(p.getProperty("baseUrl"), Path.of(p.getProperty("serverCertificate")),
                p.getProperty("token"), p.getProperty("method"), Path.of(p.getProperty("paths")),
                p.getProperty("body"), Boolean.parseBoolean(p.getProperty("once")),
                Integer.parseInt(p.getProperty("clients")), Integer.parseInt(p.getProperty("warmup")),
                Integer.parseInt(p.getProperty("requests")), Integer.parseInt(p.getProperty("maxSeconds")),
                p.getProperty("capture"));
    }
}
