package app.confidant.einvoice;

import java.util.List;

/**
 * What the validation of one UBL document found: its type (Invoice or CreditNote), whether it is valid against
 * the UBL 2.1 schema, how many fatal and warning findings the EN 16931 rules gave, and every finding.
 */
public record ValidationResponse(String documentType, boolean valid, boolean schemaValid, int fatal, int warnings,
        String rules, List<RuleResult> results) {

    static ValidationResponse of(String documentType, List<RuleResult> schema, List<RuleResult> rules) {
        List<RuleResult> all = new java.util.ArrayList<>(schema);
        all.addAll(rules);
        int fatal = (int) all.stream().filter(RuleResult::fatal).count();
        return new ValidationResponse(documentType, fatal == 0, schema.isEmpty(), fatal, all.size() - fatal,
                BusinessRules.VERSION, List.copyOf(all));
    }

    List<RuleResult> fatalResults() {
        return results.stream().filter(RuleResult::fatal).toList();
    }
}
