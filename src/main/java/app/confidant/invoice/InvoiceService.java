package app.confidant.invoice;

import app.confidant.audit.Audited;
import app.confidant.audit.IntegrityFailures;
import app.confidant.audit.ReadOnly;
import app.confidant.security.Caller;
import app.confidant.security.CallerContext;
import app.confidant.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Drafts and the workflow DRAFT → SUBMITTED → APPROVED → ISSUED → SENT, scoped to the caller's tenant. Issuing
 * assigns the next gapless number of the series in the same transaction, under the counter's row lock.
 */
@Stateless
@RolesAllowed({Roles.CLERK, Roles.APPROVER, Roles.ACCOUNTANT, Roles.AUDITOR, Roles.INTEGRATION})
public class InvoiceService {

    static final String DEFAULT_SERIES = "INV";
    static final String CREDIT_SERIES = "CN";

    @Inject
    InvoiceRepository invoices;

    @Inject
    NumberingCounters counters;

    @Inject
    Idempotency idempotency;

    @Inject
    PartyRepository parties;

    @Inject
    CallerContext callers;

    @Inject
    IntegrityFailures integrity;

    @Inject
    Clock clock;

    @Inject
    Retention retention;

    @RolesAllowed({Roles.CLERK, Roles.INTEGRATION})
    @Audited(value = "invoice.create", target = "invoice")
    public InvoiceResponse create(InvoiceRequest request, String idempotencyKey) {
        Caller caller = callers.require();
        Optional<UUID> earlier = idempotency.previous(TenantScope.tenantOf(caller), caller.userId(), idempotencyKey, "invoice", request);
        if (earlier.isPresent()) {
            return view(caller, visible(caller, earlier.get()));
        }
        check(caller, request);
        Invoice invoice = new Invoice(TenantScope.tenantOf(caller), Invoice.Kind.INVOICE, DEFAULT_SERIES, caller.userId(),
                clock.instant());
        invoice.edit(request, caller.userId(), clock.instant());
        invoices.add(invoice);
        idempotency.record(TenantScope.tenantOf(caller), caller.userId(), idempotencyKey, "invoice", request, invoice.id());
        Idempotency.flush(invoices::flush, idempotencyKey);
        return view(caller, invoice);
    }

    @ReadOnly
    public InvoiceResponse get(UUID id) {
        Caller caller = callers.require();
        return view(caller, visible(caller, id));
    }

    @ReadOnly
    public List<InvoiceResponse> list(InvoiceRepository.Filter filter, String partyTaxId, int offset, int limit) {
        Caller caller = callers.require();
        UUID tenant = TenantScope.tenantOf(caller);
        InvoiceRepository.Filter scoped = partyTaxId == null || partyTaxId.isBlank() ? filter
                : new InvoiceRepository.Filter(filter.status(), filter.party(), filter.number(), filter.issuedFrom(),
                        filter.issuedTo(), parties.findByTaxId(tenant, partyTaxId).stream().map(Party::id).toList());
        return invoices.page(tenant, scoped, Math.max(0, offset), Math.min(Math.max(limit, 1), 500))
                .stream().filter(i -> TenantScope.mayRead(caller, i.createdBy()))
                .map(i -> integrity.orMarked(() -> view(caller, i),
                        () -> InvoiceResponse.corrupt(i, IntegrityFailures.CODE))).toList();
    }

    @RolesAllowed(Roles.CLERK)
    @Audited(value = "invoice.update", target = "invoice")
    public InvoiceResponse update(UUID id, long expectedVersion, InvoiceRequest request) {
        Caller caller = callers.require();
        Invoice invoice = current(caller, id, expectedVersion);
        check(caller, request);
        invoice.edit(request, caller.userId(), clock.instant());
        invoices.flush();
        return view(caller, invoice);
    }

    @RolesAllowed(Roles.CLERK)
    @Audited(value = "invoice.delete", target = "invoice")
    public void delete(UUID id, long expectedVersion) {
        Invoice invoice = current(callers.require(), id, expectedVersion);
        invoice.requireStatus(InvoiceStatus.DRAFT, InvoiceStatus.SUBMITTED);
        invoices.remove(invoice);
    }

    @RolesAllowed({Roles.APPROVER, Roles.INTEGRATION})
    @Audited(value = "invoice.submit", target = "invoice")
    public InvoiceResponse submit(UUID id) {
        Caller caller = callers.require();
        Invoice invoice = visible(caller, id);
        invoice.submit(caller.userId(), clock.instant());
        return flushed(caller, invoice);
    }

    @RolesAllowed(Roles.APPROVER)
    @Audited(value = "invoice.approve", target = "invoice")
    public InvoiceResponse approve(UUID id) {
        Caller caller = callers.require();
        Invoice invoice = visible(caller, id);
        invoice.approve(caller.userId(), clock.instant());
        return flushed(caller, invoice);
    }

    @RolesAllowed(Roles.APPROVER)
    @Audited(value = "invoice.reject", target = "invoice")
    public InvoiceResponse reject(UUID id, String reason) {
        Caller caller = callers.require();
        Invoice invoice = visible(caller, id);
        invoice.reject(reason, clock.instant());
        return flushed(caller, invoice);
    }

    @RolesAllowed(Roles.APPROVER)
    @Audited(value = "invoice.issue", target = "invoice")
    public InvoiceResponse issue(UUID id) {
        Caller caller = callers.require();
        Invoice invoice = visible(caller, id);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        invoice.requireIssuable(today);
        if (!invoices.counterExists(invoice.tenantId(), invoice.series(), today.getYear())) {
            // Only the year's first issue needs a second connection (REQUIRES_NEW): under load, every issue holding
            // one connection while waiting for another would starve the pool.
            try {
                counters.create(invoice.tenantId(), invoice.series(), today.getYear());
            } catch (RuntimeException existsAlready) {
                // another issuer created the counter row first
            }
        }
        long next = invoices.nextNumber(invoice.tenantId(), invoice.series(), today.getYear());
        invoice.issue(String.format("%s-%d-%06d", invoice.series(), today.getYear(), next), today, clock.instant());
        return flushed(caller, invoice);
    }

    @RolesAllowed(Roles.APPROVER)
    @Audited(value = "invoice.send", target = "invoice")
    public InvoiceResponse send(UUID id) {
        Caller caller = callers.require();
        Invoice invoice = visible(caller, id);
        invoice.send(clock.instant());
        return flushed(caller, invoice);
    }

    @RolesAllowed(Roles.ACCOUNTANT)
    @Audited(value = "invoice.payment", target = "invoice")
    public InvoiceResponse pay(UUID id, PaymentRequest request) {
        Caller caller = callers.require();
        Invoice invoice = invoices.findForUpdate(TenantScope.tenantOf(caller), id).orElseThrow(() -> InvoiceException.notFound("Invoice"));
        InvoiceLimits.date("paidOn", request.paidOn());
        invoice.paid(InvoiceTotals.money(request.amount()), clock.instant());
        invoices.add(new Payment(invoice, request, caller.userId(), clock.instant()));
        return flushed(caller, invoice);
    }

    /** A credit note (a draft, then the usual approval and issue) that takes back all or part of an invoice. */
    @RolesAllowed(Roles.ACCOUNTANT)
    @Audited(value = "invoice.credit-note", target = "invoice")
    public InvoiceResponse creditNote(UUID id, CreditNoteRequest request) {
        Caller caller = callers.require();
        Invoice original = invoices.findForUpdate(TenantScope.tenantOf(caller), id)
                .orElseThrow(() -> InvoiceException.notFound("Invoice"));
        if (!original.creditable()) {
            throw new InvoiceException(409, "not-creditable", "Only an issued invoice can be credited.");
        }
        List<InvoiceRequest.LineRequest> lines = request.lines() == null || request.lines().isEmpty()
                ? original.lines().stream().map(l -> new InvoiceRequest.LineRequest(original.description(l.lineNo()),
                        l.quantity(), l.unitCode(), l.unitPrice(), l.discount(), l.taxCategory(), l.taxRate())).toList()
                : request.lines();
        InvoiceRequest body = new InvoiceRequest(original.partyId(), original.currency(), null, null,
                original.buyerReference(), original.purchaseOrderRef(), null, request.reason(), null, lines);
        InvoiceLimits.check(body);
        Invoice note = new Invoice(original.tenantId(), Invoice.Kind.CREDIT_NOTE, CREDIT_SERIES, caller.userId(),
                clock.instant());
        note.precededBy(original.id());
        note.edit(body, caller.userId(), clock.instant());
        if (invoices.credited(original.id()).add(note.payable()).compareTo(original.payable()) > 0) {
            throw new InvoiceException(409, "over-credit", "Credit notes would take back more than the invoice ("
                    + original.payable() + " " + original.currency() + ").");
        }
        invoices.add(note);
        return flushed(caller, note);
    }

    private InvoiceResponse flushed(Caller caller, Invoice invoice) {
        invoices.flush();
        return view(caller, invoice);
    }

    private void check(Caller caller, InvoiceRequest request) {
        try {
            Currency.getInstance(request.currency());
        } catch (IllegalArgumentException e) {
            throw new InvoiceException(400, "unknown-currency", "Not an ISO 4217 currency code.");
        }
        if (parties.find(TenantScope.tenantOf(caller), request.partyId()).isEmpty()) {
            throw new InvoiceException(422, "unknown-party", "No such party in this tenant.");
        }
        for (InvoiceRequest.LineRequest line : request.lines()) {
            if (!line.taxCategory().accepts(line.taxRate())) {
                throw new InvoiceException(422, "tax-rate-category",
                        "Category " + line.taxCategory() + " does not go with a rate of " + line.taxRate() + " %.");
            }
        }
        if (request.dueDate() != null && request.issueDate() != null && request.dueDate().isBefore(request.issueDate())) {
            throw new InvoiceException(422, "due-before-issue", "The due date is before the issue date.");
        }
        InvoiceLimits.check(request);
    }

    private Invoice current(Caller caller, UUID id, long expectedVersion) {
        Invoice invoice = visible(caller, id);
        if (invoice.rowVersion() != expectedVersion) {
            throw InvoiceException.stale("The invoice");
        }
        return invoice;
    }

    private Invoice visible(Caller caller, UUID id) {
        return invoices.find(TenantScope.tenantOf(caller), id).filter(i -> TenantScope.mayRead(caller, i.createdBy()))
                .orElseThrow(() -> InvoiceException.notFound("Invoice"));
    }


    private InvoiceResponse view(Caller caller, Invoice invoice) {
        return InvoiceResponse.of(invoice, TenantScope.masked(caller), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
                invoice.number() == null ? null : retention.keepUntil(invoice.issueDate()));
    }

}
