package app.confidant.einvoice;

import app.confidant.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /invoices/import}: a UBL 2.1 invoice or credit note issued elsewhere, kept as a historical record. */
@Tag(name = "E-invoices")
@Path("invoices/import")
@RequestScoped
public class UblImportResource {

    @Inject
    EInvoiceService service;

    @POST
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ACCOUNTANT)
    @Operation(summary = "Import a UBL 2.1 invoice or credit note as an issued, historical record (migration)")
    @APIResponses({
            @APIResponse(responseCode = "201", description = "The imported invoice (series IMP, its own number kept)"),
            @APIResponse(responseCode = "400",
                    description = "Not XML, a DOCTYPE (refused: no external entities), too deep, or empty"),
            @APIResponse(responseCode = "409", description = "That document number was imported already"),
            @APIResponse(responseCode = "413", description = "Larger than 5 MB"),
            @APIResponse(responseCode = "422",
                    description = "Fails the UBL schema or an EN 16931 rule (`failures` lists the rule ids), or uses an "
                            + "unsupported tax category")})
    public Response importDocument(InputStream body) {
        ImportResponse imported = service.importDocument(SafeXml.readLimited(body));
        return Response.created(URI.create("invoices/" + imported.id())).entity(imported).build();
    }
}
