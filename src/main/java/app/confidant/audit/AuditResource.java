package app.confidant.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * For auditors: verify every chain, search events, export the trail as JSON Lines. Role names are spelled out
 * here because audit sits below security in the dependency order (security.Roles.AUDITOR is the same string).
 * A tenant's auditor searches and exports the events recorded in their tenant only; a platform auditor the whole
 * trail. Verification always covers every chain (a chain interleaves tenants) and reports no event's content.
 */
@Tag(name = "Audit trail")
@Path("audit")
@RequestScoped
@RolesAllowed("AUDITOR")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    /**
     * {@code recorded}: whether this verification itself made it into the trail (it cannot when rows collide).
     * {@code witness}: the check against the newest checkpoint outside the database; any problem there makes the
     * trail not intact, even when every chain that is still in the database verifies.
     */
    public record VerifyResponse(boolean intact, List<AuditVerifier.ChainReport> chains,
            WitnessCheck.WitnessReport witness, boolean recorded) {
    }

    @Inject
    AuditVerifier verifier;

    @Inject
    WitnessCheck witnessCheck;

    @Inject
    AuditQuery query;

    @Inject
    AuditLog log;

    @Inject
    ActorSource actors;

    @POST
    @Path("verify")
    @Operation(summary = "Verify every node's MAC chain and the trail against the newest witnessed checkpoint")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "The verdict per chain and against the witness")})
    public VerifyResponse verify() {
        List<AuditVerifier.ChainReport> chains = verifier.verify();
        WitnessCheck.WitnessReport witness = witnessCheck.check();
        boolean intact = chains.stream().allMatch(AuditVerifier.ChainReport::intact) && witness.problems().isEmpty();
        boolean recorded = true;
        try {
            log.appendIndependently(new AuditEntry(actors.current(), "audit.verify", "audit-chain", null,
                    intact ? AuditEntry.SUCCESS : AuditEntry.FAILURE, null, Json.createObjectBuilder()
                            .add("chains", chains.size()).add("witnessProblems", witness.problems().size())
                            .build().toString()));
            if (intact) {
                log.checkpoint(actors.current());
            }
        } catch (AuditUnavailableException e) {
            // A tampered chain can make appends collide; the verdict matters more than recording the check.
            recorded = false;
        }
        return new VerifyResponse(intact, chains, witness, recorded);
    }

    @GET
    @Path("checkpoint-key")
    @Produces("application/x-pem-file")
    @Operation(summary = "The certificate (PEM) of the HSM key that signs audit checkpoints, for offline checks")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "Self-signed X.509 certificate of the EC P-256 key"),
            @APIResponse(responseCode = "404", description = "No checkpoint has been signed yet")})
    public String checkpointKey() {
        return witnessCheck.checkpointKey().orElseThrow(jakarta.ws.rs.NotFoundException::new);
    }

    @GET
    @Path("events")
    @Operation(summary = "Search audit events by actor, action, target and time, paged")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "Matching events, oldest first")})
    public List<AuditRecord> events(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("targetType") String targetType, @QueryParam("targetId") String targetId,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return query.search(new AuditQuery.Filter(readableTenant(), actor, action, targetType, targetId, instant(from), instant(to)),
                offset, limit);
    }

    @GET
    @Path("export")
    @Produces("application/x-ndjson")
    @Operation(summary = "Export the whole trail as JSON Lines (with MACs, for offline verification)")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "application/x-ndjson stream")})
    public Response export() {
        UUID tenant = readableTenant();
        log.appendIndependently(AuditEntry.success(actors.current(), "audit.export", "audit-chain", null));
        StreamingOutput lines = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            query.export(tenant, record -> {
                try {
                    writer.write(line(record));
                    writer.write('\n');
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            writer.flush();
        };
        return Response.ok(lines).header("Content-Disposition", "attachment; filename=\"audit.jsonl\"").build();
    }

    /** The caller's tenant, or null for a platform reader (every tenant); a caller in no tenant reads nothing. */
    private UUID readableTenant() {
        if (actors.readsEveryTenant()) {
            return null;
        }
        UUID tenant = actors.current().tenantId();
        if (tenant == null) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return tenant;
    }

    private static String line(AuditRecord r) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", r.id().toString()).add("nodeId", r.nodeId())
                .add("seq", r.seq()).add("kind", r.kind()).add("occurredAt", r.occurredAt().toString())
                .add("actor", r.actor()).add("action", r.action()).add("outcome", r.outcome()).add("keyId", r.keyId())
                .add("prevMac", r.prevMac()).add("mac", r.mac())
                .add("canonical", new String(r.canonical(), StandardCharsets.UTF_8));
        return json.build().toString();
    }

    /** An event time to search from or to; years beyond 0001–9999 cannot be stored or compared, so are refused. */
    private static Instant instant(String value) {
        String rule = "from/to must be ISO-8601 instants between years 0001 and 9999, e.g. 2026-11-25T00:00:00Z";
        try {
            Instant parsed = value == null || value.isBlank() ? null : Instant.parse(value);
            if (parsed != null && (parsed.isBefore(Instant.parse("0001-01-01T00:00:00Z"))
                    || parsed.isAfter(Instant.parse("9999-12-31T23:59:59Z")))) {
                throw new jakarta.ws.rs.BadRequestException(rule);
            }
            return parsed;
        } catch (java.time.format.DateTimeParseException e) {
            throw new jakarta.ws.rs.BadRequestException(rule);
        }
    }
}
