package app.confidant.bench.http;

/**
 * One goal of issue 10 and what this run measured. {@code higherIsBetter}: a ratio or rate that should reach the
 * target; otherwise a time or size that should stay under it.
 */
record Goal(String scenario, String name, double measured, double target, boolean higherIsBetter, String unit,
            String closeIt) {

    boolean met() {
        return higherIsBetter ? measured >= target : measured <= target;
    }

    /** "met", or how far off the target is, absolute and relative. */
    String verdict() {
        if (met()) {
            return "met";
        }
        double gap = Math.abs(measured - target);
        return "missed by %s%s (%.0f %%)".formatted(format(gap), unit, 100 * gap / target);
    }

    String measuredText() {
        return format(measured) + unit;
    }

    String targetText() {
        return (higherIsBetter ? "≥ " : "≤ ") + format(target) + unit;
    }

    static String format(double value) {
        return Math.abs(value) >= 100 ? "%.0f".formatted(value) : Math.abs(value) >= 10 ? "%.1f".formatted(value)
                : "%.2f".formatted(value);
    }
}
