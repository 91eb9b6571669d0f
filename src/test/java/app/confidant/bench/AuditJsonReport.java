package app.confidant.bench;

import static app.confidant.bench.JsonReport.round;

import app.confidant.bench.AuditSummary.Row;
import app.confidant.bench.AuditSummary.StepMicros;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.Locale;

/** The audit benchmark's result for machines (comparisons across commits), plus every measured phase. */
final class AuditJsonReport {

    private AuditJsonReport() {
    }

    static String render(AuditResults r) {
        BenchSettings s = r.settings();
        Environment e = r.environment();
        AuditResults.Check c = r.check();
        return JsonReport.pretty(Json.createObjectBuilder()
                .add("benchmark", "audit-trail")
                .add("date", e.date().toString())
                .add("commit", s.commit())
                .add("dirty", s.dirty())
                .add("quick", s.quick())
                .add("goalRatio", AuditSummary.GOAL)
                .add("environment", JsonReport.environment(e, s))
                .add("counts", JsonReport.counts(s.counts()))
                .add("throughput", rows(r))
                .add("callerLookupsMicros", Json.createObjectBuilder().add("samples", r.lookups().samples())
                        .add("inRequest", round(r.lookups().inRequest(), 2))
                        .add("outsideRequest", round(r.lookups().outsideRequest(), 2)))
                .add("check", Json.createObjectBuilder().add("auditedWrites", c.auditedWrites())
                        .add("unauditedWrites", c.unauditedWrites()).add("eventsRecorded", c.eventsRecorded())
                        .add("chainRows", c.chainRows()).add("chainIntact", c.chainIntact()))
                .add("phases", phases(r))
                .build());
    }

    private static JsonArrayBuilder rows(AuditResults r) {
        JsonArrayBuilder rows = Json.createArrayBuilder();
        for (Row row : r.rows()) {
            rows.add(Json.createObjectBuilder()
                    .add("threads", row.threads()).add("rounds", row.rounds())
                    .add("writesPerRound", row.writesPerRound())
                    .add("unauditedOpsPerSecond", JsonReport.spread(row.unaudited()))
                    .add("auditedOpsPerSecond", JsonReport.spread(row.audited()))
                    .add("ratio", round(row.ratio(), 3)).add("meetsGoal", row.meetsGoal())
                    .add("unauditedMicrosPerWrite", round(row.unauditedMicros(), 1))
                    .add("auditedMicrosPerWrite", round(row.auditedMicros(), 1))
                    .add("hsmPerWrite", Json.createObjectBuilder()
                            .add("audited", perWrite(row.auditedHsm()))
                            .add("unaudited", perWrite(row.unauditedHsm())))
                    .add("stepMicrosPerWrite", Json.createObjectBuilder()
                            .add("audited", steps(row.auditedSteps())).add("unaudited", steps(row.unauditedSteps()))
                            .add("auditedMinusUnaudited", steps(row.difference())))
                    .add("headHeldMicrosDerived", round(row.headHeldMicros(), 1)));
        }
        return rows;
    }

    private static JsonArrayBuilder phases(AuditResults r) {
        JsonArrayBuilder phases = Json.createArrayBuilder();
        for (AuditPhase p : r.phases()) {
            AuditSteps s = p.steps();
            phases.add(Json.createObjectBuilder()
                    .add("threads", p.threads()).add("round", p.round())
                    .add("variant", p.variant().name().toLowerCase(Locale.ROOT))
                    .add("writes", p.count()).add("nanos", p.nanos())
                    .add("opsPerSecond", round(p.opsPerSecond(), 1))
                    .add("seals", p.hsm().seals()).add("opens", p.hsm().opens()).add("macs", p.hsm().macs())
                    .add("callNanos", s.call()).add("persistNanos", s.persist()).add("flushNanos", s.flush())
                    .add("hsmNanos", s.hsm()).add("appends", s.appends().count())
                    .add("appendNanos", s.appends().nanos()).add("appendUntilHsmNanos", s.appends().untilHsm())
                    .add("appendHsmNanos", s.appends().hsmNanos()).add("appendHsmCalls", s.appends().hsmCalls()));
        }
        return phases;
    }

    private static JsonObjectBuilder perWrite(AuditSummary.PerWrite ops) {
        return Json.createObjectBuilder().add("seals", round(ops.seals(), 3)).add("opens", round(ops.opens(), 3))
                .add("macs", round(ops.macs(), 3)).add("inAppend", round(ops.inAppend(), 3));
    }

    private static JsonObjectBuilder steps(StepMicros m) {
        return Json.createObjectBuilder().add("persist", round(m.persist(), 1)).add("flush", round(m.flush(), 1))
                .add("appendHeadLock", round(m.headLock(), 1)).add("appendMacs", round(m.auditMacs(), 1))
                .add("appendStatements", round(m.auditStatements(), 1)).add("rest", round(m.rest(), 1))
                .add("total", round(m.total(), 1)).add("insideHsm", round(m.hsm(), 1));
    }
}
