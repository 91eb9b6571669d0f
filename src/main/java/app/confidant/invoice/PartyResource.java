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

/** Customers of the caller's tenant. Writes need the ETag of what the client read (If-Match). */
@Tag(name = "Parties")
@Path("parties")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PartyResource {

    @Inject
    PartyService service;

    @Inject
    app.confidant.audit.Reasons reasons;

    @POST
    @RolesAllowed({Roles.CLERK, Roles.INTEGRATION})
    @Operation(summary = "Create a customer (sensitive fields sealed in the HSM)")
    @APIResponses({
            @APIResponse(responseCode = "201", description = "Created; ETag header; Location"),
            @APIResponse(responseCode = "422", description = "The Idempotency-Key reused with another body")})
    public Response create(@HeaderParam("Idempotency-Key") @Size(max = 100) @jakarta.validation.constraints.Pattern(
            regexp = Idempotency.KEY_PATTERN, message = "printable ASCII") String idempotencyKey,
            @Valid @NotNull PartyRequest request) {
        PartyResponse created = service.create(request, idempotencyKey);
        return Response.created(URI.create("parties/" + created.id())).tag(etag(created)).entity(created).build();
    }

    @TrainingRequired
    @GET
    @Path("{id}")
    @RolesAllowed({Roles.CLERK, Roles.APPROVER, Roles.ACCOUNTANT, Roles.AUDITOR, Roles.INTEGRATION})
    @Operation(summary = "Read one customer (masked for AUDITOR and INTEGRATION)")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "The party; ETag header"),
            @APIResponse(responseCode = "404", description = "No such resource in the caller's tenant")})
    public Response get(@PathParam("id") UUID id) {
        PartyResponse party = service.get(id);
        return Response.ok(party).tag(etag(party)).build();
    }

    @TrainingRequired
    @GET
    @RolesAllowed({Roles.CLERK, Roles.APPROVER, Roles.ACCOUNTANT, Roles.AUDITOR, Roles.INTEGRATION})
    @Operation(summary = "List customers, or find them by exact tax id or e-mail (blind indexes), paged")
    @APIResponses({
            @APIResponse(responseCode = "200",
                    description = "At most `limit` parties (default 50, max 500) in a stable order")})
    public List<PartyResponse> list(@QueryParam("taxId") @Size(max = 40) String taxId,
            @QueryParam("email") @Size(max = 254) String email,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(PartyService.MAX_PAGE) int limit) {
        return service.list(taxId, email, offset, limit);
    }

    @TrainingRequired
    @POST
    @Path("{id}/reveal")
    @RolesAllowed(Roles.AUDITOR)
    @StepUp
    @Operation(summary = "Reveal one sensitive field in clear, with a mandatory reason (audited)")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "The value in clear"),
            @APIResponse(responseCode = "404", description = "No such resource in the caller's tenant")})
    public RevealResponse reveal(@PathParam("id") UUID id, @Valid @NotNull RevealRequest request) {
        reasons.put(request.reason());
        return service.reveal(id, request);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.CLERK)
    @Operation(summary = "Replace a customer")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "Updated; new ETag"),
            @APIResponse(responseCode = "404", description = "No such resource in the caller's tenant"),
            @APIResponse(responseCode = "412",
                    description = "Stale ETag: the resource changed since it was read (If-Match)"),
            @APIResponse(responseCode = "428", description = "If-Match header missing")})
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull PartyRequest request) {
        PartyResponse updated = service.update(id, Versions.fromIfMatch(ifMatch, "party"), request);
        return Response.ok(updated).tag(etag(updated)).build();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.CLERK)
    @Operation(summary = "Delete a customer that no invoice references")
    @APIResponses({
            @APIResponse(responseCode = "204", description = "Deleted"),
            @APIResponse(responseCode = "404", description = "No such resource in the caller's tenant"),
            @APIResponse(responseCode = "409", description = "Invoices reference it"),
            @APIResponse(responseCode = "412",
                    description = "Stale ETag: the resource changed since it was read (If-Match)"),
            @APIResponse(responseCode = "428", description = "If-Match header missing")})
    public Response delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, Versions.fromIfMatch(ifMatch, "party"));
        return Response.noContent().build();
    }

    private static EntityTag etag(PartyResponse party) {
        return new EntityTag(Long.toString(party.version()));
    }
}
