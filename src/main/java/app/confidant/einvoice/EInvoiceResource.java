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

/** Validation of any UBL document, and the tenant's seller details that exported documents carry. */
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
    public ValidationResponse validate(InputStream body) {
        return service.validate(SafeXml.readLimited(body));
    }

    @GET
    @Path("seller")
    @RolesAllowed({Roles.CLERK, Roles.APPROVER, Roles.ACCOUNTANT})
    public SellerResponse seller() {
        return service.seller();
    }

    @PUT
    @Path("seller")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ACCOUNTANT)
    @StepUp
    public SellerResponse updateSeller(@Valid @NotNull SellerRequest request) {
        return service.updateSeller(request);
    }
}
