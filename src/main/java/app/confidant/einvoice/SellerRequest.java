package app.confidant.einvoice;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The tenant as seller on every exported document: registration name (BT-27), trading name (BT-28), VAT id
 * (BT-31), legal registration id and its ICD scheme (BT-30), electronic address and its EAS scheme (BT-34), postal
 * address (BG-5), contact (BG-6) and the account buyers pay to (BT-84 IBAN, BT-86 BIC, BT-85 account name).
 */
public record SellerRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String tradingName,
        @Size(max = 40) @Pattern(regexp = "[A-Z]{2}[A-Za-z0-9+*.]{2,38}", message = "a VAT id with its country prefix")
        String vatId,
        @Size(max = 40) String legalId,
        @Size(max = 4) @Pattern(regexp = "\\d{4}", message = "an ISO 6523 ICD code") String legalIdScheme,
        @NotBlank @Size(max = 200) String endpointId,
        @NotBlank @Size(max = 4) @Pattern(regexp = "[0-9A-Z]{2,4}", message = "an EAS code, e.g. 0088 or 9930")
        String endpointScheme,
        @Size(max = 200) String street,
        @Size(max = 200) String additionalStreet,
        @NotBlank @Size(max = 100) String city,
        @NotBlank @Size(max = 20) String postcode,
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "an ISO 3166-1 alpha-2 code") String country,
        @Size(max = 100) String contactName,
        @Size(max = 50) String contactPhone,
        @Email @Size(max = 200) String contactEmail,
        @Size(max = 34) @Pattern(regexp = "[A-Z]{2}[0-9]{2}[A-Z0-9 ]{10,40}", message = "an IBAN") String iban,
        @Size(max = 11) @Pattern(regexp = "[A-Z0-9]{8}([A-Z0-9]{3})?", message = "a BIC") String bic,
        @Size(max = 200) String accountName) {
}
