package app.confidant.invoice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long issued invoices and credit notes are kept: to the end of the calendar year {@code years} after their issue
 * (ten by default: Germany's HGB §257 and AO §147, Austria and others; France needs six, the EU VAT directive leaves
 * it to the member states). Until then nothing deletes them: an issued document never changes, a customer named by
 * one cannot be deleted, and the sealed values stay readable. Afterwards a tenant's data is removed by destroying its
 * keys (crypto-shredding, a key ceremony), which also reaches every backup.
 */
@ApplicationScoped
public class Retention {

    @Inject
    @ConfigProperty(name = "confidant.retention.years", defaultValue = "10")
    int years;

    /** The last day a document issued on {@code issueDate} must be kept; null while it is not issued. */
    public LocalDate keepUntil(LocalDate issueDate) {
        return issueDate == null ? null : LocalDate.of(issueDate.getYear() + years, 12, 31);
    }
}
