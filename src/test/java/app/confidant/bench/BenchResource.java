package app.confidant.bench;

import app.confidant.crypto.HsmCounters;
import app.confidant.security.CallerContext;
import app.confidant.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;

/**
 * Benchmark deployment only ({@code /api/v1/bench}): the platform-ceiling endpoint, the baseline switches, the
 * server's own counters (HSM operations, heap) and the bulk seeder. Never in the production WAR.
 */
@Path("bench")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CLERK)
public class BenchResource {

    /** One row for the ceiling; its body is what the client sent, its id what it gets back. */
    public record RowRequest(String payload) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    CallerContext callers;

    @Inject
    BenchModes modes;

    @Inject
    HsmCounters counters;

    @Inject
    InvoiceSeeder seeder;

    @Inject
    Clock clock;

    @POST
    @Path("rows")
    @Transactional
    public Map<String, Object> insert(RowRequest request) {
        BenchRow row = new BenchRow(callers.require().tenantId(), request == null || request.payload() == null ? ""
                : request.payload(), clock.instant());
        em.persist(row);
        em.flush();
        return Map.of("id", row.id().toString());
    }

    @PUT
    @Path("mode")
    public Map<String, Object> mode(@QueryParam("passThrough") boolean passThrough,
                                    @QueryParam("skipAudit") boolean skipAudit) {
        modes.set(passThrough, skipAudit);
        return Map.of("passThrough", modes.sealingPassedThrough(), "skipAudit", modes.auditSkipped());
    }

    /** Counters and heap; with {@code gc=true} after a full collection (heap after warm-up). */
    @GET
    @Path("status")
    public Map<String, Object> status(@QueryParam("gc") boolean gc) {
        if (gc) {
            System.gc();
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return Map.of("seals", counters.seals(), "opens", counters.opens(), "macs", counters.macs(),
                "heapUsed", heap.getUsed(), "heapCommitted", heap.getCommitted(), "heapMax", heap.getMax());
    }

    @POST
    @Path("seed")
    public Map<String, Object> seed(InvoiceSeeder.Batch batch) throws SQLException {
        long start = System.nanoTime();
        int rows = seeder.seed(callers.require(), batch);
        return Map.of("invoices", rows, "millis", (System.nanoTime() - start) / 1_000_000);
    }
}
