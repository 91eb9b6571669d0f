package app.confidant.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A signed checkpoint of the trail, in the spirit of C2SP tlog-checkpoint (a signed note): a body of lines, a blank
 * line, one signature line. The body is
 * <pre>
 * confidant/audit             origin
 * 42                          checkpoint number (one more than the previous)
 * 2026-12-08T05:00:00.123Z    time
 * previous 3f0c…              SHA-256 (hex) of the previous checkpoint's whole text, 64 zeros for the first
 * lane 17 jv7U…=              one line per lane that ever existed: name, size, base64 RFC 9162 root
 * </pre>
 * and the signature line is {@code — <key label> <base64 DER ECDSA P-256 signature over the body's UTF-8 bytes>}.
 * A lane name may contain spaces (size and root are the last two fields) but no line break.
 */
public record Checkpoint(String origin, long number, Instant time, String previous, SortedMap<String, Lane> lanes) {

    public static final String NO_PREVIOUS = "0".repeat(64);
    private static final String SIGNATURE_PREFIX = "\u2014 ";

    /** A lane's tree: its size and root. */
    public record Lane(long size, byte[] root) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Lane l && l.size == size && MessageDigest.isEqual(l.root, root);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(size) ^ java.util.Arrays.hashCode(root);
        }
    }

    /** The signed text: body, blank line, signature line, final newline. */
    public record Signed(Checkpoint checkpoint, String keyLabel, byte[] signature) {
        public String text() {
            return checkpoint.body() + "\n" + SIGNATURE_PREFIX + keyLabel + " "
                    + Base64.getEncoder().encodeToString(signature) + "\n";
        }

        /** SHA-256 of the whole text, the next checkpoint's {@code previous}. */
        public String hash() {
            return sha256Hex(text());
        }
    }

    public Checkpoint {
        lanes = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(lanes));
    }

    public String body() {
        StringBuilder body = new StringBuilder().append(origin).append('\n').append(number).append('\n')
                .append(time).append('\n').append("previous ").append(previous).append('\n');
        for (Map.Entry<String, Lane> lane : lanes.entrySet()) {
            if (lane.getKey().contains("\n") || lane.getKey().isEmpty()) {
                throw new IllegalArgumentException("a lane name must be one non-empty line");
            }
            body.append(lane.getKey()).append(' ').append(lane.getValue().size()).append(' ')
                    .append(Base64.getEncoder().encodeToString(lane.getValue().root())).append('\n');
        }
        return body.toString();
    }

    public byte[] bodyBytes() {
        return body().getBytes(StandardCharsets.UTF_8);
    }

    /** Parses a signed checkpoint; the signature is not checked here. Anything malformed: IllegalArgumentException. */
    public static Signed parse(String text) {
        try {
            return parseStrictly(text);
        } catch (java.time.DateTimeException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("not a signed checkpoint (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static Signed parseStrictly(String text) {
        int split = text.indexOf("\n\n");
        if (split < 0 || !text.endsWith("\n")) {
            throw new IllegalArgumentException("not a signed checkpoint (no blank line before the signature)");
        }
        List<String> lines = text.substring(0, split + 1).lines().toList();
        String signatureLine = text.substring(split + 2, text.length() - 1);
        if (lines.size() < 4 || !lines.get(3).startsWith("previous ") || !signatureLine.startsWith(SIGNATURE_PREFIX)
                || signatureLine.contains("\n")) {
            throw new IllegalArgumentException("not a signed checkpoint (header or signature line malformed)");
        }
        SortedMap<String, Lane> lanes = new TreeMap<>();
        for (String line : lines.subList(4, lines.size())) {
            int rootAt = line.lastIndexOf(' ');
            int sizeAt = line.lastIndexOf(' ', rootAt - 1);
            if (sizeAt <= 0) {
                throw new IllegalArgumentException("not a signed checkpoint (lane line malformed)");
            }
            lanes.put(line.substring(0, sizeAt), new Lane(Long.parseLong(line.substring(sizeAt + 1, rootAt)),
                    Base64.getDecoder().decode(line.substring(rootAt + 1))));
        }
        String[] signature = signatureLine.substring(SIGNATURE_PREFIX.length()).split(" ");
        if (signature.length != 2) {
            throw new IllegalArgumentException("not a signed checkpoint (signature line malformed)");
        }
        Checkpoint checkpoint = new Checkpoint(lines.get(0), Long.parseLong(lines.get(1)), Instant.parse(lines.get(2)),
                lines.get(3).substring("previous ".length()), lanes);
        Signed signed = new Signed(checkpoint, signature[0], Base64.getDecoder().decode(signature[1]));
        if (!signed.text().equals(text)) {
            throw new IllegalArgumentException("not a signed checkpoint (not in canonical form)");
        }
        return signed;
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
