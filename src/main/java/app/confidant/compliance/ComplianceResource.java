package app.confidant.compliance;

import app.confidant.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The security programme's evidence: the self-audit report (JSON or an HTML page), the SBOM, the version. */
@Path("compliance")
@RequestScoped
@Tag(name = "Compliance")
public class ComplianceResource {

    static final String CYCLONEDX_JSON = "application/vnd.cyclonedx+json";

    @Inject
    SecurityReportService reports;

    @Inject
    BuildInfo build;

    @Context
    HttpServletRequest request;

    @Context
    ServletContext servlet;

    @GET
    @Path("security-report")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AUDITOR, Roles.SECURITY_ADMIN})
    @Operation(summary = "Run the security self-audit: pass/warn/fail per control (an audit event)")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "403", description = "Not allowed (Problem Details)")
    @APIResponse(responseCode = "503", description = "The run could not be recorded in the audit trail (Problem Details)")
    public SecurityReportResponse report() {
        return reports.run(request.getLocalPort(), servlet.getServerInfo());
    }

    @GET
    @Path("security-report")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Roles.AUDITOR, Roles.SECURITY_ADMIN})
    @Operation(summary = "The security self-audit as a self-contained HTML page")
    @APIResponse(responseCode = "200", description = "The report page")
    @APIResponse(responseCode = "403", description = "Not allowed (Problem Details)")
    @APIResponse(responseCode = "503", description = "The run could not be recorded in the audit trail (Problem Details)")
    public Response reportPage() {
        return Response.ok(ReportPage.render(report()), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Security-Policy", ReportPage.CONTENT_SECURITY_POLICY).build();
    }

    @GET
    @Path("sbom")
    @Produces(CYCLONEDX_JSON)
    @RolesAllowed({Roles.AUDITOR, Roles.SECURITY_ADMIN})
    @Operation(summary = "The CycloneDX SBOM built with this WAR")
    @APIResponse(responseCode = "200", description = "The SBOM (CycloneDX JSON)")
    @APIResponse(responseCode = "403", description = "Not allowed (Problem Details)")
    @APIResponse(responseCode = "503", description = "The WAR carries no SBOM (Problem Details)")
    public Response sbom() {
        byte[] bom = build.sbom().orElseThrow(() -> new ComplianceException(503, "sbom-missing",
                "This build carries no SBOM; build the WAR with mvn package."));
        return Response.ok(bom, CYCLONEDX_JSON).header("Content-Disposition", "attachment; filename=\"bom.json\"")
                .build();
    }

    @GET
    @Path("version")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CLERK, Roles.APPROVER, Roles.ACCOUNTANT, Roles.AUDITOR, Roles.SECURITY_ADMIN,
            Roles.KEY_CUSTODIAN, Roles.INTEGRATION})
    @Operation(summary = "The running version: build, commit, Payara and JDK")
    @APIResponse(responseCode = "200", description = "The version")
    @APIResponse(responseCode = "401", description = "Not authenticated (Problem Details)")
    public VersionResponse version() {
        return build.version(servlet.getServerInfo());
    }
}
