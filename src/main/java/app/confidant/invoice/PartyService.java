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
import java.util.List;
import java.util.UUID;

/**
 * Parties of the caller's tenant. Invoice roles see values in clear; AUDITOR and INTEGRATION see them masked, and
 * for them nothing is decrypted. A service account reads only the parties it created.
 */
@Stateless
@RolesAllowed({Roles.CLERK, Roles.APPROVER, Roles.ACCOUNTANT, Roles.AUDITOR, Roles.INTEGRATION})
public class PartyService {

    static final int MAX_PAGE = 500;

    @Inject
    PartyRepository parties;

    @Inject
    InvoiceRepository invoices;

    @Inject
    CallerContext callers;

    @Inject
    IntegrityFailures integrity;

    @Inject
    Idempotency idempotency;

    @Inject
    Clock clock;

    @RolesAllowed({Roles.CLERK, Roles.INTEGRATION})
    @Audited(value = "party.create", target = "party")
    public PartyResponse create(PartyRequest request, String idempotencyKey) {
        Caller caller = callers.require();
        java.util.Optional<UUID> earlier = idempotency.previous(TenantScope.tenantOf(caller), caller.userId(), idempotencyKey,
                "party", request);
        if (earlier.isPresent()) {
            return view(caller, visible(caller, earlier.get()));
        }
        Party party = new Party(TenantScope.tenantOf(caller), request.country(), caller.userId(), clock.instant());
        apply(party, request);
        parties.add(party);
        idempotency.record(TenantScope.tenantOf(caller), caller.userId(), idempotencyKey, "party", request, party.id());
        Idempotency.flush(parties::flush, idempotencyKey);
        return view(caller, party);
    }

    @ReadOnly
    public PartyResponse get(UUID id) {
        Caller caller = callers.require();
        return view(caller, visible(caller, id));
    }

    /** Exact search by tax id or e-mail through blind indexes, else a page of all, in a stable order. */
    @ReadOnly
    public List<PartyResponse> list(String taxId, String email, int offset, int limit) {
        Caller caller = callers.require();
        UUID tenant = TenantScope.tenantOf(caller);
        int size = Math.min(Math.max(limit, 1), MAX_PAGE);
        List<Party> found;
        if (taxId != null && !taxId.isBlank()) {
            found = parties.findByTaxId(tenant, taxId);
        } else if (email != null && !email.isBlank()) {
            found = parties.findByEmail(tenant, email);
        } else {
            found = parties.page(tenant, Math.max(offset, 0), size);
        }
        return found.stream().filter(p -> TenantScope.mayRead(caller, p.createdBy())).limit(size)
                .map(p -> integrity.orMarked(() -> view(caller, p),
                        () -> PartyResponse.corrupt(p, IntegrityFailures.CODE))).toList();
    }

    /**
     * Reveals one sensitive value to a masked role, for a stated reason; the reveal (field and reason, never the
     * value) is in the audit trail. Only the one field is returned, though the HSM opens the entity's bundle.
     */
    @RolesAllowed(Roles.AUDITOR)
    @Audited(value = "party.reveal", target = "party")
    public RevealResponse reveal(UUID id, RevealRequest request) {
        Caller caller = callers.require();
        Party party = visible(caller, id);
        String value = switch (request.field()) {
            case "legalName" -> party.legalName();
            case "tradingName" -> party.tradingName();
            case "taxId" -> party.taxId();
            case "addressLines" -> party.addressLines();
            case "email" -> party.email();
            case "phone" -> party.phone();
            case "iban" -> party.iban();
            case "notes" -> party.notes();
            default -> throw new InvoiceException(400, "unknown-field", "No sensitive field of that name.");
        };
        return new RevealResponse(id, request.field(), value);
    }

    @RolesAllowed(Roles.CLERK)
    @Audited(value = "party.update", target = "party")
    public PartyResponse update(UUID id, long expectedVersion, PartyRequest request) {
        Caller caller = callers.require();
        Party party = visible(caller, id);
        if (party.rowVersion() != expectedVersion) {
            throw InvoiceException.stale("The party");
        }
        party.country(request.country());
        apply(party, request);
        party.touched(clock.instant());
        parties.flush();
        return view(caller, party);
    }

    @RolesAllowed(Roles.CLERK)
    @Audited(value = "party.delete", target = "party")
    public void delete(UUID id, long expectedVersion) {
        Caller caller = callers.require();
        Party party = visible(caller, id);
        if (party.rowVersion() != expectedVersion) {
            throw InvoiceException.stale("The party");
        }
        if (invoices.referencesParty(party.tenantId(), party.id())) {
            // invoices are kept for the retention period, and with them the customer they were issued to
            throw new InvoiceException(409, "party-in-use", "Invoices name this party; it cannot be deleted.");
        }
        parties.remove(party);
    }

    private Party visible(Caller caller, UUID id) {
        return parties.find(TenantScope.tenantOf(caller), id).filter(p -> TenantScope.mayRead(caller, p.createdBy()))
                .orElseThrow(() -> InvoiceException.notFound("Party"));
    }


    private static PartyResponse view(Caller caller, Party party) {
        return TenantScope.masked(caller) ? PartyResponse.masked(party) : PartyResponse.clear(party);
    }


    private static void apply(Party party, PartyRequest request) {
        party.legalName(request.legalName());
        party.tradingName(request.tradingName());
        party.taxId(request.taxId());
        party.addressLines(request.addressLines());
        party.email(request.email());
        party.phone(request.phone());
        party.iban(request.iban());
        party.notes(request.notes());
        party.city(request.city());
        party.postcode(request.postcode());
    }
}
