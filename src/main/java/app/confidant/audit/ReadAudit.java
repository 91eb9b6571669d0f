package app.confidant.audit;

import app.confidant.crypto.OpenedRows;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Records the reads in clear: every row whose sealed values the current transaction opened for a person or a service
 * account becomes part of a {@code data.read} event, in that transaction, so the data is returned only if its read
 * is recorded. One event per entity type and request names every id read ({@code details.ids}; the target id too
 * when it is one row); a read of more than {@link #IDS_PER_EVENT} rows is recorded in several parts, never
 * shortened. The row an audited action names as its target is not repeated: that event records its read.
 */
@ApplicationScoped
@PermitAll // called by the audit interceptors around every caller's service method; it only records
public class ReadAudit {

    public static final String ACTION = "data.read";
    /** Ids per event: 80 ids and their framing stay well inside the 4,000 characters of {@code details}. */
    static final int IDS_PER_EVENT = 80;

    @Inject
    OpenedRows openings;

    @Inject
    AuditLog log;

    @Inject
    ActorSource actors;

    /** Records what the transaction opened since the last record, except the row an event already names. */
    public void record(String namedType, String namedId) {
        Map<String, Set<UUID>> opened = openings.take();
        if (opened.isEmpty()) {
            return;
        }
        Actor actor = actors.current();
        if (Actor.SYSTEM.equals(actor)) {
            return; // the system's own work (re-encryption, reindexing) reads for nobody
        }
        opened.forEach((type, ids) -> {
            List<String> read = ids.stream().map(UUID::toString)
                    .filter(id -> !(type.equals(namedType) && id.equals(namedId))).toList();
            int parts = (read.size() + IDS_PER_EVENT - 1) / IDS_PER_EVENT;
            for (int part = 0; part < parts; part++) {
                List<String> chunk = read.subList(part * IDS_PER_EVENT,
                        Math.min(read.size(), (part + 1) * IDS_PER_EVENT));
                log.append(new AuditEntry(actor, ACTION, type, chunk.size() == 1 ? chunk.get(0) : null,
                        AuditEntry.SUCCESS, null, details(chunk, read.size(), part + 1, parts)));
            }
        });
    }

    private static String details(List<String> ids, int total, int part, int parts) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        ids.forEach(array::add);
        return Json.createObjectBuilder().add("ids", array).add("count", ids.size()).add("total", total)
                .add("part", part).add("parts", parts).build().toString();
    }
}
