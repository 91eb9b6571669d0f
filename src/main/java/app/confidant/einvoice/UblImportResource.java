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

/** {@code POST /invoices/import}: a UBL 2.1 invoice or credit note issued elsewhere, kept as a historical record. */
@Path("invoices/import")
@RequestScoped
public class UblImportResource {

    @Inject
    EInvoiceService service;

    @POST
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ACCOUNTANT)
    public Response importDocument(InputStream body) {
        ImportResponse imported = service.importDocument(SafeXml.readLimited(body));
        return Response.created(URI.create("invoices/" + imported.id())).entity(imported).build();
    }
}
