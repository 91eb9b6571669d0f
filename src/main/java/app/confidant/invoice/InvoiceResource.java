package app.confidant.invoice;

import app.confidant.security.Roles;
import app.confidant.security.StepUp;
import app.confidant.security.TrainingRequired;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Invoices: drafts, and the workflow actions as sub-resources. Writes to a draft need its ETag (If-Match). */
@Path("invoices")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvoiceResource {

    /** Why a submission is sent back. */
    public record RejectRequest(@NotBlank @Size(min = 5, max = 500) String reason) {
    }

    @Inject
    InvoiceService service;

    @Inject
    app.confidant.audit.Reasons reasons;

    @POST
    @RolesAllowed({Roles.CLERK, Roles.INTEGRATION})
    public Response create(@HeaderParam("Idempotency-Key") @Size(max = 100) @jakarta.validation.constraints.Pattern(
            regexp = Idempotency.KEY_PATTERN, message = "printable ASCII") String idempotencyKey,
            @Valid @NotNull InvoiceRequest request) {
        InvoiceResponse created = service.create(request, idempotencyKey);
        return Response.created(URI.create("invoices/" + created.id())).tag(etag(created)).entity(created).build();
    }

    @TrainingRequired
    @GET
    @Path("{id}")
    @RolesAllowed({Roles.CLERK, Roles.APPROVER, Roles.ACCOUNTANT, Roles.AUDITOR, Roles.INTEGRATION})
    public Response get(@PathParam("id") UUID id) {
        InvoiceResponse invoice = service.get(id);
        return Response.ok(invoice).tag(etag(invoice)).build();
    }

    @TrainingRequired
    @GET
    @RolesAllowed({Roles.CLERK, Roles.APPROVER, Roles.ACCOUNTANT, Roles.AUDITOR, Roles.INTEGRATION})
    public List<InvoiceResponse> list(@QueryParam("status") InvoiceStatus status, @QueryParam("partyId") UUID party,
            @QueryParam("number") @Size(max = 40) String number,
            @QueryParam("issuedFrom") String issuedFrom, @QueryParam("issuedTo") String issuedTo,
            @QueryParam("taxId") @Size(max = 40) String taxId,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return service.list(new InvoiceRepository.Filter(status, party, number, date(issuedFrom), date(issuedTo), null),
                taxId, offset, limit);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.CLERK)
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull InvoiceRequest request) {
        InvoiceResponse updated = service.update(id, Versions.fromIfMatch(ifMatch, "invoice"), request);
        return Response.ok(updated).tag(etag(updated)).build();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.CLERK)
    public Response delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, Versions.fromIfMatch(ifMatch, "invoice"));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/submit")
    @RolesAllowed({Roles.APPROVER, Roles.INTEGRATION})
    public InvoiceResponse submit(@PathParam("id") UUID id) {
        return service.submit(id);
    }

    @TrainingRequired
    @POST
    @Path("{id}/approve")
    @RolesAllowed(Roles.APPROVER)
    @StepUp
    public InvoiceResponse approve(@PathParam("id") UUID id) {
        return service.approve(id);
    }

    @POST
    @Path("{id}/reject")
    @RolesAllowed(Roles.APPROVER)
    public InvoiceResponse reject(@PathParam("id") UUID id, @Valid @NotNull RejectRequest request) {
        return service.reject(id, request.reason());
    }

    @TrainingRequired
    @POST
    @Path("{id}/issue")
    @RolesAllowed(Roles.APPROVER)
    @StepUp
    public InvoiceResponse issue(@PathParam("id") UUID id) {
        return service.issue(id);
    }

    @POST
    @Path("{id}/send")
    @RolesAllowed(Roles.APPROVER)
    public InvoiceResponse send(@PathParam("id") UUID id) {
        return service.send(id);
    }

    @POST
    @Path("{id}/payments")
    @RolesAllowed(Roles.ACCOUNTANT)
    public InvoiceResponse pay(@PathParam("id") UUID id, @Valid @NotNull PaymentRequest request) {
        return service.pay(id, request);
    }

    @POST
    @Path("{id}/credit-notes")
    @RolesAllowed(Roles.ACCOUNTANT)
    public Response creditNote(@PathParam("id") UUID id, @Valid @NotNull CreditNoteRequest request) {
        reasons.put(request.reason());
        InvoiceResponse note = service.creditNote(id, request);
        return Response.created(URI.create("invoices/" + note.id())).tag(etag(note)).entity(note).build();
    }

    private static java.time.LocalDate date(String value) {
        try {
            return value == null || value.isBlank() ? null : java.time.LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvoiceException(400, "invalid-date", "Dates are ISO-8601, e.g. 2026-11-25.");
        }
    }

    private static EntityTag etag(InvoiceResponse invoice) {
        return new EntityTag(Long.toString(invoice.version()));
    }
}
