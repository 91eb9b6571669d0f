package app.confidant.invoice;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A credit note against an issued invoice: why (mandatory, it goes to the audit trail), and which lines — none
 * means all of the invoice's lines (a full credit). Quantities are stated positive, as on the invoice (BT-129).
 */
public record CreditNoteRequest(
        @NotBlank @Size(min = 5, max = 500) String reason,
        @Size(max = 500) List<InvoiceRequest.@Valid @NotNull LineRequest> lines) {
}
