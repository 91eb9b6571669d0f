package app.confidant.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Document totals per EN 16931: line net = quantity × price − line discount, rounded to 2 decimals (BT-131);
 * per VAT category and rate the taxable amount is the sum of line nets (BT-116) and the tax is that sum × rate,
 * rounded once per category (BT-117); payable = net + tax − prepaid (BT-115). HALF_UP at each of these points.
 */
public record InvoiceTotals(List<BigDecimal> lineNets, List<TaxSubtotal> breakdown, BigDecimal netTotal,
        BigDecimal taxTotal, BigDecimal grossTotal, BigDecimal prepaid, BigDecimal payable) {

    /** One line's figures as the calculation needs them. */
    public record Line(BigDecimal quantity, BigDecimal unitPrice, BigDecimal discount, TaxCategory category,
            BigDecimal rate) {
        public Line {
            Objects.requireNonNull(quantity);
            Objects.requireNonNull(unitPrice);
            Objects.requireNonNull(category);
            discount = discount == null ? BigDecimal.ZERO : discount;
            rate = rate == null ? BigDecimal.ZERO : rate;
        }
    }

    /** Taxable amount and tax of one (category, rate) pair. */
    public record TaxSubtotal(TaxCategory category, BigDecimal rate, BigDecimal taxable, BigDecimal tax) {
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static InvoiceTotals of(List<Line> lines, BigDecimal prepaid) {
        List<BigDecimal> nets = new ArrayList<>();
        Map<String, BigDecimal> taxable = new TreeMap<>();
        Map<String, Line> keys = new TreeMap<>();
        for (Line line : lines) {
            BigDecimal net = money(line.quantity().multiply(line.unitPrice()).subtract(line.discount()));
            nets.add(net);
            String key = line.category() + "/" + line.rate().stripTrailingZeros().toPlainString();
            taxable.merge(key, net, BigDecimal::add);
            keys.putIfAbsent(key, line);
        }
        List<TaxSubtotal> breakdown = new ArrayList<>();
        BigDecimal taxTotal = money(BigDecimal.ZERO);
        for (Map.Entry<String, BigDecimal> group : taxable.entrySet()) {
            Line first = keys.get(group.getKey());
            BigDecimal tax = money(group.getValue().multiply(first.rate()).divide(HUNDRED));
            breakdown.add(new TaxSubtotal(first.category(), first.rate(), money(group.getValue()), tax));
            taxTotal = taxTotal.add(tax);
        }
        BigDecimal netTotal = money(nets.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        BigDecimal paid = money(prepaid == null ? BigDecimal.ZERO : prepaid);
        BigDecimal gross = netTotal.add(taxTotal);
        return new InvoiceTotals(List.copyOf(nets), List.copyOf(breakdown), netTotal, taxTotal, gross, paid,
                gross.subtract(paid));
    }

    static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
