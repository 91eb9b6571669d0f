package app.confidant.invoice;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A payment received: positive amount in the invoice's currency, the day, how, and the payer's reference. */
public record PaymentRequest(
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 2) BigDecimal amount,
        @NotNull LocalDate paidOn,
        @NotNull @Pattern(regexp = "CREDIT_TRANSFER|DIRECT_DEBIT|CARD|CASH|OTHER",
                message = "one of CREDIT_TRANSFER, DIRECT_DEBIT, CARD, CASH, OTHER") String method,
        @Size(max = 140) @Pattern(regexp = PartyRequest.SINGLE_LINE, message = PartyRequest.MESSAGE) String reference) {
}
