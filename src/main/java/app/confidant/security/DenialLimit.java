package app.confidant.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many denials a window may record: at most {@code perCaller} for each caller (or client address) and at most
 * {@code total} for everyone; the rest are only counted. When the window closes, each counted-only caller is owed
 * one suppression event with its count. A caller is tracked only once it recorded an event, and callers met after
 * the total was spent share one bucket, so a window writes at most {@code 2 * total + 1} events whatever the flood.
 */
final class DenialLimit {

    /** The bucket of callers met after the window's total was spent. */
    static final String OTHERS = "others";

    enum Verdict { RECORD, SUPPRESS }

    /** Denials of {@code key} in the window from {@code start} that were counted but not recorded. */
    record Suppressed(String key, Object subject, long count, Instant start) {
    }

    private static final class Counter {
        final Object subject;
        int recorded;
        long suppressed;

        Counter(Object subject) {
            this.subject = subject;
        }
    }

    private final int perCaller;
    private final int total;
    private final Duration window;
    private final Map<String, Counter> counters = new HashMap<>();
    private final List<Suppressed> due = new ArrayList<>();
    private Instant start;
    private int recorded;

    DenialLimit(int perCaller, int total, Duration window) {
        this.perCaller = Math.max(1, perCaller);
        this.total = Math.max(this.perCaller, total);
        this.window = window;
    }

    /** Whether this denial of {@code key} is recorded; {@code subject} is kept for its suppression event. */
    synchronized Verdict admit(String key, Object subject, Instant now) {
        roll(now);
        Counter counter = counters.get(key);
        if (counter == null) {
            if (recorded >= total) {
                counters.computeIfAbsent(OTHERS, k -> new Counter(null)).suppressed++;
                return Verdict.SUPPRESS;
            }
            counter = new Counter(subject);
            counters.put(key, counter);
        }
        if (counter.recorded >= perCaller || recorded >= total) {
            counter.suppressed++;
            return Verdict.SUPPRESS;
        }
        counter.recorded++;
        recorded++;
        return Verdict.RECORD;
    }

    /** The suppression events owed for windows that closed by {@code now}; each is handed out once. */
    synchronized List<Suppressed> drain(Instant now) {
        roll(now);
        List<Suppressed> owed = List.copyOf(due);
        due.clear();
        return owed;
    }

    private void roll(Instant now) {
        if (start != null && now.isBefore(start.plus(window))) {
            return;
        }
        if (start != null) {
            counters.forEach((key, counter) -> {
                if (counter.suppressed > 0) {
                    due.add(new Suppressed(key, counter.subject, counter.suppressed, start));
                }
            });
        }
        counters.clear();
        recorded = 0;
        start = now;
    }

    int perCaller() {
        return perCaller;
    }

    Duration window() {
        return window;
    }
}
