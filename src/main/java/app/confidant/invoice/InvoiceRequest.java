package app.confidant.invoice;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A draft as clients send it. Totals are never accepted from a client: they are computed from the lines. */
public record InvoiceRequest(
        @NotNull UUID partyId,
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "an ISO 4217 code") String currency,
        LocalDate issueDate,
        LocalDate dueDate,
        @Size(max = 200) @Pattern(regexp = PartyRequest.SINGLE_LINE, message = PartyRequest.MESSAGE) String buyerReference,
        @Size(max = 200) @Pattern(regexp = PartyRequest.SINGLE_LINE, message = PartyRequest.MESSAGE) String purchaseOrderRef,
        @Size(max = 500) @Pattern(regexp = PartyRequest.SINGLE_LINE, message = PartyRequest.MESSAGE) String paymentTerms,
        @Size(max = 2000) String note,
        @DecimalMin("0") @Digits(integer = 15, fraction = 2) BigDecimal prepaid,
        @NotEmpty @Size(max = 500) List<@Valid @NotNull LineRequest> lines) {

    /** One line. Quantities are positive on invoices; credit notes state positive quantities too (BT-129). */
    public record LineRequest(
            @NotBlank @Size(max = 500) String description,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 4) BigDecimal quantity,
            @NotBlank @Pattern(regexp = "[A-Z0-9]{1,3}", message = "a UN/ECE rec. 20 unit code, e.g. C62, HUR")
            String unitCode,
            @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal unitPrice,
            @DecimalMin("0") @Digits(integer = 15, fraction = 2) BigDecimal discount,
            @NotNull TaxCategory taxCategory,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal taxRate) {

        InvoiceTotals.Line figures() {
            return new InvoiceTotals.Line(quantity, unitPrice, discount, taxCategory, taxRate);
        }
    }
}
