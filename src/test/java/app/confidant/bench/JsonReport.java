package app.confidant.bench;

import app.confidant.bench.CipherTimings.Stats;
import app.confidant.bench.Summary.Row;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;

/** The same result for machines (comparisons across commits), plus every measured phase. */
final class JsonReport {

    private JsonReport() {
    }

    static String render(Results r) {
        BenchSettings s = r.settings();
        Environment e = r.environment();
        BenchSettings.Counts n = r.counts();
        JsonObjectBuilder root = Json.createObjectBuilder()
                .add("benchmark", "field-sealing")
                .add("date", e.date().toString())
                .add("commit", s.commit())
                .add("dirty", s.dirty())
                .add("quick", s.quick())
                .add("goalRatio", Summary.GOAL)
                .add("environment", environment(e, s))
                .add("counts", counts(n))
                .add("throughput", rows(r))
                .add("singleOperationsMicros", Json.createObjectBuilder()
                        .add("valueBytes", CipherTimings.VALUE_BYTES)
                        .add("seal", stats(r.cipher().seal())).add("open", stats(r.cipher().open()))
                        .add("mac", stats(r.cipher().mac())).add("entitySeal", stats(r.cipher().entitySeal()))
                        .add("entityOpen", stats(r.cipher().entityOpen()))
                        .add("entitySealAfterDatabase", stats(r.cipher().entitySealAfterDatabase()))
                        .add("entityOpenAfterDatabase", stats(r.cipher().entityOpenAfterDatabase())))
                .add("phases", phases(r));
        return pretty(root.build());
    }

    static JsonObjectBuilder environment(Environment e, BenchSettings s) {
        return Json.createObjectBuilder()
                .add("jdk", e.jdk()).add("vm", e.vm()).add("os", e.os()).add("cores", e.cores())
                .add("postgres", e.postgres()).add("softhsm", s.softhsm())
                .add("loadBefore", round(e.loadBefore(), 2)).add("loadAfter", round(e.loadAfter(), 2))
                .add("startedAt", e.startedAt().toString()).add("seconds", e.took().toSeconds())
                .add("quietWait", Json.createObjectBuilder().add("seconds", e.quietWait().seconds())
                        .add("quiet", e.quietWait().quiet()).add("busy", round(e.quietWait().busy(), 2)));
    }

    static JsonObjectBuilder counts(BenchSettings.Counts n) {
        return Json.createObjectBuilder()
                .add("warmupRounds", n.warmupRounds()).add("warmupEntities", n.warmupEntities())
                .add("rounds", n.rounds()).add("entities", n.entities()).add("threads", n.threads())
                .add("cipherSamples", n.cipherSamples()).add("quietWaitSeconds", n.quietWait().toSeconds());
    }

    private static JsonArrayBuilder rows(Results r) {
        JsonArrayBuilder rows = Json.createArrayBuilder();
        for (Row row : r.rows()) {
            rows.add(Json.createObjectBuilder()
                    .add("operation", row.operation().name().toLowerCase(Locale.ROOT))
                    .add("threads", row.threads()).add("rounds", row.rounds())
                    .add("entitiesPerRound", row.entitiesPerRound())
                    .add("plainOpsPerSecond", spread(row.plain())).add("sealedOpsPerSecond", spread(row.sealed()))
                    .add("ratio", round(row.ratio(), 3)).add("meetsGoal", row.meetsGoal())
                    .add("plainMicrosPerEntity", round(row.plainMicros(), 1))
                    .add("sealedMicrosPerEntity", round(row.sealedMicros(), 1))
                    .add("hsmPerEntity", Json.createObjectBuilder()
                            .add("sealed", perEntity(row.sealedHsm())).add("plain", perEntity(row.plainHsm())))
                    .add("stepMicrosPerEntity", Json.createObjectBuilder()
                            .add("sealed", steps(row.sealedSteps())).add("plain", steps(row.plainSteps()))
                            .add("sealedMinusPlain", steps(row.stepDifference()))));
        }
        return rows;
    }

    private static JsonArrayBuilder phases(Results r) {
        JsonArrayBuilder phases = Json.createArrayBuilder();
        for (Phase p : r.phases()) {
            phases.add(Json.createObjectBuilder()
                    .add("threads", p.threads()).add("round", p.round())
                    .add("operation", p.operation().name().toLowerCase(Locale.ROOT))
                    .add("variant", p.variant().name().toLowerCase(Locale.ROOT))
                    .add("entities", p.count()).add("nanos", p.nanos())
                    .add("opsPerSecond", round(p.opsPerSecond(), 1))
                    .add("seals", p.hsm().seals()).add("opens", p.hsm().opens()).add("macs", p.hsm().macs())
                    .add("persistNanos", p.steps().persist()).add("queryNanos", p.steps().query())
                    .add("fieldsNanos", p.steps().fields()).add("hsmNanos", p.steps().hsm()));
        }
        return phases;
    }

    static JsonObjectBuilder spread(Summary.Spread spread) {
        return Json.createObjectBuilder().add("median", round(spread.median(), 1))
                .add("min", round(spread.min(), 1)).add("max", round(spread.max(), 1));
    }

    private static JsonObjectBuilder perEntity(Summary.PerEntity ops) {
        return Json.createObjectBuilder().add("seals", round(ops.seals(), 3)).add("opens", round(ops.opens(), 3))
                .add("macs", round(ops.macs(), 3));
    }

    private static JsonObjectBuilder steps(Summary.StepMicros micros) {
        return Json.createObjectBuilder().add("persist", round(micros.persist(), 1))
                .add("query", round(micros.query(), 1)).add("fields", round(micros.fields(), 1))
                .add("transaction", round(micros.transaction(), 1)).add("total", round(micros.total(), 1))
                .add("insideHsm", round(micros.hsm(), 1));
    }

    private static JsonObjectBuilder stats(Stats stats) {
        return Json.createObjectBuilder().add("median", round(stats.medianMicros(), 2))
                .add("p90", round(stats.p90Micros(), 2));
    }

    static BigDecimal round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
    }

    static String pretty(JsonObject json) {
        StringWriter out = new StringWriter();
        Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out).write(json);
        return out.toString().strip() + "\n";
    }
}
