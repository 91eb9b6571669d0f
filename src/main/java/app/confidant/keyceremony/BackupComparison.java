package app.confidant.keyceremony;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a verifier reported for a restored backup ("label kcv" lines) against the keys live in the token now and the
 * check values the registry holds. A reported key counts only when its check value equals the live key's (and the
 * registered one, where there is one): a stale backup, other keys under the same labels or a wrong check value do
 * not count. (Check values are not secret, so the verifier command itself is trusted configuration.) Output that is
 * not exactly such lines is refused as a whole.
 */
record BackupComparison(List<BackedUpKey> keys, List<String> mismatched, List<String> missing) {

    private static final Pattern LINE = Pattern.compile("([A-Za-z0-9._-]{1,200}) ([0-9a-f]{6})");

    /**
     * @param verifierOutput the verifier's standard output
     * @param live label → check value computed in the live token now
     * @param registered label → check value registered at generation, for tenants' keys not destroyed
     */
    static BackupComparison of(String verifierOutput, Map<String, String> live, Map<String, String> registered) {
        Map<String, String> reported = new TreeMap<>();
        for (String line : verifierOutput.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            var match = LINE.matcher(line);
            if (!match.matches() || reported.put(match.group(1), match.group(2)) != null) {
                throw new KeyCeremonyException(422, "backup-unverifiable",
                        "The verifier's output is not one \"label kcv\" line per key; nothing was recorded.");
            }
        }
        List<BackedUpKey> keys = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        reported.forEach((label, kcv) -> {
            String liveKcv = live.get(label);
            String registeredKcv = registered.get(label);
            boolean matches = kcv.equals(liveKcv) && (registeredKcv == null || registeredKcv.equals(kcv));
            keys.add(new BackedUpKey(label, kcv, liveKcv, matches));
            if (!matches && liveKcv != null) {
                mismatched.add(label);
            }
        });
        Set<String> expected = new HashSet<>(live.keySet());
        List<String> missing = expected.stream().filter(l -> !reported.containsKey(l)).sorted().toList();
        return new BackupComparison(List.copyOf(keys), List.copyOf(mismatched), missing);
    }

    /** Every key of the live token is in the backup, with the same check value. */
    boolean complete() {
        return mismatched.isEmpty() && missing.isEmpty() && keys.stream().anyMatch(BackedUpKey::matches);
    }

    boolean holdsAnyLiveKey() {
        return keys.stream().anyMatch(BackedUpKey::matches);
    }
}
