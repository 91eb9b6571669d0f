package app.confidant.invoice;

/** Masked renderings shown to roles that may not see sensitive values: computed once, when a value is written. */
final class Masks {

    static final String HIDDEN = "••••";

    private Masks() {
    }

    /** {@code DE89 3704 0044 0532 0130 00} → {@code DE** **** **** **** **30 00}: country and last four. */
    static String iban(String iban) {
        if (iban == null || iban.isBlank()) {
            return null;
        }
        String compact = iban.replaceAll("\\s", "").toUpperCase();
        if (compact.length() < 8) {
            return HIDDEN;
        }
        StringBuilder masked = new StringBuilder(compact.substring(0, 2));
        for (int i = 2; i < compact.length() - 4; i++) {
            masked.append('*');
        }
        masked.append(compact, compact.length() - 4, compact.length());
        return masked.toString().replaceAll("(.{4})(?!$)", "$1 ");
    }

    /** {@code jane.doe@example.com} → {@code j***@example.com}. */
    static String email(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String trimmed = email.strip();
        int at = trimmed.indexOf('@');
        return at < 1 ? HIDDEN : trimmed.charAt(0) + "***" + trimmed.substring(at);
    }
}
