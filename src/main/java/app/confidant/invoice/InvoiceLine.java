package app.confidant.invoice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** A line's figures; its description is sealed with the invoice (field {@code line.<no>.description}). */
@Entity
@Table(name = "invoice_line")
public class InvoiceLine {

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "invoice_id")
    private Invoice invoice;

    @Column(name = "line_no", nullable = false)
    private int lineNo;

    @Column(nullable = false, precision = 19, scale = 4)
    private BigDecimal quantity;

    @Column(name = "unit_code", nullable = false)
    private String unitCode;

    @Column(name = "unit_price", nullable = false, precision = 19, scale = 4)
    private BigDecimal unitPrice;

    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal discount;

    @Enumerated(EnumType.STRING)
    @Column(name = "tax_category", nullable = false)
    private TaxCategory taxCategory;

    @Column(name = "tax_rate", nullable = false, precision = 5, scale = 2)
    private BigDecimal taxRate;

    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal net;

    protected InvoiceLine() {
        // for JPA
    }

    InvoiceLine(Invoice invoice, int lineNo, InvoiceTotals.Line figures, String unitCode, BigDecimal net) {
        this.id = UUID.randomUUID();
        this.invoice = invoice;
        this.lineNo = lineNo;
        change(figures, unitCode, net);
    }

    /** A draft's edit: the line keeps its number (and row), its figures are replaced. */
    void change(InvoiceTotals.Line figures, String unitCode, BigDecimal net) {
        this.quantity = figures.quantity();
        this.unitCode = unitCode;
        this.unitPrice = figures.unitPrice();
        this.discount = figures.discount();
        this.taxCategory = figures.category();
        this.taxRate = figures.rate();
        this.net = net;
    }

    public int lineNo() {
        return lineNo;
    }

    public BigDecimal quantity() {
        return quantity;
    }

    public String unitCode() {
        return unitCode;
    }

    public BigDecimal unitPrice() {
        return unitPrice;
    }

    public BigDecimal discount() {
        return discount;
    }

    public TaxCategory taxCategory() {
        return taxCategory;
    }

    public BigDecimal taxRate() {
        return taxRate;
    }

    public BigDecimal net() {
        return net;
    }

    InvoiceTotals.Line figures() {
        return new InvoiceTotals.Line(quantity, unitPrice, discount, taxCategory, taxRate);
    }
}
