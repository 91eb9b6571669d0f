package app.confidant.einvoice;

import app.confidant.security.Roles;
import app.confidant.security.StepUp;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Validation of any UBL document, and the tenant's seller details that exported documents carry. */
@Tag(name = "E-invoices")
@Path("einvoice")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EInvoiceResource {

    @Inject
    EInvoiceService service;

    /** The UBL 2.1 schema and EN 16931 findings for a document; 200 whether it is valid or not. */
    @POST
    @Path("validate")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @RolesAllowed({Roles.CLERK, Roles.APPROVER, Roles.ACCOUNTANT, Roles.AUDITOR, Roles.INTEGRATION})
    @Operation(summary = "Validate any UBL 2.1 invoice or credit note: UBL schema, then the official EN 16931 rules")
    @APIResponses({
            @APIResponse(responseCode = "200",
                    description = "The rule results (valid, failures with rule id, flag, location, message)"),
            @APIResponse(responseCode = "400",
                    description = "Not XML, a DOCTYPE (refused: no external entities), too deep, or empty"),
            @APIResponse(responseCode = "413", description = "Larger than 5 MB")})
    public ValidationResponse validate(InputStream body) {
        return service.validate(SafeXml.readLimited(body));
    }

    @GET
    @Path("seller")
    @RolesAllowed({Roles.CLERK, Roles.APPROVER, Roles.ACCOUNTANT})
    @Operation(summary = "The tenant's seller details, which every exported document carries")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "The seller details"),
            @APIResponse(responseCode = "404", description = "No seller details yet")})
    public SellerResponse seller() {
        return service.seller();
    }

    @PUT
    @Path("seller")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ACCOUNTANT)
    @StepUp
    @Operation(summary = "Set the tenant's seller details (name, VAT id, electronic address, address, IBAN)")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "The seller details as stored (sealed)")})
    public SellerResponse updateSeller(@Valid @NotNull SellerRequest request) {
        return service.updateSeller(request);
    }
}
