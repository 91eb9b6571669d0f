package app.confidant.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import app.confidant.invoice.InvoiceTotals.Line;
import app.confidant.invoice.InvoiceTotals.TaxSubtotal;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed EN 16931 examples: every figure below was worked out on paper, not by this code. */
class InvoiceTotalsTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void linesAreRoundedBeforeTaxAndTaxOncePerCategory() {
        // 3 × 33.333 = 99.999 → 100.00; 7 × 1.115 − 0.50 = 7.305 → 7.31 (HALF_UP); both S 19 %:
        // taxable 107.31, tax 20.3889 → 20.39
        InvoiceTotals totals = InvoiceTotals.of(List.of(
                new Line(d("3"), d("33.333"), null, TaxCategory.S, d("19")),
                new Line(d("7"), d("1.115"), d("0.50"), TaxCategory.S, d("19"))), null);

        assertThat(totals.lineNets()).containsExactly(d("100.00"), d("7.31"));
        assertThat(totals.breakdown()).containsExactly(new TaxSubtotal(TaxCategory.S, d("19"), d("107.31"), d("20.39")));
        assertThat(totals.netTotal()).isEqualTo(d("107.31"));
        assertThat(totals.payable()).isEqualTo(d("127.70"));
    }

    @Test
    void taxIsRoundedPerCategoryNotPerLine() {
        // three lines of 0.05 at 10 %: per line 0.005 → 0.01 each = 0.03; per category 0.15 × 10 % = 0.015 → 0.02
        Line line = new Line(d("1"), d("0.05"), null, TaxCategory.S, d("10"));
        InvoiceTotals totals = InvoiceTotals.of(List.of(line, line, line), null);

        assertThat(totals.taxTotal()).isEqualTo(d("0.02"));
        assertThat(totals.payable()).isEqualTo(d("0.17"));
    }

    @Test
    void severalCategoriesWithPrepaymentAndDiscounts() {
        // S 20 %: 10 × 12.50 − 5.00 = 120.00 → tax 24.00; S 5.5 %: 2 × 9.99 = 19.98 → tax 1.0989 → 1.10;
        // E: 250.00 → 0; Z: 1 × 0.99 = 0.99 → 0. Net 390.97, tax 25.10, gross 416.07, prepaid 100 → 316.07
        InvoiceTotals totals = InvoiceTotals.of(List.of(
                new Line(d("10"), d("12.50"), d("5.00"), TaxCategory.S, d("20")),
                new Line(d("2"), d("9.99"), null, TaxCategory.S, d("5.5")),
                new Line(d("1"), d("250"), null, TaxCategory.E, d("0")),
                new Line(d("1"), d("0.99"), null, TaxCategory.Z, d("0"))), d("100"));

        assertThat(totals.breakdown()).extracting(TaxSubtotal::category, TaxSubtotal::taxable, TaxSubtotal::tax)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(TaxCategory.S, d("120.00"), d("24.00")),
                        org.assertj.core.groups.Tuple.tuple(TaxCategory.S, d("19.98"), d("1.10")),
                        org.assertj.core.groups.Tuple.tuple(TaxCategory.E, d("250.00"), d("0.00")),
                        org.assertj.core.groups.Tuple.tuple(TaxCategory.Z, d("0.99"), d("0.00")));
        assertThat(totals.netTotal()).isEqualTo(d("390.97"));
        assertThat(totals.taxTotal()).isEqualTo(d("25.10"));
        assertThat(totals.grossTotal()).isEqualTo(d("416.07"));
        assertThat(totals.payable()).isEqualTo(d("316.07"));
    }

    @Test
    void creditNoteLinesKeepTheirSignThroughRounding() {
        // a credit note for part of an invoice: −2 × 4.445 = −8.89 (HALF_UP away from zero) → tax −1.6891 → −1.69
        InvoiceTotals totals = InvoiceTotals.of(List.of(new Line(d("-2"), d("4.445"), null, TaxCategory.S, d("19"))),
                null);

        assertThat(totals.netTotal()).isEqualTo(d("-8.89"));
        assertThat(totals.taxTotal()).isEqualTo(d("-1.69"));
        assertThat(totals.payable()).isEqualTo(d("-10.58"));
    }

    @Test
    void onlyStandardRatedLinesCarryARate() {
        assertThat(TaxCategory.S.accepts(d("19"))).isTrue();
        assertThat(TaxCategory.S.accepts(d("0"))).isFalse();
        assertThat(TaxCategory.AE.accepts(d("0"))).isTrue();
        assertThat(TaxCategory.K.accepts(d("7"))).isFalse();
    }
}
