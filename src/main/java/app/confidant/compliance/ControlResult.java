package app.confidant.compliance;

import java.util.List;

/** One line of the security report: a control, its status, a one-sentence summary and the findings behind it. */
public record ControlResult(String id, String title, Status status, String summary, List<String> findings) {

    /** Ordered from best to worst, so that the worst of several is their maximum. */
    public enum Status { PASS, WARN, FAIL }

    static ControlResult of(String id, String title, List<String> failures, List<String> warnings, String summary) {
        Status status = !failures.isEmpty() ? Status.FAIL : !warnings.isEmpty() ? Status.WARN : Status.PASS;
        List<String> findings = new java.util.ArrayList<>(failures);
        findings.addAll(warnings);
        return new ControlResult(id, title, status, summary, List.copyOf(findings));
    }

    /** The same verdict with informational findings after the failures and warnings. */
    ControlResult withNotes(List<String> notes) {
        List<String> all = new java.util.ArrayList<>(findings);
        all.addAll(notes);
        return new ControlResult(id, title, status, summary, List.copyOf(all));
    }
}
