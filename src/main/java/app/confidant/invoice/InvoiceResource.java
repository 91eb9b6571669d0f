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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Invoices: drafts, and the workflow actions as sub-resources. Writes to a draft need its ETag (If-Match). */
@Tag(name = "Invoices")
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
    @Operation(summary = "Create a draft invoice (totals computed from the lines)")
    @APIResponses({
            @APIResponse(responseCode = "201", description = "Created; ETag header; Location"),
            @APIResponse(responseCode = "422",
                    description = "Unknown party, wrong tax rate for its category, due date before issue date, or the "
                            + "Idempotency-Key reused with another body")})
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
    @Operation(summary = "Read one invoice (sensitive fields masked for AUDITOR and INTEGRATION)")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "The invoice; ETag header"),
            @APIResponse(responseCode = "404", description = "No such resource in the caller's tenant")})
    public Response get(@PathParam("id") UUID id) {
        InvoiceResponse invoice = service.get(id);
        return Response.ok(invoice).tag(etag(invoice)).build();
    }

    @TrainingRequired
    @GET
    @RolesAllowed({Roles.CLERK, Roles.APPROVER, Roles.ACCOUNTANT, Roles.AUDITOR, Roles.INTEGRATION})
    @Operation(summary = "List invoices by status, party, number, issue-date range or the party's tax id (blind "
            + "index), paged")
    @APIResponses({
            @APIResponse(responseCode = "200",
                    description = "At most `limit` invoices (default 50, max 500) in a stable order")})
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
    @Operation(summary = "Replace a draft or submitted invoice (a submitted one goes back to DRAFT)")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "Updated; new ETag"),
            @APIResponse(responseCode = "404", description = "No such resource in the caller's tenant"),
            @APIResponse(responseCode = "409", description = "Not editable in its status (e.g. issued)"),
            @APIResponse(responseCode = "412",
                    description = "Stale ETag: the resource changed since it was read (If-Match)"),
            @APIResponse(responseCode = "428", description = "If-Match header missing"),
            @APIResponse(responseCode = "422", description = "Invalid reference or tax rate")})
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull InvoiceRequest request) {
        InvoiceResponse updated = service.update(id, Versions.fromIfMatch(ifMatch, "invoice"), request);
        return Response.ok(updated).tag(etag(updated)).build();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.CLERK)
    @Operation(summary = "Delete a draft or submitted invoice")
    @APIResponses({
            @APIResponse(responseCode = "204", description = "Deleted"),
            @APIResponse(responseCode = "404", description = "No such resource in the caller's tenant"),
            @APIResponse(responseCode = "409", description = "Not deletable in its status"),
            @APIResponse(responseCode = "412",
                    description = "Stale ETag: the resource changed since it was read (If-Match)"),
            @APIResponse(responseCode = "428", description = "If-Match header missing")})
    public Response delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, Versions.fromIfMatch(ifMatch, "invoice"));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/submit")
    @RolesAllowed({Roles.APPROVER, Roles.INTEGRATION})
    @Operation(summary = "Submit a draft for approval")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "SUBMITTED"),
            @APIResponse(responseCode = "404", description = "No such resource in the caller's tenant"),
            @APIResponse(responseCode = "409", description = "Not a draft")})
    public InvoiceResponse submit(@PathParam("id") UUID id) {
        return service.submit(id);
    }

    @TrainingRequired
    @POST
    @Path("{id}/approve")
    @RolesAllowed(Roles.APPROVER)
    @StepUp
    @Operation(summary = "Approve a submitted invoice (not one you created or last edited)")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "APPROVED"),
            @APIResponse(responseCode = "404", description = "No such resource in the caller's tenant"),
            @APIResponse(responseCode = "409",
                    description = "Not submitted, or approval by its own author (separation of duties)")})
    public InvoiceResponse approve(@PathParam("id") UUID id) {
        return service.approve(id);
    }

    @POST
    @Path("{id}/reject")
    @RolesAllowed(Roles.APPROVER)
    @Operation(summary = "Send a submission back to DRAFT with a reason")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "DRAFT, with the rejection reason"),
            @APIResponse(responseCode = "404", description = "No such resource in the caller's tenant"),
            @APIResponse(responseCode = "409", description = "Not submitted")})
    public InvoiceResponse reject(@PathParam("id") UUID id, @Valid @NotNull RejectRequest request) {
        reasons.put(request.reason()); // the audit event of the rejection carries why
        return service.reject(id, request.reason());
    }

    @TrainingRequired
    @POST
    @Path("{id}/issue")
    @RolesAllowed(Roles.APPROVER)
    @StepUp
    @Operation(summary = "Issue an approved invoice: assigns the gapless number and freezes it")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "ISSUED with its number"),
            @APIResponse(responseCode = "404", description = "No such resource in the caller's tenant"),
            @APIResponse(responseCode = "409", description = "Not approved")})
    public InvoiceResponse issue(@PathParam("id") UUID id) {
        return service.issue(id);
    }

    @POST
    @Path("{id}/send")
    @RolesAllowed(Roles.APPROVER)
    @Operation(summary = "Mark an issued invoice as sent")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "SENT"),
            @APIResponse(responseCode = "404", description = "No such resource in the caller's tenant"),
            @APIResponse(responseCode = "409", description = "Not issued")})
    public InvoiceResponse send(@PathParam("id") UUID id) {
        return service.send(id);
    }

    @POST
    @Path("{id}/payments")
    @RolesAllowed(Roles.ACCOUNTANT)
    @Operation(summary = "Record a payment")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "PARTIALLY_PAID or PAID"),
            @APIResponse(responseCode = "404", description = "No such resource in the caller's tenant"),
            @APIResponse(responseCode = "409",
                    description = "Not payable in its status, or the amount exceeds what is open (overpayment)")})
    public InvoiceResponse pay(@PathParam("id") UUID id, @Valid @NotNull PaymentRequest request) {
        return service.pay(id, request);
    }

    @POST
    @Path("{id}/credit-notes")
    @RolesAllowed(Roles.ACCOUNTANT)
    @Operation(summary = "Credit all or some lines of an issued invoice (reason mandatory); the note is then approved"
            + " and issued like an invoice")
    @APIResponses({
            @APIResponse(responseCode = "201", description = "The credit note as a draft; ETag; Location"),
            @APIResponse(responseCode = "404", description = "No such resource in the caller's tenant"),
            @APIResponse(responseCode = "409",
                    description = "Not creditable, or the credit exceeds what is left of the invoice (over-crediting)")})
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
