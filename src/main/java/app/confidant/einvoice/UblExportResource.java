package app.confidant.einvoice;

import app.confidant.audit.Reasons;
import app.confidant.security.Roles;
import app.confidant.security.TrainingRequired;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /invoices/{id}/ubl}: an issued invoice or credit note as UBL 2.1. The document holds every sensitive
 * value in clear, so only roles that read in clear may export, each export names its reason (X-Reason) and is audited.
 */
@Tag(name = "E-invoices")
@Path("invoices/{id}/ubl")
@RequestScoped
public class UblExportResource {

    @Inject
    EInvoiceService service;

    @Inject
    Reasons reasons;

    @GET
    @Produces({MediaType.APPLICATION_XML, "application/problem+json"})
    @RolesAllowed({Roles.CLERK, Roles.APPROVER, Roles.ACCOUNTANT})
    @TrainingRequired // a disclosure of sealed values in clear
    @Operation(summary = "Export an issued invoice or credit note as UBL 2.1 (EN 16931, Peppol BIS 3); a disclosure, "
            + "audited with the reason in X-Reason")
    @APIResponses({
            @APIResponse(responseCode = "200",
                    description = "application/xml: the document, valid under the UBL schema and the EN 16931 rules"),
            @APIResponse(responseCode = "400", description = "No X-Reason header"),
            @APIResponse(responseCode = "404", description = "No such invoice in the caller's tenant"),
            @APIResponse(responseCode = "409", description = "Not issued yet, or no seller details for the tenant"),
            @APIResponse(responseCode = "422",
                    description = "The document would fail an EN 16931 rule (`failures` lists them)")})
    public Response export(@PathParam("id") UUID id,
            @HeaderParam("X-Reason") @NotBlank(message = "an export needs a reason (X-Reason header)")
            @Size(min = 5, max = 500) String reason) {
        reasons.put(reason);
        EInvoiceService.Exported document = service.export(id);
        return Response.ok(document.xml(), MediaType.APPLICATION_XML_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + document.filename().replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
                .header("Cache-Control", "no-store").build();
    }
}
