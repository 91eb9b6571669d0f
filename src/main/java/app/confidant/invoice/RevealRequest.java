package app.confidant.invoice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Which masked value to reveal, and why: the reason is mandatory and goes to the audit trail. */
public record RevealRequest(
        @NotBlank @Pattern(regexp = "[a-zA-Z]{1,30}", message = "a field name") String field,
        @NotBlank(message = "a reveal needs a reason") @Size(min = 10, max = 500,
                message = "say why, in 10 to 500 characters") @Pattern(regexp = "[^\\p{Cntrl}]*",
                message = "a single line") String reason) {
}
