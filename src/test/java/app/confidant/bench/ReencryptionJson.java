package app.confidant.bench;

import static app.confidant.bench.JsonReport.round;

import app.confidant.keyceremony.PlainUpdateWalk.Walked;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;

/** The re-encryption result for machines (comparisons across commits). */
final class ReencryptionJson {

    private ReencryptionJson() {
    }

    static String render(ReencryptionResults r) {
        BenchSettings s = r.settings();
        Environment e = r.environment();
        JsonArrayBuilder rounds = Json.createArrayBuilder();
        for (ReencryptionRound round : r.rounds()) {
            rounds.add(size(round));
        }
        return JsonReport.pretty(Json.createObjectBuilder()
                .add("benchmark", "reencryption")
                .add("date", e.date().toString())
                .add("commit", s.commit())
                .add("dirty", s.dirty())
                .add("quick", s.quick())
                .add("goalRatio", ReencryptionRound.GOAL)
                .add("environment", JsonReport.environment(e, s).add("heapMaxBytes", r.heapMax()))
                .add("rounds", rounds)
                .build());
    }

    private static JsonObjectBuilder size(ReencryptionRound r) {
        return Json.createObjectBuilder()
                .add("values", r.values()).add("batchSize", r.batchSize())
                .add("seedValuesPerSecond", round(r.seedRate(), 1))
                .add("updateRowsPerSecond", round(r.updateRate(), 1))
                .add("reencryptionValuesPerSecond", round(r.pure().rate(), 1))
                .add("ratio", round(r.ratio(), 3)).add("meetsGoal", r.meetsGoal())
                .add("throttledValuesPerSecond", round(r.throttled().rate(), 1))
                .add("throttledRatio", round(r.throttledRatio(), 3))
                .add("walkBefore", walk(r.walkBefore())).add("walkAfter", walk(r.walkAfter()))
                .add("pure", job(r.pure())).add("throttled", job(r.throttled()))
                .add("quietWait", Json.createObjectBuilder().add("seconds", r.quietWait().seconds())
                        .add("quiet", r.quietWait().quiet()).add("busy", round(r.quietWait().busy(), 2)))
                .add("check", Json.createObjectBuilder()
                        .add("seededDigest", r.check().seeded().sha256())
                        .add("digestAfterBothRotations", r.check().rotated().sha256())
                        .add("valuesOpened", r.check().rotated().values())
                        .add("versionsAfterPure", versions(r.check().versionsAfterPure()))
                        .add("versionsAfterThrottled", versions(r.check().versionsAfterThrottled())));
    }

    private static JsonObjectBuilder walk(Walked w) {
        return Json.createObjectBuilder().add("rows", w.rows()).add("batches", w.batches()).add("nanos", w.nanos())
                .add("batchNanos", w.batchNanos()).add("rowsPerSecond", round(ReencryptionRound.rate(w), 1));
    }

    private static JsonObjectBuilder job(ReencryptionRound.Job j) {
        ReencryptionRound.Memory m = j.memory();
        return Json.createObjectBuilder()
                .add("targetVersion", j.started().targetVersion()).add("pauseMillis", j.started().pauseMillis())
                .add("runBy", j.finished().batches() < 0 ? "runner" : "bench-thread")
                .add("values", j.finished().resealed()).add("batches", j.finished().batches())
                .add("nanos", j.finished().nanos()).add("batchNanos", j.finished().batchNanos())
                .add("valuesPerSecond", round(j.rate(), 1))
                .add("jobReportedValuesPerSecond", j.finished().progress().ratePerSecond())
                .add("microsPerValue", round(j.microsPerValue(), 2))
                .add("hsmMicrosPerValue", round(j.hsmMicrosPerValue(), 2))
                .add("hsm", Json.createObjectBuilder().add("seals", j.hsm().seals()).add("opens", j.hsm().opens())
                        .add("macs", j.hsm().macs()).add("nanos", j.hsmNanos()))
                .add("heap", Json.createObjectBuilder().add("usedAfterGcBefore", m.before())
                        .add("usedAfterGcAfter", m.after()).add("maxSampledDuring", m.during().maxUsed())
                        .add("samples", m.during().samples()).add("collections", m.during().collections())
                        .add("collectionMillis", m.during().collectionMillis()));
    }

    private static JsonObjectBuilder versions(Map<Integer, Long> versions) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        versions.forEach((version, count) -> json.add("v" + version, count));
        return json;
    }
}
