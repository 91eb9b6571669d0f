package app.confidant.einvoice;

import app.confidant.audit.Audited;
import app.confidant.audit.ReadOnly;
import app.confidant.invoice.ImportedInvoices;
import app.confidant.invoice.Invoice;
import app.confidant.invoice.InvoiceRepository;
import app.confidant.invoice.InvoiceStatus;
import app.confidant.invoice.Party;
import app.confidant.invoice.PartyRepository;
import app.confidant.security.Caller;
import app.confidant.security.CallerContext;
import app.confidant.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.w3c.dom.Document;

/**
 * Export (a controlled disclosure: clear-data roles only, a reason, an audit event each), validation, import for
 * migration and the tenant's seller details. Every document from outside goes through {@link SafeXml} first.
 */
@Stateless
@RolesAllowed({Roles.CLERK, Roles.APPROVER, Roles.ACCOUNTANT, Roles.AUDITOR, Roles.INTEGRATION})
public class EInvoiceService {

    /** A document of an issued invoice or credit note, and its file name. */
    public record Exported(byte[] xml, String filename) {
    }

    @Inject
    EInvoiceRepository store;

    @Inject
    InvoiceRepository invoices;

    @Inject
    PartyRepository parties;

    @Inject
    ImportedInvoices importedInvoices;

    @Inject
    CallerContext callers;

    @Inject
    Clock clock;

    @ReadOnly
    public ValidationResponse validate(byte[] xml) {
        return UblValidator.validate(SafeXml.parse(xml));
    }

    @RolesAllowed({Roles.CLERK, Roles.APPROVER, Roles.ACCOUNTANT})
    @Audited(value = "einvoice.export", target = "invoice")
    public Exported export(UUID invoiceId) {
        UUID tenant = tenantOf(callers.require());
        Invoice invoice = invoices.find(tenant, invoiceId)
                .orElseThrow(() -> new EInvoiceException(404, "not-found", "Invoice not found."));
        if (invoice.status().ordinal() < InvoiceStatus.ISSUED.ordinal()) {
            throw new EInvoiceException(409, "not-issued", "Only an issued invoice or credit note is exported.");
        }
        UblDocument doc = store.imported(tenant, invoiceId).map(ImportedDocument::terms)
                .orElseGet(() -> NativeDocuments.of(invoice, party(tenant, invoice.partyId()), seller(tenant),
                        invoice.precedingInvoiceId() == null ? null
                                : invoices.find(tenant, invoice.precedingInvoiceId()).orElse(null)));
        byte[] xml = UblWriter.write(doc);
        // never hand out a document the official rules refuse: say which rules, so the master data can be fixed
        ValidationResponse report = UblValidator.validate(SafeXml.parse(xml));
        if (!report.valid()) {
            throw new EInvoiceException(422, "export-invalid", "The document would fail " + report.fatal()
                    + " EN 16931 rule(s); complete the seller details or the invoice.", report.fatalResults());
        }
        return new Exported(xml, (doc.creditNote() ? "creditnote-" : "invoice-") + doc.number() + ".xml");
    }

    /** Import for migration (ACCOUNTANT, who keeps the books): validated first, stored issued and imported. */
    @RolesAllowed(Roles.ACCOUNTANT)
    @Audited(value = "einvoice.import", target = "invoice")
    public ImportResponse importDocument(byte[] xml) {
        Caller caller = callers.require();
        UUID tenant = tenantOf(caller);
        Document parsed = UblValidator.requireValid(SafeXml.parse(xml));
        UblDocument doc = UblReader.read(parsed);
        String taxId = ImportedTerms.buyerTaxId(doc);
        List<Party> known = taxId == null ? List.of() : parties.findByTaxId(tenant, taxId);
        Party party = known.isEmpty() ? ImportedTerms.party(doc, tenant, caller.userId(), clock.instant()) : known.get(0);
        if (known.isEmpty()) {
            parties.add(party);
        }
        UUID id = importedInvoices.record(tenant, caller.userId(), doc.creditNote(), doc.number(),
                ImportedTerms.request(doc, party.id()), ImportedTerms.lineNets(doc), ImportedTerms.totals(doc));
        store.add(new ImportedDocument(id, tenant, doc, caller.userId(), clock.instant()));
        store.flush();
        return new ImportResponse(id, doc.creditNote() ? "CREDIT_NOTE" : "INVOICE", doc.number(), party.id(),
                known.isEmpty());
    }

    @RolesAllowed({Roles.CLERK, Roles.APPROVER, Roles.ACCOUNTANT})
    @ReadOnly
    public SellerResponse seller() {
        UUID tenant = tenantOf(callers.require());
        SellerProfile profile = store.seller(tenant).orElseThrow(EInvoiceService::noSeller);
        return new SellerResponse(profile.details(), profile.rowVersion());
    }

    /** Who the tenant is and where buyers pay: a payment-diversion target, so ACCOUNTANT with step-up only. */
    @RolesAllowed(Roles.ACCOUNTANT)
    @Audited(value = "einvoice.seller.update", target = "seller")
    public SellerResponse updateSeller(SellerRequest request) {
        Caller caller = callers.require();
        UUID tenant = tenantOf(caller);
        SellerProfile profile = store.seller(tenant).orElse(null);
        if (profile == null) {
            // sealed when persisted: every value is set before
            profile = new SellerProfile(tenant);
            profile.details(request, caller.userId(), clock.instant());
            store.add(profile);
        } else {
            profile.details(request, caller.userId(), clock.instant());
        }
        store.flush();
        return new SellerResponse(request, profile.rowVersion());
    }

    private SellerRequest seller(UUID tenant) {
        return store.seller(tenant).map(SellerProfile::details).orElseThrow(EInvoiceService::noSeller);
    }

    private Party party(UUID tenant, UUID id) {
        return parties.find(tenant, id).orElseThrow(() -> new EInvoiceException(404, "not-found", "Party not found."));
    }

    private static EInvoiceException noSeller() {
        return new EInvoiceException(409, "seller-missing",
                "The tenant's seller details are not set: PUT /api/v1/einvoice/seller first.");
    }

    private static UUID tenantOf(Caller caller) {
        if (caller.tenantId() == null) {
            throw new EInvoiceException(404, "not-found", "Tenant not found.");
        }
        return caller.tenantId();
    }
}
