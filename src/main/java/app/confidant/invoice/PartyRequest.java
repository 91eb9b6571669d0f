package app.confidant.invoice;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A party as clients send it. Single-line fields refuse control characters (CR/LF injection into documents). */
public record PartyRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = SINGLE_LINE, message = MESSAGE) String legalName,
        @Size(max = 200) @Pattern(regexp = SINGLE_LINE, message = MESSAGE) String tradingName,
        @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9 ./-]*", message = "letters, digits, space . / - only") String taxId,
        @Size(max = 500) @Pattern(regexp = "[^\\p{Cntrl}]*(\\n[^\\p{Cntrl}]*){0,4}", message = "at most 5 lines, no control characters") String addressLines,
        @Size(max = 100) @Pattern(regexp = SINGLE_LINE, message = MESSAGE) String city,
        @Size(max = 20) @Pattern(regexp = SINGLE_LINE, message = MESSAGE) String postcode,
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "an ISO 3166-1 alpha-2 code") String country,
        @Size(max = 254) @Email String email,
        @Size(max = 40) @Pattern(regexp = "[+0-9 ()/-]*", message = "digits, spaces and + ( ) / - only") String phone,
        @Size(max = 42) @Pattern(regexp = "[A-Za-z]{2}[0-9]{2}[A-Za-z0-9 ]{8,36}", message = "an IBAN") String iban,
        @Size(max = 2000) String notes) {

    static final String SINGLE_LINE = "[^\\p{Cntrl}]*";
    static final String MESSAGE = "a single line without control characters";
}
